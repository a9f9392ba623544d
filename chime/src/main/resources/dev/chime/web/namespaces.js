// Every namespace the token reaches (the admin's view).
import { get } from './api.js';
import { h, link, replace } from './dom.js';

export async function namespacesPage(page) {
  page.crumbs();
  const { namespaces } = await get('/v1/namespaces');
  replace(page.main,
    h('h1', {}, 'Namespaces'),
    namespaces.length === 0
      ? h('p', {}, 'No namespaces yet: create one with POST /v1/namespaces.')
      : h('table', { class: 'stack' },
        h('thead', {}, h('tr', {}, ['Namespace', 'Environment', 'Calls', 'Alerts']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, namespaces.map((ns) => h('tr', {},
          h('td', { 'data-label': 'Namespace' }, link(['ns', ns.name], ns.name)),
          h('td', { 'data-label': 'Environment' }, ns.environment),
          h('td', { 'data-label': 'Calls' }, h('code', {}, ns.baseUrl)),
          h('td', { 'data-label': 'Alerts' }, ns.alertWebhook ?? 'no webhook'))))));
  return () => {};
}
