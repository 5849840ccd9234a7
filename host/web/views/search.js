// The entry-time check as the person types (register.check): calls debounced by 200 ms, replies to older
// keystrokes dropped, the likely existing orderers listed with score, probability, verdict and why.
import { register } from '../api.js';
import { fill, h, valueOf } from '../dom.js';
import { formatNumber, formatPercent, label, t } from '../i18n.js';
import { contactWarning, showError } from '../messages.js';
import { link } from '../router.js';

const debounceMs = 200;
const fields = { business_id: 'search-business-id', phone: 'search-phone', email: 'search-email',
                 street: 'search-street', postcode: 'search-postcode', city: 'search-city' };
const element = (id) => document.getElementById(id);
let timer = null;
let asked = 0;      // the number of the latest check sent
let last = null;    // the reply shown

function request() {
  const body = { name: valueOf('search-name'), limit: 10 };
  for (const [field, id] of Object.entries(fields)) if (valueOf(id)) body[field] = valueOf(id);
  return body;
}

function candidate(match) {
  const verdictClass = match.verdict === 'same orderer' ? 'verdict-same' : 'verdict-maybe';
  return h('li', { class: 'candidate', 'data-orderer': match.orderer },
    h('h3', {}, h('a', { href: link('orderer', match.orderer) }, `${match.orderer} ${match.name}`)),
    h('p', {},
      h('span', { class: `badge ${verdictClass}` }, label('verdict', match.verdict)), ' ',
      `${t('col.score')} ${formatNumber(match.score, 1)}, ${t('col.probability').toLowerCase()} ${formatPercent(match.probability)}`),
    h('p', { class: 'hint' }, t('search.matched', { record: match.matched_record })),
    match.reasons?.length
      ? h('details', {}, h('summary', {}, t('search.reasons')),
          h('ul', {}, match.reasons.map((reason) => h('li', {}, `${label('field', reason.field)} ${reason.weight}: ${reason.detail}`))))
      : null,
    match.recent_contacts?.length ? contactWarning(t('search.contacts'), match.recent_contacts) : null);
}

function render() {
  const area = element('search-results');
  if (!last) return;
  if (!last.matches.length) return fill(area, h('p', { role: 'status' }, t('search.none')));
  fill(area,
    h('p', { role: 'status' },
      last.matches.length === 1 ? t('search.result') : t('search.results', { n: last.matches.length })),
    h('ol', { class: 'candidates', id: 'search-candidates' }, last.matches.map(candidate)));
}

async function check() {
  const number = ++asked;
  const body = request();
  if (body.name.length < 2) {
    last = null;
    fill(element('search-results'), h('p', { class: 'hint' }, t('search.short')));
    return;
  }
  element('search-results').setAttribute('aria-busy', 'true');
  try {
    const reply = await register('check', body);
    if (number !== asked) return;  // a newer keystroke's check is on its way
    last = reply;
    render();
  } catch (failure) {
    if (number !== asked) return;
    last = null;
    showError(element('search-results'), failure);
  } finally {
    if (number === asked) element('search-results').removeAttribute('aria-busy');
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, debounceMs);
}

export const searchView = {
  name: 'search',
  heading: 'search-heading',
  init() {
    element('search-form').addEventListener('input', schedule);
    element('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      check();
    });
  },
  show() {
    element('search-name').focus();
  },
  rerender() {
    if (last) render();
  },
};
