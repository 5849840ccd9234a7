// What the page tells the person: an error in words (the server's message and where, with the HTTP status),
// a piece of news, or "loading", each put into a view's message area (an aria-live region).
import { h, fill } from './dom.js';
import { t } from './i18n.js';

// An element saying what went wrong: never an empty or silent failure.
export function errorElement(error) {
  const lines = [];
  if (error?.kind === 'network') lines.push(t('error.network', { message: error.message }));
  else if (error?.kind === 'reply') lines.push(t('error.reply', { status: error.status }));
  else lines.push(error?.message || String(error));
  const details = [];
  if (error?.status) details.push(t('error.status', { status: error.status, kind: error.kind }));
  if (error?.where) details.push(t('error.where', { where: error.where }));
  return h(
    'div',
    { class: 'message error', role: 'alert' },
    h('strong', {}, `${t('error.title')}: `),
    lines.join(' '),
    details.length ? h('span', { class: 'error-details' }, details.join(' · ')) : null,
  );
}

export function showError(area, error) {
  fill(area, errorElement(error));
}

export function showNews(area, text, ...extra) {
  fill(area, h('div', { class: 'message news' }, text, ...extra));
}

export function showLoading(area) {
  fill(area, h('p', { class: 'loading' }, t('loading')));
}

export function clearMessages(area) {
  fill(area);
}

// A warning that other units contacted an orderer recently: one line per contact, as the server words it.
export function contactWarning(heading, warnings) {
  return h(
    'div',
    { class: 'message warning', role: 'alert' },
    h('strong', {}, heading),
    h('ul', {}, warnings.map((warning) => h('li', {}, warning.message))),
  );
}

// `action` made safe to press twice: while one run is under way another does nothing; "loading" shows in the
// area meanwhile, and an error it throws is shown there in words.
export function oneAtATime(areaId, action) {
  let running = false;
  return async (...args) => {
    if (running) return;
    running = true;
    const area = document.getElementById(areaId);
    showLoading(area);
    try {
      await action(area, ...args);
    } catch (failure) {
      showError(area, failure);
    } finally {
      running = false;
    }
  };
}
