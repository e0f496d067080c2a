// Small DOM helpers: elements are built from data with textContent, never from HTML strings.

/** h('button', { class: 'x', onclick: f }, 'Stop') */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The service's error as it words it: Code, Message, RequestId. */
export function errorBox(error, context) {
  return h('div', { class: 'error', role: 'alert' },
    context ? h('span', { class: 'context' }, context + ': ') : null,
    h('strong', { class: 'code' }, error.code ?? 'Error'),
    ' ', h('span', { class: 'message' }, error.serviceMessage ?? error.message),
    error.requestId ? h('div', { class: 'request-id' }, 'RequestId ', h('code', {}, error.requestId)) : null);
}

export function notice(text) {
  return h('div', { class: 'notice', role: 'status' }, text);
}

/**
 * A table that turns into cards on a narrow screen: columns are [label, cell(row)] pairs; each
 * cell carries its label for the narrow layout.
 */
export function table(columns, rows, { caption, empty = 'None.', rowAttrs } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {},
        columns.map(([label, cell]) => h('td', { 'data-label': label }, cell(row))))))));
}

/** Says when a list has more than the page shown (the views ask for the first 100). */
export function more(body, shown) {
  const total = Number(body.TotalCount ?? shown);
  return total > shown ? h('p', { class: 'muted' }, `Showing the first ${shown} of ${total}.`) : null;
}

export function tags(list) {
  if (!list?.length) return h('span', { class: 'muted' }, '—');
  return h('ul', { class: 'tags' }, list.map((t) => h('li', {}, `${t.Key}=${t.Value ?? ''}`)));
}

export function status(text) {
  return h('span', { class: `status status-${String(text ?? '').toLowerCase()}` }, text ?? '—');
}

export function dash(value) {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

/**
 * A confirmation in a modal dialog: the rest of the page is inert while it is open (so focus
 * stays in it), Escape cancels, and focus returns to what opened it. Resolves true or false.
 */
export function confirmDialog({ title, text, confirm }) {
  const dialog = document.getElementById('confirm');
  const opener = document.activeElement;
  fill(dialog.querySelector('#confirm-title'), title);
  fill(dialog.querySelector('#confirm-text'), text);
  if (dialog.open) return Promise.resolve(false);
  const ok = dialog.querySelector('#confirm-ok');
  ok.textContent = confirm;
  return new Promise((resolve) => {
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector('#confirm-cancel').focus();
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok');
      if (opener && document.contains(opener)) opener.focus();
    }, { once: true });
  });
}

export function wireDialog() {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-ok').addEventListener('click', () => dialog.close('ok'));
  dialog.querySelector('#confirm-cancel').addEventListener('click', () => dialog.close('cancel'));
  // Tab and Shift+Tab cycle between the dialog's own buttons
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll('button')];
    const i = focusable.indexOf(document.activeElement);
    const next = e.shiftKey ? (i <= 0 ? focusable.length - 1 : i - 1) : (i + 1) % focusable.length;
    focusable[next].focus();
    e.preventDefault();
  });
}

/** Copies text; falls back to selecting it when the clipboard is not available. */
export async function copy(text, pre) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(pre);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return false;
  }
}
