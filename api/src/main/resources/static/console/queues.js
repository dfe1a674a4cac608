import { get } from './api.js';
import { el, duration } from './dom.js';

const REFRESH_MS = 5000;

/** Each cluster queue with work: limit, slots held, running, waiting per priority, the longest wait. Returns its stopper. */
export function queuesPage(main) {
  const rows = el('tbody');
  const error = el('p', { class: 'error' });
  main.replaceChildren(el('h1', {}, 'Queues'), error, el('table', { id: 'queues' }, el('thead', {}, el('tr', {},
    ['cluster', 'queue', 'limit', 'holding', 'running', 'waiting by priority', 'longest wait'].map((h) => el('th', {}, h)))), rows));

  async function load() {
    try {
      const queues = await get('/queues');
      rows.replaceChildren(...(queues.length ? queues.map((q) => el('tr', { 'data-queue': `${q.cluster}/${q.clusterQueue}` },
        el('td', {}, q.cluster), el('td', {}, q.clusterQueue), el('td', {}, q.limit === null ? '?' : q.limit),
        el('td', {}, q.holding),
        el('td', {}, q.running),
        el('td', {}, Object.entries(q.waitingByPriority).map(([p, n]) => `p${p}: ${n}`).join(', ')),
        el('td', {}, q.oldestWaitSince ? duration(Date.now() - Date.parse(q.oldestWaitSince)) : '')))
        : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No queue holds work.'))]));
      error.textContent = '';
    } catch (e) {
      error.textContent = `Could not list queues: ${e.message}`;
    }
  }

  load();
  const timer = setInterval(load, REFRESH_MS);
  return () => clearInterval(timer);
}
