// The page's places as hash links (#/queue, #/item/7, #/merge/8/6, #/history/42, #/orderer/42, #/search), so
// every place is a real link the keyboard and the back button reach. Other hashes (#main) are left alone.
const listeners = [];

export function parseHash(hash = location.hash) {
  if (!hash.startsWith('#/')) return null;
  const [name, ...args] = hash.slice(2).split('/').map(decodeURIComponent);
  return { name: name || 'queue', args };
}

export function link(name, ...args) {
  return `#/${[name, ...args].map((part) => encodeURIComponent(String(part))).join('/')}`;
}

export function go(name, ...args) {
  const target = link(name, ...args);
  if (location.hash === target) notify();
  else location.hash = target;
}

export function onRoute(listener) {
  listeners.push(listener);
}

function notify() {
  const place = parseHash();
  if (place) for (const listener of listeners) listener(place);
}

// Listens to the hash from now on and shows the current place (the queue when the hash names none).
export function startRouting() {
  window.addEventListener('hashchange', notify);
  reroute();
}

// Shows the current place again (after signing in).
export function reroute() {
  if (!parseHash()) history.replaceState(null, '', link('queue'));
  notify();
}
