/**
 * Tiny DOM builder. Every string child becomes a text node, so customer text is always escaped:
 * the dashboard never assigns innerHTML.
 */

/**
 * Creates an element. `attrs` keys: `class`, `text`, `on<Event>` (listener), `dataset`, others as attributes.
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node|string|number|null|undefined|false|Array)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (strings become text nodes; arrays are flattened; null/false skipped). */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'text') el.textContent = String(value);
    else if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) if (child) el.append(child);
  return el;
}

/** Finds a span's text in `lower` (case-insensitive); null when absent or too short to be meaningful. */
function locate(lower, spanText) {
  const needle = (spanText ?? '').toLocaleLowerCase().trim();
  if (needle.length < 2) return null;
  const start = lower.indexOf(needle);
  return start < 0 ? null : { start, end: start + needle.length };
}

/**
 * Splits `text` into text nodes and <mark> elements. Spans are found by case-insensitive search of their
 * text (analysis evidence is a quoted span of the message). One span may be the "outer" one (the reason):
 * it is marked as a whole and the other marks nest inside it. Overlapping inner spans keep the earliest.
 * @param {string} text
 * @param {{text: string|null, cls: string, title?: string, outer?: boolean}[]} spans
 * @returns {Node[]}
 */
export function highlight(text, spans) {
  const lower = text.toLocaleLowerCase();
  const inner = [];
  let outer = null;
  for (const span of spans) {
    const at = locate(lower, span.text);
    if (!at) continue;
    if (span.outer && !outer) outer = { ...at, cls: span.cls, title: span.title };
    else if (!span.outer) inner.push({ ...at, cls: span.cls, title: span.title });
  }
  inner.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const r of inner) if (!kept.length || r.start >= kept[kept.length - 1].end) kept.push(r);

  /** Text and inner marks between two offsets (marks are clipped at the edges). */
  const render = (from, to) => {
    const nodes = [];
    let pos = from;
    for (const r of kept) {
      const start = Math.max(r.start, from);
      const end = Math.min(r.end, to);
      if (end <= start || start < pos) continue;
      if (start > pos) nodes.push(document.createTextNode(text.slice(pos, start)));
      nodes.push(h('mark', { class: r.cls, title: r.title }, text.slice(start, end)));
      pos = end;
    }
    if (pos < to) nodes.push(document.createTextNode(text.slice(pos, to)));
    return nodes;
  };
  if (!outer) return render(0, text.length);
  return [
    ...render(0, outer.start),
    h('mark', { class: outer.cls, title: outer.title }, render(outer.start, outer.end)),
    ...render(outer.end, text.length),
  ];
}

/** Replaces the content of `el` with `children`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
