// One schedule: Run now, Pause and Resume (their result shown in place), its settings, the
// timeline of its next 7 days, and its run history in pages with a status filter.
import { get, path, post } from './api.js';
import { h, link, replace } from './dom.js';
import { STATUSES, badge, duration, fireList, local, relative, shape, statusWord, utc }
  from './format.js';

const PAGE = 20;
const REFRESH_MS = 3000;
const FOLLOW_MS = 1000;

export async function schedulePage(page, ns, name) {
  page.crumbs(link(['ns', ns], ns), link(['ns', ns, 'schedules', name], name));
  const base = path('/v1/namespaces', ns, 'schedules', name);
  const state = { schedule: await get(base), cursors: [null], status: '' };
  const timers = [];

  const title = h('h1');
  const subtitle = h('p', { class: 'words' });
  const actions = h('div', { class: 'actions' });
  const message = h('p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const settings = h('section', { 'aria-labelledby': 'settings-title' });
  const timeline = h('section', { 'aria-labelledby': 'timeline-title' });
  const history = h('tbody');
  const pager = h('div', { class: 'pager' });
  const filter = h('select', { id: 'status-filter', onchange: () => {
    state.status = filter.value;
    state.cursors = [null];
    loadRuns().catch(page.error);
  } }, h('option', { value: '' }, 'all'),
  STATUSES.map((s) => h('option', { value: s }, statusWord(s))));

  replace(page.main, title, subtitle, actions, message, timeline,
    h('section', { 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, 'Runs'),
      h('p', { class: 'filters' }, h('label', { for: 'status-filter' }, 'Status '), filter),
      h('table', { class: 'stack runs' },
        h('thead', {}, h('tr', {}, ['Status', 'Fired', 'Trigger', 'Attempts', 'Finished',
          'Reason'].map((t) => h('th', { scope: 'col' }, t)))),
        history),
      pager),
    settings);

  function renderSchedule() {
    const s = state.schedule;
    replace(subtitle, h('code', {}, s.cron ?? '@every ' + s.every), ' · ', s.explanation);
    replace(title, s.name, ' ', s.paused
      ? h('span', { class: 'tag', id: 'state' }, shape('paused'), 'paused')
      : h('span', { class: 'tag on', id: 'state' }, shape('enabled'), 'enabled'));
    replace(actions,
      h('button', { id: 'run-now', type: 'button', onclick: runNow }, 'Run now'),
      s.paused
        ? h('button', { id: 'resume', type: 'button', onclick: () => setPaused(false) }, 'Resume')
        : h('button', { id: 'pause', type: 'button', onclick: () => setPaused(true) }, 'Pause'));
    replace(settings, h('h2', { id: 'settings-title' }, 'Settings'), settingsList(s));
  }

  async function renderTimeline() {
    const week = await get(base + '/fires?days=7&limit=500');
    replace(timeline, h('h2', { id: 'timeline-title' }, 'Next 7 days'), timelineOf(week));
  }

  async function loadRuns() {
    const cursor = state.cursors[state.cursors.length - 1];
    const query = new URLSearchParams({ schedule: name, limit: String(PAGE) });
    if (state.status) query.set('status', state.status);
    if (cursor) query.set('cursor', cursor);
    const result = await get(path('/v1/namespaces', ns, 'runs') + '?' + query);
    replace(history, result.runs.length === 0
      ? h('tr', {}, h('td', { colspan: 6 }, state.status
        ? 'No ' + statusWord(state.status) + ' runs.' : 'No runs yet.'))
      : result.runs.map(runRow));
    const pageNumber = state.cursors.length;
    replace(pager,
      h('button', { type: 'button', class: 'quiet', disabled: pageNumber === 1, onclick: () => {
        state.cursors.pop();
        loadRuns().catch(page.error);
      } }, '← Newer'),
      h('span', {}, ' page ' + pageNumber + ' '),
      h('button', { type: 'button', class: 'quiet', disabled: !result.next, onclick: () => {
        state.cursors.push(result.next);
        loadRuns().catch(page.error);
      } }, 'Older →'));
  }

  async function runNow() {
    try {
      const run = await post(base + '/trigger');
      replace(message, 'Run ', link(['runs', run.id], run.id), ' started: ', badge(run.status));
      if (state.cursors.length === 1) await loadRuns();
      watch(run.id);
    } catch (e) {
      page.error(e);
    }
  }

  /** Follows a run started here until it ends, updating the message with its status. */
  function watch(id) {
    const timer = setInterval(async () => {
      try {
        const run = await get(path('/v1/runs', id));
        replace(message, 'Run ', link(['runs', id], id), ' ', badge(run.status),
          run.status === 'succeeded' || run.status === 'failed' || run.status === 'timed_out'
            ? ' after ' + run.attemptCount + (run.attemptCount === 1 ? ' attempt' : ' attempts')
            : '');
        if (!['pending', 'running'].includes(run.status)) {
          clearInterval(timer);
          if (state.cursors.length === 1) await loadRuns();
        }
      } catch (e) {
        clearInterval(timer);
        page.error(e);
      }
    }, FOLLOW_MS);
    timers.push(timer);
  }

  async function setPaused(paused) {
    try {
      state.schedule = await post(base + (paused ? '/pause' : '/resume'));
      renderSchedule();
      await renderTimeline();
      replace(message, paused ? 'Paused: it will not fire until resumed.'
        : 'Resumed: it fires again from now.');
    } catch (e) {
      page.error(e);
    }
  }

  renderSchedule();
  await Promise.all([renderTimeline(), loadRuns()]);
  timers.push(setInterval(() => {
    if (state.cursors.length === 1) loadRuns().catch(page.error);
  }, REFRESH_MS));
  return () => timers.forEach(clearInterval);
}

function runRow(run) {
  return h('tr', { 'data-run': run.id },
    h('td', { 'data-label': 'Status' }, link(['runs', run.id], badge(run.status))),
    h('td', { 'data-label': 'Fired', title: utc(run.fireAt) }, utc(run.fireAt),
      h('div', { class: 'muted' }, relative(run.fireAt))),
    h('td', { 'data-label': 'Trigger' }, run.trigger),
    h('td', { 'data-label': 'Attempts' }, String(run.attemptCount)),
    h('td', { 'data-label': 'Finished' }, run.finishedAt ? utc(run.finishedAt) : '—'),
    h('td', { 'data-label': 'Reason', class: 'reason' }, run.reason || '—'));
}

function settingsList(s) {
  const rows = [
    ['Expression', h('code', {}, s.cron ?? '@every ' + s.every), s.dialect !== 'posix'
      ? ' (' + s.dialect + ')' : ''],
    ['When', s.explanation],
    ['Timezone', s.timezone],
    ['Next fires', s.paused ? 'none while paused' : fireList(s.nextFires)],
    ['Endpoint', h('code', {}, s.endpoint)],
    ['Description', s.description || '—'],
    ['Timeout', duration(s.timeoutMs)],
    ['Retries', s.retry.maxAttempts + ' attempts, backoff ' + duration(s.retry.minBackoffMs)
      + ' to ' + duration(s.retry.maxBackoffMs)],
    ['Concurrency', s.concurrency],
    ['Catch-up', s.catchup],
    ['Starting deadline', s.startingDeadlineMs ? duration(s.startingDeadlineMs) : 'none'],
    ['Completion', s.completion === 'callback'
      ? 'callback, within ' + duration(s.completionDeadlineMs) : 'response'],
    ['DST gap', s.dstGap],
    ['Chain', s.chain.length ? s.chain.join(', ') : 'none'],
    ['Payload', s.payload === null ? 'none' : h('code', {}, JSON.stringify(s.payload))],
    ['Last run', s.lastRun ? [badge(s.lastRun.status), ' ', utc(s.lastRun.fireAt)] : 'not yet'],
    ['Created', utc(s.createdAt)],
    ['Updated', utc(s.updatedAt)],
  ];
  return h('dl', { class: 'settings' }, rows.map(([term, ...value]) =>
    [h('dt', {}, term), h('dd', {}, value)]));
}

/**
 * The next 7 days, one row per date in the schedule's zone with a tick per fire at its local
 * time; fires that daylight saving moves or skips stand out. A dense schedule lists only its
 * first fires: a date whose fires are not all listed is drawn as a band, with its count.
 */
function timelineOf(week) {
  if (week.paused) {
    return h('p', { class: 'muted' }, 'Paused: no fires until it is resumed.');
  }
  const listed = new Map(week.days.map((d) => [d.date, []]));
  for (const fire of week.fires) {
    const at = local(fire.local);
    listed.get(at.date)?.push({ at, fire });
  }
  const rows = week.days.map((day) => {
    const fires = listed.get(day.date) ?? [];
    const label = local(day.date + 'T00:00Z').label;
    const whole = fires.length === day.fires; // else the listing stopped on or before it
    return h('div', { class: 'day' },
      h('span', { class: 'day-label' }, label),
      h('span', { class: 'day-bar', role: 'img', 'aria-label': label + ': ' + day.fires
        + (day.fires === 1 ? ' fire' : ' fires') },
      fires.map(({ at, fire }) => tick(at, fire)),
      whole ? null : band(fires.length ? fires[fires.length - 1].at.minutes : 0, day.fires)),
      h('span', { class: 'day-count' }, String(day.fires)));
  });
  return [
    h('p', {}, week.total + (week.total === 1 ? ' fire' : ' fires') + ' from ' + utc(week.from)
      + ' to ' + utc(week.until) + ', shown in ' + week.timezone + '.'),
    h('div', { class: 'timeline' }, rows, h('div', { class: 'hours', 'aria-hidden': 'true' },
      ['00', '06', '12', '18', '24'].map((t) => h('span', {}, t)))),
    h('details', {}, h('summary', {}, 'First fires'), fireList(week.fires.slice(0, 12))),
  ];
}

/** The rest of a day whose fires are too many to list: a hatched band from the last one. */
function band(fromMinute, count) {
  const rest = h('span', { class: 'band', title: count + ' fires this day, not all listed' });
  rest.style.left = (fromMinute / 1440 * 100).toFixed(3) + '%';
  return rest;
}

/** A fire's mark on its day, placed by script: the page's policy allows no inline style. */
function tick(at, fire) {
  const mark = h('span', {
    class: 'tick' + (fire.dst ? ' tick-dst' : ''),
    title: at.time + ' ' + at.offset + (fire.note ? ' — ' + fire.note : ''),
  });
  mark.style.left = (at.minutes / 1440 * 100).toFixed(3) + '%';
  return mark;
}
