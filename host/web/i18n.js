// The page's language: which one is in use, texts looked up in strings.js, the static labels of index.html
// (elements with data-i18n="key", data-i18n-label="key" for aria-label) and the lang attribute kept in step.
import { strings } from './strings.js';

const storageKey = 'jobcenter.language';
const languages = ['fi', 'en'];
let current = languages.includes(localStorage.getItem(storageKey)) ? localStorage.getItem(storageKey) : 'fi';
const listeners = [];

export function language() {
  return current;
}

// The text of `key` in the current language with {name} filled from `values`; an unknown key shows itself.
export function t(key, values = {}) {
  const text = strings[current][key] ?? strings.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// A label for a value the server sends (a field, a status, a verdict): the table's text, or the value itself.
export function label(prefix, value) {
  const key = `${prefix}.${value}`;
  return key in strings[current] ? strings[current][key] : String(value);
}

export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t('page.title');
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-label]'))
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
}

export function setLanguage(next) {
  if (!languages.includes(next) || next === current) return;
  current = next;
  localStorage.setItem(storageKey, next);
  applyStatic();
  for (const listener of listeners) listener(next);
}

export function toggleLanguage() {
  setLanguage(current === 'fi' ? 'en' : 'fi');
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

// Numbers as the language writes them ("5,6" in Finnish).
export function formatNumber(value, digits) {
  const number = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(current === 'fi' ? 'fi-FI' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(number);
}

export function formatPercent(value) {
  const number = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(current === 'fi' ? 'fi-FI' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(number);
}

// A moment the server gives in UTC ("2026-12-07T14:08:01Z") as the reader's local date and time.
export function formatMoment(iso) {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat(current === 'fi' ? 'fi-FI' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })
    .format(moment);
}
