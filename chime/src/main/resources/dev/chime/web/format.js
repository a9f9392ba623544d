// How values read on the page. Status is always a word and a shape; colour only adds to it.
import { h } from './dom.js';

export const STATUSES = ['pending', 'running', 'succeeded', 'failed', 'timed_out', 'skipped',
  'missed'];

const WORDS = { timed_out: 'timed out' };
const SHAPES = {
  succeeded: 'filled circle', failed: 'cross', timed_out: 'hourglass', skipped: 'triangle',
  missed: 'ring', pending: 'dotted ring', running: 'half circle',
};

export function statusWord(status) {
  return WORDS[status] ?? status;
}

/** A shape for a status, drawn by CSS: the same in the strips, badges and the legend. */
export function shape(status) {
  return h('span', { class: 'shape shape-' + status, 'aria-hidden': 'true' });
}

/** The status as a shape and its word. */
export function badge(status) {
  return h('span', { class: 'status status-' + status }, shape(status), statusWord(status));
}

/** One cell of a strip of recent runs: a shape, its word for screen readers and on hover. */
export function cell(run) {
  const label = statusWord(run.status) + ', ' + run.trigger + ' run fired ' + utc(run.fireAt);
  return h('a', {
    class: 'cell status-' + run.status, href: '#/runs/' + encodeURIComponent(run.id),
    title: label, 'aria-label': label,
  }, shape(run.status));
}

export function legend() {
  return h('p', { class: 'legend' }, STATUSES.map((s) =>
    h('span', { class: 'status status-' + s, title: SHAPES[s] }, shape(s), statusWord(s))));
}

/** "2026-03-07 09:00:00 UTC" from an ISO instant. */
export function utc(iso) {
  if (!iso) return '—';
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '') + ' UTC';
}

/** "3 min ago", "in 2 h" from an ISO instant. */
export function relative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const size = Math.abs(seconds);
  if (size < 5) return 'just now';
  const amount = size < 60 ? size + ' s' : size < 3600 ? Math.round(size / 60) + ' min'
    : size < 172800 ? Math.round(size / 3600) + ' h' : Math.round(size / 86400) + ' days';
  return seconds < 0 ? amount + ' ago' : 'in ' + amount;
}

/** "120 ms", "1.5 s", "2 min 3 s". */
export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return ms + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + ' s';
  const minutes = Math.floor(ms / 60000);
  const seconds = Math.round((ms % 60000) / 1000);
  return minutes + ' min' + (seconds ? ' ' + seconds + ' s' : '');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
  'Dec'];

/** The parts of "2026-03-08T03:00:00-06:00": as the schedule's zone shows it. */
export function local(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::\d\d)?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (!m) return { date: iso, time: '', offset: '', day: '', label: iso };
  const [, y, mo, d, hh, mm, offset] = m;
  const day = DAYS[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  const date = y + '-' + mo + '-' + d;
  return {
    date, time: hh + ':' + mm, offset: offset === 'Z' ? '+00:00' : offset, day,
    minutes: +hh * 60 + +mm, label: day + ' ' + d + ' ' + MONTHS[+mo - 1],
  };
}

/** "09:00 UTC", with the date when it is not the local one. */
function utcTime(iso, localDate) {
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16) + ' UTC';
  return date === localDate ? time : +date.slice(8, 10) + ' ' + MONTHS[+date.slice(5, 7) - 1]
    + ' ' + time;
}

/**
 * A list of fires as the schedule's zone and UTC show them, with what daylight saving does
 * marked: a fire moved or skipped by a gap, a time that occurs twice, and an offset change
 * from the fire before.
 */
export function fireList(fires) {
  let previous = null;
  return h('ol', { class: 'fires' }, fires.map((fire) => {
    const at = local(fire.local);
    const marks = [];
    if (fire.dst) {
      marks.push(h('span', { class: 'dst', title: fire.note ?? '' }, 'DST: ' + fire.dst));
    }
    if (previous && previous.offset !== at.offset) {
      marks.push(h('span', { class: 'dst', title: 'the zone\'s offset changes' },
        'DST: ' + previous.offset + ' → ' + at.offset));
    }
    previous = at;
    // A zone at UTC shows one time; any other shows its local time, offset, and UTC.
    const inUtc = at.offset === '+00:00';
    return h('li', { title: fire.note ?? '' },
      h('span', { class: 'local' }, at.label + ' ' + at.time,
        h('small', {}, inUtc ? ' UTC' : ' ' + at.offset)),
      inUtc ? null : h('span', { class: 'utc' }, utcTime(fire.utc, at.date)),
      marks);
  }));
}
