// Building the page from values without ever parsing them as HTML: every text goes in as a text node, so a
// database's purpose or a label can never become markup or script.

/** An element: h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A problem (RFC 9457) as people read it: its title and its detail, never a blank page. */
export function problemBox(problem) {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  return h('div', {class: 'problem', role: 'alert'},
    h('strong', {class: 'problem-title'}, problem.title || 'Something went wrong'),
    problem.detail ? h('p', {class: 'problem-detail'}, problem.detail) : null,
    errors.length ? h('ul', {}, errors.map(e => h('li', {}, `${e.field}: ${e.message}`))) : null,
    Array.isArray(problem.candidates) && problem.candidates.length
      ? h('ul', {}, problem.candidates.map(c => h('li', {}, `${c.cluster}: ${c.description}`)))
      : null,
    problem.request_id ? h('p', {class: 'muted small'}, `Request ${problem.request_id}`) : null);
}

export function notice(text) {
  return h('p', {class: 'notice', role: 'status'}, text);
}

/** A labelled field: label, control, and a place for the field's own error. */
export function field(label, control, hint) {
  const id = control.id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'field', 'data-field': control.name || id},
    h('label', {for: id}, label),
    hint ? h('span', {class: 'hint', id: hintId}, hint) : null,
    control,
    h('span', {class: 'field-error', id: errorId}));
}

/** Shows each of a problem's `errors` next to its field; answers the errors that have no field on the form. */
export function showFieldErrors(form, problem) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
  const unplaced = [];
  for (const error of problem.errors || []) {
    // A nested field (backup_policy.retain) has a control of its own, or goes to its parent's.
    const control = form.elements.namedItem(String(error.field)) || form.elements.namedItem(String(error.field).split('.')[0]);
    if (!control || !control.id) {
      unplaced.push(error);
      continue;
    }
    const message = document.getElementById(`${control.id}-error`);
    message.textContent = message.textContent ? `${message.textContent} ${error.message}` : error.message;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(message.id)) described.push(message.id);
    control.setAttribute('aria-describedby', described.join(' '));
  }
  return unplaced;
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
}

export function bytes(count) {
  if (count === null || count === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function statusBadge(status) {
  return h('span', {class: `status status-${status}`, 'data-status': status}, status);
}

export function labelsText(labels) {
  const entries = Object.entries(labels || {});
  return entries.length ? entries.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join(', ') : '—';
}

/** Copies text; a browser that refuses (no permission) is told to the person, not swallowed. */
export async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied';
  } catch (e) {
    status.textContent = 'Copying was refused by the browser: select the text and copy it yourself';
  }
}
