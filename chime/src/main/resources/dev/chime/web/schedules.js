// A namespace's schedules: when each fires (its expression in words, the next three fires in
// its zone and UTC), how it went last, and a strip of its latest runs. Refreshed every 5 s.
import { get, path } from './api.js';
import { h, link, replace } from './dom.js';
import { badge, cell, fireList, legend, relative, shape, utc } from './format.js';

const REFRESH_MS = 5000;
const STRIP = 12;

export async function schedulesPage(page, ns) {
  page.crumbs(link(['ns', ns], ns));
  const body = h('tbody');
  const summary = h('p', { class: 'summary' });
  replace(page.main,
    h('h1', {}, 'Schedules of ', h('span', { class: 'name' }, ns)),
    summary,
    h('table', { class: 'stack schedules' },
      h('thead', {}, h('tr', {}, ['Schedule', 'When', 'Next fires', 'Last run', 'Recent runs']
        .map((t) => h('th', { scope: 'col' }, t)))),
      body),
    legend());

  async function refresh() {
    const [namespace, { schedules }, recent] = await Promise.all([
      get(path('/v1/namespaces', ns)),
      get(path('/v1/namespaces', ns, 'schedules')),
      get(path('/v1/namespaces', ns, 'runs', 'recent') + '?perSchedule=' + STRIP),
    ]);
    const runs = new Map(recent.schedules.map((s) => [s.schedule, s.runs]));
    const paused = schedules.filter((s) => s.paused).length;
    replace(summary, schedules.length + ' schedules', paused ? ', ' + paused + ' paused' : '',
      ' · ', namespace.environment, ' · calls ', h('code', {}, namespace.baseUrl),
      ' · alerts ', namespace.alertWebhook ?? 'off');
    replace(body, schedules.length === 0
      ? h('tr', {}, h('td', { colspan: 5 }, 'No schedules yet.'))
      : schedules.map((s) => row(ns, s, runs.get(s.name) ?? [])));
  }

  await refresh();
  const timer = setInterval(() => refresh().catch(page.error), REFRESH_MS);
  return () => clearInterval(timer);
}

function row(ns, s, runs) {
  return h('tr', { 'data-schedule': s.name },
    h('td', { 'data-label': 'Schedule' },
      link(['ns', ns, 'schedules', s.name], s.name),
      s.paused ? h('span', { class: 'tag' }, shape('paused'), 'paused') : null,
      s.description ? h('div', { class: 'muted' }, s.description) : null),
    h('td', { 'data-label': 'When' },
      h('code', {}, s.cron ?? '@every ' + s.every),
      h('div', { class: 'words' }, s.explanation)),
    h('td', { 'data-label': 'Next fires' },
      s.paused ? h('span', { class: 'muted' }, 'none while paused') : fireList(s.nextFires)),
    h('td', { 'data-label': 'Last run' }, s.lastRun
      ? [badge(s.lastRun.status), h('div', { class: 'muted', title: utc(s.lastRun.fireAt) },
        relative(s.lastRun.fireAt))]
      : h('span', { class: 'muted' }, 'not yet')),
    h('td', { 'data-label': 'Recent runs' }, runs.length === 0
      ? h('span', { class: 'muted' }, 'none')
      : h('span', { class: 'strip', role: 'list', 'aria-label': 'latest runs, newest first' },
        runs.map((r) => h('span', { role: 'listitem' }, cell(r))))));
}
