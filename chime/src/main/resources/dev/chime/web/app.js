// The dashboard: a sign-in, then pages chosen by the address's #fragment. Each page renders into
// <main> and returns how to stop what it started (timers, a streaming log).
import { ApiError, get, token } from './api.js';
import { h, link, replace } from './dom.js';
import { signIn } from './signin.js';
import { namespacesPage } from './namespaces.js';
import { schedulesPage } from './schedules.js';
import { schedulePage } from './schedule.js';
import { runPage } from './run.js';

const main = document.getElementById('main');
const crumbs = document.getElementById('crumbs');
const who = document.getElementById('who');
const signOut = document.getElementById('signout');
const toast = document.getElementById('toast');

let stop = () => {};
let caller = null;
// Each navigation's number: a page still loading when another navigation starts is dropped.
let navigation = 0;

const ROUTES = [
  [/^#?\/?$/, home],
  [/^#\/namespaces$/, namespacesPage],
  [/^#\/ns\/([^/]+)$/, schedulesPage],
  [/^#\/ns\/([^/]+)\/schedules\/([^/]+)$/, schedulePage],
  [/^#\/runs\/([^/]+)$/, runPage],
];

/** What pages share: where to render, the breadcrumbs, errors, and who signed in. */
const page = {
  main,
  get caller() {
    return caller;
  },
  crumbs(...items) {
    const trail = [caller?.role === 'admin' ? link(['namespaces'], 'Namespaces') : null,
      ...items];
    replace(crumbs, trail.filter(Boolean).flatMap((item, i) => (i ? [' / ', item] : [item])));
  },
  error(e) {
    const text = e instanceof ApiError ? e.message : 'Something went wrong: ' + e;
    replace(toast, text);
    toast.hidden = false;
    clearTimeout(page.toastTimer);
    page.toastTimer = setTimeout(() => { toast.hidden = true; }, 8000);
  },
};

async function home(here) {
  if (caller.role === 'admin') {
    return namespacesPage(here);
  }
  location.replace('#/ns/' + encodeURIComponent(caller.namespace));
  return () => {};
}

async function show() {
  const current = ++navigation;
  stop();
  stop = () => {};
  toast.hidden = true;
  // Each page renders into a view of its own, placed now: a page that finishes loading after
  // another navigation renders into a view no longer shown, and is stopped.
  const view = h('div', { class: 'view' }, h('p', { class: 'loading' }, 'Loading…'));
  replace(main, view);
  const here = {
    ...page,
    main: view,
    crumbs: (...items) => current === navigation && page.crumbs(...items),
  };
  if (!token.get()) {
    caller = null;
    who.textContent = '';
    signOut.hidden = true;
    replace(crumbs);
    stop = signIn(here, onSignedIn);
    return;
  }
  try {
    const whoami = caller ?? await get('/v1/whoami');
    if (current !== navigation) return;
    caller = whoami;
    who.textContent = caller.role === 'admin' ? 'admin' : 'namespace ' + caller.namespace;
    signOut.hidden = false;
    const route = ROUTES.map(([pattern, render]) => [pattern.exec(location.hash), render])
      .find(([match]) => match);
    if (!route) {
      replace(view, h('h1', {}, 'Not found'), h('p', {}, 'No page at this address. ',
        h('a', { href: '#/' }, 'Start again')));
      return;
    }
    const [match, render] = route;
    const stopPage = (await render(here, ...match.slice(1).map(decodeURIComponent)))
      ?? (() => {});
    if (current === navigation) {
      stop = stopPage;
    } else {
      stopPage();
    }
  } catch (e) {
    if (current !== navigation) return;
    replace(view, h('h1', {}, 'Could not load this page'), h('p', {}, String(e.message)));
    page.error(e);
  }
}

/** After signing in, the page asked for (or the caller's home) shows. */
function onSignedIn(whoami) {
  caller = whoami;
  show();
}

signOut.addEventListener('click', () => {
  token.clear();
  caller = null;
  location.hash = '#/';
  show();
});
window.addEventListener('chime:signed-out', () => {
  if (caller !== null) { // else the sign-in already shows
    caller = null;
    show();
  }
});
window.addEventListener('hashchange', show);
show();
