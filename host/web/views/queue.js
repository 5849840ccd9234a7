// The review queue (register.review-list): uncertain pairs and weak bridges, strongest first, each a link to
// its side-by-side view.
import { register } from '../api.js';
import { fill, h, table } from '../dom.js';
import { formatNumber, formatPercent, label, t } from '../i18n.js';
import { showError, showLoading, clearMessages } from '../messages.js';
import { link } from '../router.js';

const messages = () => document.getElementById('queue-messages');
const content = () => document.getElementById('queue-content');
let last = null;

function orderersCell(row) {
  if (row.kind === 'bridge')
    return t('queue.bridge', { name: row.name, records: row.part_records });
  return h('span', {}, `${row.orderer_a} ${row.name_a}`, h('br'), `${row.orderer_b} ${row.name_b}`);
}

function render() {
  if (!last) return;
  if (last.rows.length === 0) {
    fill(content(), h('p', { class: 'message news', role: 'status' }, t('queue.empty')));
    return;
  }
  const rows = last.rows.map((row) => ({
    attributes: { 'data-item': row.item },
    cells: [
      String(row.item),
      label('kind', row.kind),
      orderersCell(row),
      formatNumber(row.score, 1),
      row.probability === undefined ? '' : formatPercent(row.probability),
      String(row.skipped),
      h('a', { href: link('item', row.item), class: 'button-link' }, t('queue.open', { id: row.item })),
    ],
  }));
  fill(
    content(),
    h('p', { role: 'status' }, t('queue.waiting', { n: last.waiting })),
    table(
      null,
      [t('col.item'), t('col.kind'), t('col.orderers'), t('col.score'), t('col.probability'), t('col.skipped'), t('col.action')],
      rows,
      { id: 'queue-table' },
    ),
  );
}

export async function load() {
  showLoading(messages());
  try {
    last = await register('review-list', { limit: 50 });
    clearMessages(messages());
    render();
  } catch (failure) {
    showError(messages(), failure);
  }
  return last;
}

// The first waiting item after `item` (or the first of all), for "next item".
export async function nextAfter(item) {
  const queue = await register('review-list', { limit: 50 });
  const rows = queue.rows.filter((row) => row.item !== item);
  return rows.length ? rows[0].item : null;
}

export const queueView = {
  name: 'queue',
  heading: 'queue-heading',
  init() {
    document.getElementById('queue-refresh').addEventListener('click', load);
  },
  show() {
    return load();
  },
  rerender: render,
};
