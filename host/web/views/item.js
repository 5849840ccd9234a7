// One review item side by side (register.review-show): each field same / different / missing, the per-field
// evidence and every source record; and its decision (register.review-decide): same, not the same or skip.
import { register } from '../api.js';
import { fill, h, onSubmit, table } from '../dom.js';
import { reasonAndName } from '../decision.js';
import { formatMoment, formatNumber, formatPercent, label, t } from '../i18n.js';
import { clearMessages, oneAtATime, showError, showLoading, showNews } from '../messages.js';
import { link } from '../router.js';
import { nextAfter } from './queue.js';

const goldenFields = ['name', 'business_id', 'street', 'postcode', 'city', 'phone', 'email'];
const element = (id) => document.getElementById(id);
let last = null;

// The comparison review-show gives a pair, worked out the same way for the two parts of a bridge.
function compareGolden(a, b) {
  return goldenFields
    .filter((field) => a[field] || b[field])
    .map((field) => ({
      field,
      a: a[field] ?? null,
      b: b[field] ?? null,
      comparison: !a[field] || !b[field] ? 'one missing' : a[field] === b[field] ? 'same' : 'different',
    }));
}

function valueText(value) {
  return value === null || value === undefined || value === '' ? t('value.missing') : String(value);
}

function comparisonBadge(comparison) {
  const kind = comparison === 'same' ? 'same' : comparison === 'different' ? 'different' : 'missing';
  return h('span', { class: `badge cmp-${kind}` }, label('cmp', comparison));
}

function fieldsTable(fields, sideA, sideB, headingA, headingB) {
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t('item.fields')),
    table(
      null,
      [t('col.field'), headingA, headingB, t('col.comparison')],
      fields.map((row) => ({
        attributes: { 'data-field': row.field, 'data-comparison': row.comparison },
        cells: [label('field', row.field), valueText(row.a), valueText(row.b), comparisonBadge(row.comparison)],
      })),
      { class: 'compare', id: 'item-fields' },
    ),
  );
}

function evidenceBlock(evidence) {
  const rows = Array.isArray(evidence) ? evidence : [];
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t('item.evidence')),
    rows.length
      ? table(null, [t('col.field'), t('col.weight'), t('col.detail')],
              rows.map((row) => [label('field', row.field), String(row.weight), row.detail ?? '']),
              { id: 'item-evidence' })
      : h('p', {}, t('item.noevidence')),
  );
}

// A source record's fields other than its unit and id, as the unit gave them.
export function sourceFields(source) {
  const entries = Object.entries(source).filter(
    ([key, value]) => key !== 'unit' && key !== 'source_id' && value !== null && value !== '',
  );
  return h('dl', { class: 'pairs' }, entries.map(([key, value]) => [h('dt', {}, label('field', key)), h('dd', {}, String(value))]));
}

// Every source record; another unit's, which the server withholds from a unit's staff, says so instead.
export function sourcesTable(sources) {
  return table(
    t('item.sources'),
    [t('col.unit'), t('col.source_id'), t('col.values')],
    sources.map((source) => (source.withheld
      ? { attributes: { class: 'withheld' }, cells: [source.unit, '', t('item.withheld')] }
      : [source.unit, source.source_id, sourceFields(source)])),
    { class: 'sources' },
  );
}

function side(heading, sideData, testId) {
  return h(
    'section',
    { class: 'side', 'data-side': testId, 'aria-label': heading },
    h('h3', {}, heading),
    h('p', {}, t('item.units', { units: (sideData.units ?? []).join(', ') })),
    sourcesTable(sideData.sources ?? []),
  );
}

function historyBlock(history) {
  if (!history?.length) return null;
  return h(
    'section',
    { class: 'block' },
    h('h3', {}, t('item.history')),
    table(null, [t('col.event'), t('col.what'), t('col.by'), t('col.at'), t('col.reason')],
          history.map((row) => [String(row.event), label('event', row.kind), `${row.by} (${row.unit || '-'})`, h('time', { datetime: row.at }, formatMoment(row.at)), row.reason])),
  );
}

