// One run: why and when it fired, how late it started, each attempt with its answer, and the
// response as it streams while an attempt is in flight.
import { follow, get, path } from './api.js';
import { h, link, replace } from './dom.js';
import { badge, duration, relative, utc } from './format.js';

const POLL_MS = 1000;

export async function runPage(page, id) {
  let run = await get(path('/v1/runs', id));
  page.crumbs(link(['ns', run.namespace], run.namespace),
    link(['ns', run.namespace, 'schedules', run.schedule], run.schedule),
    link(['runs', id], 'run'));
  const head = h('div');
  const attempts = h('section', { 'aria-labelledby': 'attempts-title' });
  const live = h('pre', { id: 'live-log', class: 'log', 'aria-live': 'off' });
  const liveSection = h('section', { 'aria-labelledby': 'live-title', hidden: true },
    h('h2', { id: 'live-title' }, 'Live log'), live);
  replace(page.main, head, liveSection, attempts);

  let streaming = null;
  let timer = null;

  function render() {
    replace(head,
      h('h1', {}, 'Run ', h('span', { class: 'name' }, run.id), ' ', badge(run.status)),
      h('dl', { class: 'settings' },
        item('Schedule', link(['ns', run.namespace, 'schedules', run.schedule],
          run.namespace + '/' + run.schedule)),
        item('Trigger', run.trigger),
        item('Fire instant', utc(run.fireAt), ' ', h('span', { class: 'muted' },
          relative(run.fireAt))),
        item('Lateness', run.latenessMs !== null ? duration(run.latenessMs)
          : run.attemptCount > 0 ? 'first attempt in flight' : 'not started yet',
        h('span', { class: 'muted' }, ' (from the fire to the first attempt)')),
        item('Attempts', String(run.attemptCount)),
        run.reason ? item('Reason', run.reason) : null,
        run.nextAttemptAt ? item('Next attempt', utc(run.nextAttemptAt)) : null,
        item('Finished', run.finishedAt ? utc(run.finishedAt) : 'not yet')));
    replace(attempts, h('h2', { id: 'attempts-title' }, 'Attempts'),
      run.attempts.length === 0 ? h('p', { class: 'muted' }, 'No attempt yet.')
        : h('ol', { class: 'attempts' }, run.attempts.map(attempt)));
  }

  function inFlight() {
    return run.status === 'pending' || run.status === 'running';
  }

  /** Streams the current attempt's response; starts again for the next attempt. */
  function stream() {
    if (streaming || !inFlight()) return;
    const controller = new AbortController();
    streaming = controller;
    liveSection.hidden = false;
    live.textContent = '';
    follow(id, (text) => { live.textContent += text; }, controller.signal)
      .catch((e) => { if (e.name !== 'AbortError') page.error(e); })
      .finally(() => { if (streaming === controller) streaming = null; });
  }

  async function poll() {
    try {
      run = await get(path('/v1/runs', id));
      render();
      if (inFlight()) {
        stream();
      } else {
        clearInterval(timer);
        if (streaming) streaming.abort();
      }
    } catch (e) {
      clearInterval(timer);
      page.error(e);
    }
  }

  render();
  if (inFlight()) {
    stream();
    timer = setInterval(poll, POLL_MS);
  }
  return () => {
    clearInterval(timer);
    if (streaming) streaming.abort();
  };
}

function item(term, ...value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function attempt(a) {
  return h('li', { class: 'attempt', 'data-attempt': String(a.number) },
    h('h3', {}, 'Attempt ' + a.number),
    h('dl', { class: 'settings' },
      item('Started', utc(a.startedAt)),
      item('Duration', duration(a.durationMs)),
      item('Status code', a.statusCode === null ? 'no response' : String(a.statusCode)),
      a.error ? item('Error', a.error) : null),
    a.responseExcerpt
      ? h('details', { open: true }, h('summary', {}, 'Response (first 64 KiB)'),
        h('pre', { class: 'log' }, a.responseExcerpt))
      : h('p', { class: 'muted' }, 'Empty response body.'));
}
