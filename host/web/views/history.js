// The history of decisions (register.history), newest first, with unmerge (register.unmerge) for every merge
// not undone yet, a person's or a run's.
import { register } from '../api.js';
import { fill, h, onSubmit, table, valueOf } from '../dom.js';
import { reasonAndName } from '../decision.js';
import { formatMoment, label, t } from '../i18n.js';
import { clearMessages, oneAtATime, showError, showLoading, showNews } from '../messages.js';

const element = (id) => document.getElementById(id);
let last = null;
let pending = null; // {event, opener}: the merge the unmerge form is about, and the button that opened it

function stateCell(row) {
  if (row.undone_by) return t('history.undone', { event: row.undone_by });
  if (row.undoes) return t('history.undoes', { event: row.undoes });
  const undoable = (row.kind === 'merge' || row.kind === 'dedupe') && row.other;
  if (!undoable) return '';
  const button = h('button', { type: 'button', class: 'small', 'data-unmerge': row.event },
                   t('history.unmerge', { event: row.event }));
  button.addEventListener('click', () => openUnmerge(row.event, button));
  return button;
}

function whatCell(row) {
  const kind = label('event', row.kind);
  if ((row.kind === 'merge' || row.kind === 'dedupe') && row.other)
    return `${kind}: ${t('history.pair', { other: row.other, orderer: row.orderer })}`;
  return row.other ? `${kind}: ${row.orderer}, ${row.other}` : `${kind}: ${row.orderer}`;
}

function render() {
  if (!last) return;
  if (!last.rows.length) return fill(element('history-content'), h('p', {}, t('history.empty')));
  fill(element('history-content'), table(
    null,
    [t('col.event'), t('col.what'), t('col.by'), t('col.at'), t('col.reason'), t('col.state')],
    last.rows.map((row) => ({
      attributes: { 'data-event': row.event, 'data-kind': row.kind },
      cells: [String(row.event), whatCell(row), `${row.by} (${[row.unit, label('role', row.role)].filter(Boolean).join(', ')})`,
              h('time', { datetime: row.at }, formatMoment(row.at)), row.reason, stateCell(row)],
    })),
    { id: 'history-table' },
  ));
}

function ordererFilter() {
  const text = valueOf('history-orderer');
  return /^\d+$/.test(text) ? Number.parseInt(text, 10) : null;
}

async function load() {
  const area = element('history-messages');
  const text = valueOf('history-orderer');
  const orderer = ordererFilter();
  if (text && orderer === null) return showError(area, { message: t('error.number') });
  showLoading(area);
  try {
    last = await register('history', orderer === null ? { limit: 100 } : { orderer, limit: 100 });
    clearMessages(area);
    render();
  } catch (failure) {
    last = null;
    fill(element('history-content'));
    showError(area, failure);
  }
}

function openUnmerge(event, opener) {
  pending = { event, opener };
  fill(element('unmerge-heading'), t('unmerge.heading', { event }));
  element('unmerge-form').hidden = false;
  element('unmerge-reason').value = '';
  element('unmerge-reason').focus();
}

function closeUnmerge() {
  element('unmerge-form').hidden = true;
  const opener = pending?.opener;
  pending = null;
  if (opener?.isConnected) opener.focus();
}

const unmerge = oneAtATime('history-messages', async (area) => {
  if (!pending) return;
  const signed = reasonAndName(area, 'unmerge-reason');
  if (!signed) return;
  const reply = await register('unmerge', { event: pending.event, ...signed });
  element('unmerge-form').hidden = true;
  pending = null;
  await load();
  showNews(area, t('unmerge.done', reply));
  element('history-heading').focus();
});

export const historyView = {
  name: 'history',
  heading: 'history-heading',
  init() {
    onSubmit('history-form', load);
    onSubmit('unmerge-form', unmerge);
    element('unmerge-cancel').addEventListener('click', closeUnmerge);
  },
  show([orderer]) {
    element('unmerge-form').hidden = true;
    pending = null;
    element('history-orderer').value = orderer ?? '';
    return load();
  },
  rerender: render,
};
