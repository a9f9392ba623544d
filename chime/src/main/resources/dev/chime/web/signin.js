// Signing in: a token (the admin token, or a namespace's), checked with GET /v1/whoami and kept
// in this tab's session storage.
import { ApiError, get, token } from './api.js';
import { h, replace } from './dom.js';

export function signIn(page, done) {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'token-help',
  });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'signin', onsubmit: submit },
    h('h1', {}, 'Sign in to Chime'),
    h('label', { for: 'token' }, 'API token'),
    input,
    h('p', { id: 'token-help', class: 'help' },
      'The admin token (printed by chime serve at its first start) shows every namespace; a',
      ' namespace token shows its own. It stays in this browser tab.'),
    h('button', { type: 'submit' }, 'Sign in'),
    message);
  replace(page.main, form);
  input.focus();

  async function submit(event) {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    token.set(value);
    try {
      done(await get('/v1/whoami'));
    } catch (e) {
      token.clear();
      message.textContent = e instanceof ApiError && e.status === 401
        ? 'That token is not valid.' : 'Could not sign in: ' + e.message;
    }
  }
  return () => {};
}
