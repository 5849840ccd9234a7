// Calls to Jobcenter's HTTP API with the tab's bearer token. A failed call throws an ApiError that carries
// the server's error (kind, message, where) and the HTTP status; a 401 also tells the page to sign out.
import { token } from './token.js';

export class ApiError extends Error {
  constructor({ status = 0, kind = 'network', message = '', where = '' }) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.where = where;
  }
}

async function send(path, options) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { Authorization: `Bearer ${token()}`, ...(options.headers ?? {}) },
      cache: 'no-store',
    });
  } catch (failure) {
    throw new ApiError({ kind: 'network', message: failure.message });
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError({ status: response.status, kind: 'reply', message: response.statusText });
  }
  if (!response.ok) {
    const error = body?.error ?? {};
    const failure = new ApiError({
      status: response.status,
      kind: error.kind ?? 'error',
      message: error.message ?? response.statusText,
      where: error.where ?? '',
    });
    if (response.status === 401) window.dispatchEvent(new CustomEvent('jobcenter:unauthorised', { detail: failure }));
    throw failure;
  }
  return body;
}

// POST /api/<plugin>/<command> with the command's JSON request; the command's JSON reply.
export function call(plugin, command, request = {}) {
  return send(`api/${encodeURIComponent(plugin)}/${encodeURIComponent(command)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
}

// The register's commands, by their joined names: register('review-list', {limit: 20}).
export function register(command, request = {}) {
  return call('register', command, request);
}

// GET /api/whoami: {token, unit, role} of the tab's token.
export function whoami() {
  return send('api/whoami', { method: 'GET' });
}
