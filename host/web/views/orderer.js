// One orderer (register.show): its record with where each value came from, its source records and the
// contact log of every unit, with a clear warning when another unit contacted it within the unit's window;
// and the form that logs a contact (register.contact-add).
import { register } from '../api.js';
import { fill, h, onSubmit, table, valueOf } from '../dom.js';
import { label, t } from '../i18n.js';
import { clearMessages, contactWarning, oneAtATime, showError, showLoading } from '../messages.js';
import { go, link } from '../router.js';
import { yourName } from '../sign_in.js';
import { sourcesTable } from './item.js';

const goldenFields = ['name', 'business_id', 'street', 'postcode', 'city', 'phone', 'email'];
const element = (id) => document.getElementById(id);
let last = null;

function goldenTable(reply) {
  const provenance = reply.provenance ?? {};
  return table(
    t('orderer.golden'),
    [t('col.field'), t('col.value'), t('col.from'), t('col.rule')],
    goldenFields.map((field) => ({
      attributes: { 'data-field': field },
      cells: [label('field', field), reply.orderer[field] ?? t('value.missing'),
              provenance[field]?.from ?? '', provenance[field]?.rule ?? ''],
    })),
    { id: 'orderer-golden' },
  );
}

function contactsBlock(contacts) {
  return h('section', { class: 'block' },
    h('h3', {}, t('orderer.contacts')),
    contacts.length
      ? table(null,
          [t('col.date'), t('col.unit'), t('col.staff'), t('col.channel'), t('col.outcome'), t('col.next_action'), t('col.note')],
          contacts.map((row) => ({
            attributes: { 'data-contact': row.id },
            cells: [row.date, row.unit, row.staff, label('channel', row.channel), row.outcome, row.next_action ?? '', row.note ?? ''],
          })),
          { id: 'orderer-contacts' })
      : h('p', {}, t('orderer.nocontacts')));
}

function siblingsBlock(siblings) {
  if (!siblings?.length) return null;
  return h('section', { class: 'block' },
    h('h3', {}, t('orderer.siblings')),
    h('ul', {}, siblings.map((sibling) => h('li', {}, h('a', { href: link('orderer', sibling.id) }, `${sibling.id} ${sibling.name}`)))));
}

function render() {
  if (!last) return;
  const id = last.orderer.id;
  fill(element('orderer-warnings'),
    last.warnings?.length ? contactWarning(t('orderer.warning'), last.warnings) : null);
  fill(element('orderer-content'),
    h('h3', { id: 'orderer-title' }, t('orderer.title', { id, name: last.orderer.name })),
    last.note ? h('p', { class: 'message news' }, last.note) : null,
    goldenTable(last),
    contactsBlock(last.contacts ?? []));
  fill(element('orderer-details'),
    h('section', { class: 'block' }, sourcesTable(last.sources ?? [])),
    siblingsBlock(last.siblings),
    h('p', {}, h('a', { href: link('history', id) }, t('orderer.history', { id }))));
}

async function load(id) {
  const area = element('orderer-messages');
  showLoading(area);
  try {
    last = await register('show', { id });
    clearMessages(area);
    render();
    element('contact-form').hidden = false;
    if (!valueOf('contact-staff')) element('contact-staff').value = yourName();
  } catch (failure) {
    last = null;
    fill(element('orderer-content'));
    fill(element('orderer-details'));
    fill(element('orderer-warnings'));
    element('contact-form').hidden = true;
    showError(area, failure);
  }
}

// The contact-add request: the optional fields only when given.
function contactRequest() {
  const request = { orderer: last.orderer.id, staff: valueOf('contact-staff'), outcome: element('contact-outcome').value,
                    channel: element('contact-channel').value };
  const optional = { on: 'contact-on', next_action: 'contact-next', note: 'contact-note' };
  for (const [field, id] of Object.entries(optional)) if (valueOf(id)) request[field] = valueOf(id);
  return request;
}

const logContact = oneAtATime('contact-messages', async (area) => {
  if (!last) return showError(area, { message: t('contact.needorderer') });
  if (!valueOf('contact-staff')) {
    showError(area, { message: t('decide.needname') });
    element('contact-staff').focus();
    return;
  }
  const reply = await register('contact-add', contactRequest());
  element('contact-note').value = '';
  await load(last.orderer.id);
  fill(area,
    reply.warnings?.length ? contactWarning(t('orderer.warning'), reply.warnings) : null,
    h('div', { class: 'message news', role: 'status' }, t('contact.done', reply)));
});

export const ordererView = {
  name: 'orderer',
  heading: 'orderer-heading',
  init() {
    onSubmit('orderer-form', () => {
      const text = valueOf('orderer-id');
      if (!/^\d+$/.test(text)) return showError(element('orderer-messages'), { message: t('error.number') });
      go('orderer', text);
    });
    onSubmit('contact-form', logContact);
  },
  show([id]) {
    clearMessages(element('contact-messages'));
    if (id === undefined) {
      if (!last) element('contact-form').hidden = true;
      return;
    }
    element('orderer-id').value = id;
    last = null;
    fill(element('orderer-content'));
    fill(element('orderer-details'));
    fill(element('orderer-warnings'));
    if (!/^\d+$/.test(id)) return showError(element('orderer-messages'), { message: t('error.number') });
    return load(Number.parseInt(id, 10));
  },
  rerender: render,
};
