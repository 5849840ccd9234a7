// Who is signed in: the token checked with GET /api/whoami, the identity it gives (token name, unit, role)
// and the person's own name for the history (by default the token's name).
import { whoami } from './api.js';
import { forgetToken, keepToken, token } from './token.js';

const nameKey = 'jobcenter.name';
let identity = null;

export function currentIdentity() {
  return identity;
}

// Checks `secret` with the server; on success it is kept for this tab. Throws the server's error otherwise.
export async function signIn(secret) {
  keepToken(secret);
  try {
    identity = await whoami();
  } catch (failure) {
    forgetToken();
    identity = null;
    throw failure;
  }
  return identity;
}

// Signs in again with the token this tab already holds (after a reload); null when it holds none.
export async function resume() {
  if (!token()) return null;
  return signIn(token());
}

export function signOut() {
  forgetToken();
  sessionStorage.removeItem(nameKey);
  identity = null;
}

// The name decisions and contacts are recorded under.
export function yourName() {
  return sessionStorage.getItem(nameKey) ?? identity?.token ?? '';
}

export function setYourName(name) {
  sessionStorage.setItem(nameKey, name);
}
