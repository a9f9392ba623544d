// The REST API, called with the token the user signed in with. The token lives in this tab's
// session storage only, goes out as a Bearer header, and is never put in the page.

const KEY = 'chime.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

/** An answer that was not 2xx: its status and problem+json body (detail, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

function headers(extra = {}) {
  return { Authorization: 'Bearer ' + (token.get() ?? ''), ...extra };
}

export async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: headers(body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (response.status === 401) {
    token.clear();
    window.dispatchEvent(new Event('chime:signed-out'));
  }
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** Paths with their parts encoded: path('/v1/namespaces', ns, 'schedules'). */
export function path(base, ...parts) {
  return base + parts.map((p) => '/' + encodeURIComponent(p)).join('');
}

/**
 * Streams a run's log: calls onText with each piece as it arrives, until the attempt ends or
 * signal aborts. Resolves with the X-Chime-Log header ("live" or "complete").
 */
export async function follow(runId, onText, signal) {
  const response = await fetch(path('/v1/runs', runId, 'log') + '?follow=true',
    { headers: headers(), signal, cache: 'no-store' });
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }
  const state = response.headers.get('X-Chime-Log');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    onText(decoder.decode(value, { stream: true }));
  }
  return state;
}