function renderPair(item) {
  const headingA = t('item.side', { id: item.a.orderer, name: item.a.name });
  const headingB = t('item.side', { id: item.b.orderer, name: item.b.name });
  return [
    h('p', {}, t('item.summary', {
      score: formatNumber(item.score, 1),
      probability: formatPercent(item.probability),
      status: label('status', item.status),
    })),
    fieldsTable(item.fields, item.a, item.b, headingA, headingB),
    evidenceBlock(item.evidence),
    h('div', { class: 'sides' }, side(headingA, item.a, 'a'), side(headingB, item.b, 'b')),
    historyBlock(item.history),
  ];
}

function renderBridge(item) {
  if (item.status === 'settled') return [h('p', { class: 'message news' }, t('item.settled', { note: item.note ?? '' }))];
  const headingStays = t('item.stays', { id: item.orderer });
  const headingPart = t('item.part');
  return [
    h('p', {}, t('item.bridgesummary', {
      score: formatNumber(item.score, 1),
      average: formatNumber(item.average, 1),
      status: label('status', item.status),
    })),
    h('p', {}, t('item.why', { why: item.why })),
    fieldsTable(compareGolden(item.stays.golden, item.part.golden), item.stays, item.part, headingStays, headingPart),
    evidenceBlock(item.evidence),
    h('div', { class: 'sides' }, side(headingStays, item.stays, 'a'), side(headingPart, item.part, 'b')),
  ];
}

function isOpen(item) {
  return item && (item.status === 'open' || item.status === 'skipped');
}

// The merge-by-hand link proposes the orderer with more sources as the survivor, as review-decide does.
function byHandLink(item) {
  const byHand = element('decide-by-hand');
  byHand.hidden = item.kind === 'bridge' || !isOpen(item);
  if (byHand.hidden) return;
  const countA = item.a.sources.length, countB = item.b.sources.length;
  const aSurvives = countA > countB || (countA === countB && item.a.orderer < item.b.orderer);
  const [into, other] = aSurvives ? [item.a.orderer, item.b.orderer] : [item.b.orderer, item.a.orderer];
  byHand.href = link('merge', other, into);
}

function render() {
  if (!last) return;
  fill(element('item-heading'), t('item.heading', { id: last.item }));
  fill(element('item-content'), ...(last.kind === 'bridge' ? renderBridge(last) : renderPair(last)));
  for (const button of element('decide-form').querySelectorAll('button')) button.disabled = !isOpen(last);
  byHandLink(last);
}

async function load(id) {
  showLoading(element('item-messages'));
  try {
    last = await register('review-show', { item: id });
    clearMessages(element('item-messages'));
    render();
  } catch (failure) {
    last = null;
    fill(element('item-content'));
    showError(element('item-messages'), failure);
  }
}

function resultText(verdict, reply) {
  if (verdict === 'same' && reply.kind === 'bridge') return t('decide.confirmed', reply);
  if (verdict === 'same') return t('decide.merged', reply);
  if (verdict === 'not-same') return t('decide.notsamedone', reply);
  return t('decide.skipped', reply);
}

const decideShown = oneAtATime('decide-messages', async (area, verdict) => {
  if (!isOpen(last)) return showNews(area, t('decide.closed'));
  const signed = reasonAndName(area, 'decide-reason');
  if (!signed) return;
  const reply = await register('review-decide', { item: last.item, verdict, ...signed });
  element('decide-reason').value = '';
  const next = await nextAfter(last.item);
  await load(last.item);
  const nextLink = next === null ? null : h('a', { href: link('item', next), id: 'decide-next' }, t('decide.next'));
  showNews(area, resultText(verdict, reply), nextLink ? ' ' : null, nextLink);
  (nextLink ?? element('item-heading')).focus();
});

// Decides the item on screen: same, not-same or skip; refuses in words when the reason or name is missing.
export function decide(verdict) {
  if (last) decideShown(verdict);
}

export const itemView = {
  name: 'item',
  heading: 'item-heading',
  init() {
    for (const button of element('decide-form').querySelectorAll('button[data-verdict]'))
      button.addEventListener('click', () => decide(button.dataset.verdict));
    onSubmit('decide-form', () => {});
  },
  show([id]) {
    clearMessages(element('decide-messages'));
    element('decide-reason').value = '';
    const number = Number.parseInt(id, 10);
    if (!Number.isSafeInteger(number)) {
      showError(element('item-messages'), { message: t('error.number') });
      return;
    }
    fill(element('item-heading'), t('item.heading', { id: number }));
    last = null;
    fill(element('item-content'));
    return load(number);
  },
  rerender: render,
};
