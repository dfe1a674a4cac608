import { el } from './dom.js';
import { executionList } from './executions.js';
import { executionPage } from './execution.js';
import { clustersPage } from './clusters.js';
import { queuesPage } from './queues.js';
import { submitPage } from './submit.js';
import { currentSession, signInPage, signOut } from './session.js';

// One page, routed by path: "/" lists executions, "/executions/{id}" shows one.
let stopCurrent = () => {};
let session = null; // who the console acts as; null until signed in (with security off: anonymous, admin)
const main = document.getElementById('main');

export function navigate(url) {
  history.pushState(null, '', url);
  route();
}

function route() {
  stopCurrent();
  if (!session) {
    stopCurrent = signInPage(main, signedIn);
    return;
  }
  const path = location.pathname;
  const execution = path.match(/^\/executions\/([^/]+)\/?$/);
  if (path === '/' || path === '/index.html') {
    stopCurrent = executionList(main);
  } else if (path === '/queues') {
    stopCurrent = queuesPage(main);
  } else if (path === '/submit') {
    stopCurrent = submitPage(main);
  } else if (path === '/clusters') {
    stopCurrent = clustersPage(main);
  } else if (execution) {
    stopCurrent = executionPage(main, decodeURIComponent(execution[1]));
  } else {
    main.replaceChildren(el('p', { class: 'notfound' }, `Not found: ${path}`));
    stopCurrent = () => {};
  }
}

function signedIn(s) {
  session = s;
  showWho();
  route(); // the page asked for before the sign-in
}

/** The header's app signed in, with its sign-out; admin-only links only for admin apps. */
function showWho() {
  const who = document.getElementById('who');
  document.querySelectorAll('[data-admin-only]').forEach((a) => { a.hidden = !(session && session.admin); });
  if (!session || !session.security) {
    who.replaceChildren();
    return;
  }
  who.replaceChildren(el('span', { id: 'signed-in-as' }, session.app), session.admin ? el('span', { class: 'muted' }, ' (admin) ') : ' ',
    el('button', { type: 'button', id: 'sign-out', onclick: async () => {
      try {
        await signOut();
      } finally {
        signedOut();
      }
    } }, 'Sign out'));
}

function signedOut() {
  session = null;
  showWho();
  route();
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = event.target.q.value.trim();
  // a number is an execution id; anything else a uniqueId
  if (/^\d{1,18}$/.test(q)) navigate(`/executions/${q}`);
  else if (q) navigate(`/?uniqueId=${encodeURIComponent(q)}`);
});
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (link && !event.ctrlKey && !event.metaKey) {
    event.preventDefault();
    navigate(link.getAttribute('href'));
  }
});
window.addEventListener('popstate', route);
// any 401 from the api: the session ended (expired, or signed out elsewhere)
window.addEventListener('maple:signed-out', () => { if (session && session.security) signedOut(); });

currentSession().then((s) => {
  if (s) signedIn(s);
  else signedOut();
}).catch((e) => {
  main.replaceChildren(el('p', { class: 'error' }, `Maple did not answer: ${e.message}`));
});
