// Small helpers to build the page's elements from data: text goes in as text (never as HTML), so nothing a
// register holds can inject markup.

// h('p', {class: 'note'}, 'text', child, ...): attributes starting with "on" are listeners.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Replaces everything in `element` by `children`.
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

// A table with a caption, header cells and rows: each row a list of cells (text or elements), or
// {cells, attributes} when the row needs attributes of its own.
export function table(caption, headers, rows, attributes = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      attributes,
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map((row) => {
        const { cells, attributes: rowAttributes } = Array.isArray(row) ? { cells: row, attributes: {} } : row;
        return h('tr', rowAttributes, cells.map((cell) => h('td', {}, cell)));
      })),
    ),
  );
}

// The value of a text field, trimmed.
export function valueOf(id) {
  return document.getElementById(id).value.trim();
}

// Handles a form's submit in the page (never a page load).
export function onSubmit(formId, handler) {
  document.getElementById(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    handler();
  });
}
