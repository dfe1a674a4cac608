import { el } from './dom.js';
import { executionList } from './executions.js';
import { executionPage } from './execution.js';
import { clustersPage } from './clusters.js';
import { queuesPage } from './queues.js';
import { submitPage } from './submit.js';

// One page, routed by path: "/" lists executions, "/executions/{id}" shows one.
let stopCurrent = () => {};

export function navigate(url) {
  history.pushState(null, '', url);
  route();
}

function route() {
  stopCurrent();
  const main = document.getElementById('main');
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
route();
