// The bearer token of this browser tab: kept in sessionStorage only, so it is forgotten when the tab closes
// and never written to disk by the page.
const key = 'jobcenter.token';

export function token() {
  return sessionStorage.getItem(key) ?? '';
}

export function keepToken(secret) {
  sessionStorage.setItem(key, secret);
}

export function forgetToken() {
  sessionStorage.removeItem(key);
}
