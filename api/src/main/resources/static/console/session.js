import { ApiError, del, get, post, useCsrf } from './api.js';
import { el } from './dom.js';

/** Who the console is signed in as ({ app, admin, security }), or null when the api asks for a sign-in. */
export async function currentSession() {
  try {
    const session = await get('/session');
    useCsrf(session.csrf);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signOut() {
  try {
    await del('/session');
  } finally {
    useCsrf(null);
  }
}

/** The sign-in form: an app and its key. {@code signedIn(session)} is called once the api accepted them. */
export function signInPage(main, signedIn) {
  const app = el('input', { name: 'app', autocomplete: 'username', required: true });
  const key = el('input', { name: 'key', type: 'password', autocomplete: 'current-password', required: true });
  const message = el('p', { id: 'sign-in-message', role: 'status', class: 'error' });
  const button = el('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const form = el('form', { id: 'sign-in-form', class: 'sign-in', onsubmit: submit },
    el('label', { class: 'field' }, el('span', { class: 'name' }, 'application'), app),
    el('label', { class: 'field' }, el('span', { class: 'name' }, 'key'), key), button, message);
  main.replaceChildren(el('h1', {}, 'Sign in'),
    el('p', { class: 'muted' }, 'With an application\'s name and key, as given by a Maple admin. You see and act on that application\'s executions.'),
    form);
  app.focus();

  async function submit(event) {
    event.preventDefault();
    button.disabled = true;
    message.textContent = '';
    try {
      const session = await post('/session', { app: app.value.trim(), key: key.value });
      useCsrf(session.csrf);
      key.value = '';
      signedIn(session);
    } catch (e) {
      message.textContent = !(e instanceof ApiError) ? `Maple did not answer: ${e.message}`
        : e.status === 401 ? 'Not signed in: unknown application or wrong key.'
          : e.status === 429 ? `Too many sign-in attempts: ${e.message}.`
            : `Not signed in (${e.status}): ${e.message}`;
    } finally {
      button.disabled = false;
    }
  }
  return () => {};
}
