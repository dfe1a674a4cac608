import { get } from './api.js';
import { el, time } from './dom.js';

/**
 * Registered clusters with their engines (secrets come back from the API as ***), and the workers
 * polling each task queue (Temporal's pollers, or the workers' heartbeats on the dev server).
 */
export function clustersPage(main) {
  let stopped = false;
  (async () => {
    let clusters;
    let workers;
    try {
      [clusters, workers] = await Promise.all([get('/admin/clusters'), get('/admin/workers')]);
    } catch (e) {
      main.replaceChildren(el('h1', {}, 'Clusters'), el('p', { class: 'error' }, `Could not load clusters: ${e.message}`));
      return;
    }
    const engines = await Promise.all(clusters.map((c) => get(`/admin/clusters/${encodeURIComponent(c.name)}/engines`)
      .catch(() => [])));
    if (stopped) return;
    main.replaceChildren(el('h1', {}, 'Clusters'),
      ...clusters.map((c, i) => el('section', { class: 'cluster', 'data-cluster': c.name },
        el('h2', {}, `${c.name} `, el('span', { class: 'muted' }, `${c.category} ${c.description || ''}`)),
        el('table', { class: 'engines' }, el('thead', {}, el('tr', {}, ['engine', 'version', 'home', 'registered']
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, engines[i].map((e) => el('tr', {}, el('td', {}, e.engineCategory), el('td', {}, e.engineVersion),
          el('td', {}, e.engineHome), el('td', {}, time(e.createTime)))))),
        el('details', {}, el('summary', {}, 'config'), el('pre', { class: 'config' }, JSON.stringify(c.config, null, 2))))),
      el('h2', {}, 'Workers'),
      el('table', { id: 'workers' }, el('thead', {}, el('tr', {}, ['task queue', 'cluster', 'worker', 'host', 'last seen', 'source']
        .map((h) => el('th', {}, h)))),
      el('tbody', {}, workers.flatMap((q) => (q.pollers.length ? q.pollers : [null]).map((p) => el('tr', { 'data-queue': q.taskQueue },
        el('td', {}, q.taskQueue), el('td', {}, q.cluster || 'workflows'),
        el('td', { class: p ? '' : 'error' }, p ? p.identity : 'no worker polls it'), el('td', {}, p && p.host),
        el('td', {}, p && time(p.lastSeen)), el('td', { class: 'muted' }, q.source)))))));
  })();
  return () => { stopped = true; };
}
