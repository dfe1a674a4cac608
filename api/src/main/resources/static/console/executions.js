import { get } from './api.js';
import { el, statusBadge, time, duration } from './dom.js';

export const STATUSES = ['CREATED', 'ACCEPTED', 'STARTING', 'RUNNING', 'UNKNOWN', 'SUCCEED', 'FAILED', 'START_FAILED',
  'KILLED', 'CANCELED'];
const FIELDS = [['cluster', 'cluster'], ['clusterQueue', 'queue'], ['fromApp', 'fromApp'], ['uniqueId', 'uniqueId'],
  ['user', 'user']];
const TIMES = [['createdFrom', 'created from'], ['createdTo', 'created before']];
const PAGE_SIZE = 50;
const REFRESH_MS = 5000;

/**
 * The executions list. Its filters live in the URL (shareable, kept on reload); the table is
 * refreshed in place every few seconds, so scroll and inputs stay as they are. Returns its stopper.
 */
export function executionList(main) {
  const params = new URLSearchParams(location.search);
  const chosen = new Set((params.get('status') || '').split(',').filter((s) => STATUSES.includes(s)));
  const rows = el('tbody');
  const summary = el('span', { class: 'muted', id: 'summary' });
  const error = el('p', { class: 'error', id: 'list-error' });
  let page = Math.max(0, Number(params.get('page')) || 0);

  const chips = el('div', { class: 'chips', id: 'status-chips' }, STATUSES.map((status) => el('button', {
    type: 'button', class: chosen.has(status) ? 'chip on' : 'chip', 'data-status': status,
    onclick: (event) => {
      chosen.has(status) ? chosen.delete(status) : chosen.add(status);
      event.target.classList.toggle('on');
      page = 0;
      apply();
    },
  }, status)));
  const inputs = {};
  const filters = el('form', { class: 'filters', id: 'filters', onsubmit: (event) => { event.preventDefault(); page = 0; apply(); } },
    FIELDS.map(([name, label]) => (inputs[name] = el('input', { name, placeholder: label, value: params.get(name) || '' }))),
    TIMES.map(([name, label]) => el('label', {}, `${label} `,
      (inputs[name] = el('input', { name, type: 'datetime-local', value: localInput(params.get(name)) })))),
    el('button', { type: 'submit' }, 'Filter'));
  const auto = el('input', { type: 'checkbox', id: 'auto-refresh', checked: true });
  const pager = el('div', { class: 'pager' },
    el('button', { type: 'button', id: 'prev', onclick: () => { page = Math.max(0, page - 1); apply(); } }, '‹ Newer'),
    el('button', { type: 'button', id: 'next', onclick: () => { page += 1; apply(); } }, 'Older ›'),
    summary, el('label', {}, auto, ' auto-refresh'));

  main.replaceChildren(el('h1', {}, 'Executions'), chips, filters, error,
    el('table', { id: 'executions' }, el('thead', {}, el('tr', {},
      ['id', 'uniqueId', 'name', 'fromApp', 'cluster / queue', 'engine', 'status', 'priority', 'created', 'ran']
        .map((h) => el('th', {}, h)))), rows), pager);

  /** Writes the filters into the URL (replacing, not stacking history) and loads that page. */
  function apply() {
    const query = new URLSearchParams();
    if (chosen.size) query.set('status', STATUSES.filter((s) => chosen.has(s)).join(','));
    for (const [name] of FIELDS) if (inputs[name].value.trim()) query.set(name, inputs[name].value.trim());
    for (const [name] of TIMES) if (inputs[name].value) query.set(name, new Date(inputs[name].value).toISOString());
    if (page) query.set('page', page);
    history.replaceState(null, '', query.toString() ? `/?${query}` : '/');
    load();
  }

  async function load() {
    const query = new URLSearchParams(location.search);
    query.set('page', page);
    query.set('size', PAGE_SIZE);
    try {
      const result = await get(`/executions?${query}`);
      rows.replaceChildren(...result.items.map(row));
      // the first paint of the list, for the browser test's figure (issue 26: under 1 s with 10,000 executions)
      if (!performance.getEntriesByName('maple:list-rendered').length) performance.mark('maple:list-rendered');
      const first = result.total === 0 ? 0 : page * PAGE_SIZE + 1;
      summary.textContent = `${first}–${page * PAGE_SIZE + result.items.length} of ${result.total}`;
      pager.querySelector('#next').disabled = (page + 1) * PAGE_SIZE >= result.total;
      pager.querySelector('#prev').disabled = page === 0;
      error.textContent = '';
    } catch (e) {
      error.textContent = `Could not list executions: ${e.message}`;
    }
  }

  function row(x) {
    const ended = x.endTime ? Date.parse(x.endTime) : Date.now();
    return el('tr', { 'data-id': x.id },
      el('td', {}, el('a', { href: `/executions/${x.id}`, 'data-nav': true }, x.id)),
      el('td', {}, x.uniqueId), el('td', {}, x.execName), el('td', {}, x.fromApp),
      el('td', {}, `${x.cluster} / ${x.clusterQueue}`), el('td', {}, `${x.engineCategory} ${x.engineVersion}`),
      el('td', {}, statusBadge(x.status)), el('td', {}, x.priority), el('td', {}, time(x.createTime)),
      el('td', {}, x.startTime ? duration(ended - Date.parse(x.startTime)) : ''));
  }

  load();
  const timer = setInterval(() => { if (auto.checked) load(); }, REFRESH_MS);
  return () => clearInterval(timer);
}

/** An ISO instant as a datetime-local input's value, in the browser's zone. */
function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
