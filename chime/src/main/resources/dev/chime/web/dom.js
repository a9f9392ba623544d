// Building the page from data, safely: every value becomes a text node or an attribute, never
// markup; no script of the dashboard parses HTML (DashboardFilesTest checks it).

/** An element: h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      element.className = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children: nodes as they are, anything else as text; null and false are skipped. */
export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A hash link inside the dashboard, its parts encoded: link(['ns', name], 'text'). */
export function link(parts, ...children) {
  return h('a', { href: route(parts) }, ...children);
}

export function route(parts) {
  return '#/' + parts.map(encodeURIComponent).join('/');
}
