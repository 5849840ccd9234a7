// Merging two orderers by hand (register.merge): the two golden records side by side, a choice per field of
// the value that survives, and --keep field=OTHER for every field where the person chose the other side.
import { register } from '../api.js';
import { fill, h, onSubmit, valueOf } from '../dom.js';
import { reasonAndName } from '../decision.js';
import { label, t } from '../i18n.js';
import { clearMessages, oneAtATime, showError, showLoading, showNews } from '../messages.js';
import { link } from '../router.js';

const goldenFields = ['name', 'business_id', 'street', 'postcode', 'city', 'phone', 'email'];
const element = (id) => document.getElementById(id);
let pair = null; // {into: show reply, other: show reply}

function wholeNumber(id) {
  const text = valueOf(id);
  return /^\d+$/.test(text) ? Number.parseInt(text, 10) : null;
}

// A choice only where both orderers have a value and the values differ; otherwise the one value there is.
function choiceFor(field) {
  const survivorValue = pair.into.orderer[field] ?? '';
  const otherValue = pair.other.orderer[field] ?? '';
  const fieldName = label('field', field);
  if (!survivorValue && !otherValue) return null;
  const single = (value, note) => h('div', { class: 'choice single', 'data-field': field },
    h('span', { class: 'choice-field' }, fieldName), ' ', h('span', {}, `${value} (${note})`));
  if (survivorValue === otherValue) return single(survivorValue, t('merge.samevalue'));
  if (!otherValue) return single(survivorValue, t('merge.onlyone', { id: pair.into.orderer.id }));
  if (!survivorValue) return single(otherValue, t('merge.onlyone', { id: pair.other.orderer.id }));
  const option = (side, orderer, value, checked) => {
    const id = `merge-keep-${field}-${side}`;
    return h('div', { class: 'option' },
      h('input', { type: 'radio', id, name: `keep-${field}`, value: side, checked }),
      h('label', { for: id }, h('span', { class: 'value' }, value), ` (${orderer})`));
  };
  return h('fieldset', { class: 'choice', 'data-field': field },
    h('legend', {}, fieldName),
    option('into', pair.into.orderer.id, survivorValue, true),
    option('other', pair.other.orderer.id, otherValue, false));
}

function render() {
  if (!pair) return;
  const into = pair.into.orderer, other = pair.other.orderer;
  fill(element('merge-choices'),
    h('h3', {}, t('merge.choose')),
    h('div', { class: 'sides' },
      h('p', {}, h('strong', {}, t('merge.into')), ': ', `${into.id} ${into.name}`),
      h('p', {}, h('strong', {}, t('merge.other')), ': ', `${other.id} ${other.name}`)),
    goldenFields.map(choiceFor));
  fill(element('merge-submit'), t('merge.submit', { other: other.id, into: into.id }));
}

async function compare(otherId, intoId) {
  const area = element('merge-messages');
  element('merge-form').hidden = true;
  clearMessages(element('merge-result'));
  pair = null;
  if (otherId === null || intoId === null) return showError(area, { message: t('error.number') });
  showLoading(area);
  try {
    const [other, into] = await Promise.all([register('show', { id: otherId }), register('show', { id: intoId })]);
    if (other.orderer.id === into.orderer.id)
      return showError(area, { message: t('merge.sameorderer', { id: into.orderer.id }) });
    pair = { other, into };
    clearMessages(area);
    render();
    element('merge-form').hidden = false;
    (element('merge-choices').querySelector('input') ?? element('merge-reason')).focus();
  } catch (failure) {
    showError(area, failure);
  }
}

// The --keep list: field=OTHER for each field whose surviving value the person took from the other orderer.
function keepList() {
  return goldenFields
    .filter((field) => element(`merge-keep-${field}-other`)?.checked)
    .map((field) => `${field}=${pair.other.orderer.id}`);
}

const merge = oneAtATime('merge-result', async (area) => {
  if (!pair) return;
  const signed = reasonAndName(area, 'merge-reason');
  if (!signed) return;
  const reply = await register('merge', {
    orderer: pair.other.orderer.id, into: pair.into.orderer.id, ...signed, keep: keepList(),
  });
  element('merge-form').hidden = true;
  element('merge-reason').value = '';
  const historyLink = h('a', { href: link('history', reply.survivor), id: 'merge-history' },
                        t('merge.toHistory', { id: reply.survivor }));
  showNews(area, t('merge.done', reply), ' ', historyLink);
  historyLink.focus();
});

export const mergeView = {
  name: 'merge',
  heading: 'merge-heading',
  init() {
    onSubmit('merge-pick-form', () => compare(wholeNumber('merge-other'), wholeNumber('merge-into')));
    element('merge-swap').addEventListener('click', () => {
      const other = element('merge-other').value;
      element('merge-other').value = element('merge-into').value;
      element('merge-into').value = other;
      if (pair) compare(wholeNumber('merge-other'), wholeNumber('merge-into'));
    });
    onSubmit('merge-form', merge);
  },
  show([other, into]) {
    clearMessages(element('merge-result'));
    if (other === undefined || into === undefined) return;
    element('merge-other').value = other;
    element('merge-into').value = into;
    return compare(wholeNumber('merge-other'), wholeNumber('merge-into'));
  },
  rerender: render,
};
