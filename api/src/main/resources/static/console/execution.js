import { ApiError, get } from './api.js';
import { el, statusBadge, time, duration } from './dom.js';
import { executionActions } from './actions.js';
import { logPane } from './log.js';
// app.js imports this module too: navigate is only called on a click, long after both have loaded
import { navigate } from './app.js';

const TERMINAL = ['SUCCEED', 'FAILED', 'START_FAILED', 'KILLED', 'CANCELED'];
const CLOSING = ['WorkflowExecutionCompleted', 'WorkflowExecutionFailed', 'WorkflowExecutionTerminated',
  'WorkflowExecutionCanceled', 'WorkflowExecutionTimedOut', 'WorkflowExecutionContinuedAsNew'];
const REFRESH_MS = 3000;
const HISTORY_PAGE = 200;

/** One execution: request, status timeline, exec info, queue position, Temporal history. Returns its stopper. */
export function executionPage(main, id) {
  if (!/^\d{1,18}$/.test(id)) {
    main.replaceChildren(notFound(id));
    return () => {};
  }
  let timer = null;
  let stopped = false;
  let shown = false;
  // this install's settings do not change while the page is open: read once, not on every refresh
  const settingsRead = optional('/console');
  const actions = executionActions(id, {
    refresh: () => { clearTimeout(timer); load(); },
    opened: (newId) => navigate(`/executions/${newId}`),
  });
  const staleNote = el('p', { id: 'stale', class: 'muted' });
  const log = logPane(id);

  async function load() {
    let x;
    try {
      x = await get(`/executions/${id}`);
    } catch (e) {
      if (stopped) return;
      if (shown && !(e instanceof ApiError && [401, 403, 404].includes(e.status))) {
        // a failed refresh keeps what the page showed (and a pending confirm or answer), says so, tries again
        staleNote.textContent = `Could not refresh (${e.message}); showing what was read before.`;
        timer = setTimeout(load, REFRESH_MS);
        return;
      }
      log.stop();
      const status = e instanceof ApiError ? e.status : 0;
      main.replaceChildren(status === 404 ? notFound(id)
        : status === 403 ? el('p', { class: 'notfound error', id: 'forbidden' }, `Execution ${id} is not yours to see: ${e.message}.`)
          : el('p', { class: 'error' }, `Could not load execution ${id}: ${e.message}`));
      return;
    }
    staleNote.textContent = '';
    const live = x.status === 'ACCEPTED' ? await optional(`/executions/${id}/live`) : null;
    const { section: history, closed } = await historySection(id);
    const settings = await settingsRead;
    const webhooks = await optional(`/executions/${id}/webhooks`);
    if (stopped) return;
    shown = true;
    actions.update(TERMINAL.includes(x.status));
    log.update(TERMINAL.includes(x.status));
    main.replaceChildren(
      el('h1', {}, `Execution ${x.id} `, statusBadge(x.status), ' ', el('span', { class: 'muted' }, x.execName)),
      actions.node, staleNote,
      el('dl', { id: 'summary' }, pairs([
        ['uniqueId', x.uniqueId], ['fromApp', x.fromApp], ['cluster / queue', `${x.cluster} / ${x.clusterQueue}`],
        ['engine', `${x.engineCategory} ${x.engineVersion}`], ['priority', x.priority],
        ['user / group', `${x.user} / ${x.group}`], ['created', time(x.createTime)], ['started', time(x.startTime)],
        ['ended', time(x.endTime)],
        ['rerun of', x.rerunOf ? el('a', { href: `/executions/${x.rerunOf}`, 'data-nav': true, id: 'rerun-of' }, x.rerunOf) : null],
        ['queue position', live && live.queuePosition ? live.queuePosition : null],
      ])),
      el('h2', {}, 'Status timeline'), timeline(x.history),
      el('h2', {}, 'Cluster'), clusterInfo(x.execInfo),
      el('h2', {}, 'Log'), log.node,
      el('h2', {}, 'Request'), el('pre', { id: 'request' }, JSON.stringify(x.configuration, null, 2)),
      webhooks && webhooks.length ? [el('h2', {}, 'Webhook calls'), webhookTable(webhooks)] : null,
      el('h2', {}, 'Temporal workflow history ', temporalLink(settings, x.id)), history);
    // an ended execution's workflow still sends its last webhooks: refresh until its run has closed too
    if ((!TERMINAL.includes(x.status) || !closed) && !stopped) timer = setTimeout(load, REFRESH_MS);
  }

  load();
  return () => { stopped = true; clearTimeout(timer); log.stop(); };
}

function webhookTable(attempts) {
  return el('table', { id: 'webhooks' }, el('thead', {}, el('tr', {},
    ['time', 'status announced', 'url', 'attempt', 'answer'].map((h) => el('th', {}, h)))),
  el('tbody', {}, attempts.map((a) => el('tr', {}, el('td', {}, time(a.time)), el('td', {}, a.newStatus),
    el('td', {}, a.url), el('td', {}, a.attempt),
    el('td', { class: a.httpStatus && a.httpStatus < 300 ? '' : 'error' }, a.httpStatus || a.error)))));
}

/** The workflow in the Temporal UI, where one is configured (maple.console.temporal-ui-url). */
function temporalLink(settings, id) {
  if (!settings || !settings.temporalUiUrl || !/^https?:\/\//.test(settings.temporalUiUrl)) return null;
  const href = `${settings.temporalUiUrl}/namespaces/${encodeURIComponent(settings.namespace)}/workflows/maple-execution-${id}`;
  return el('a', { href, target: '_blank', rel: 'noopener', id: 'temporal-ui', class: 'muted' }, 'open in the Temporal UI');
}

function notFound(id) {
  return el('p', { class: 'notfound', id: 'not-found' }, `Execution ${id} not found.`);
}

async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    return null;
  }
}

function pairs(entries) {
  return entries.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]);
}

/** Each transition with its time, how long the execution spent in the status before it, and why. */
function timeline(history) {
  const rows = history.map((change, i) => el('tr', { 'data-to': change.to },
    el('td', {}, statusBadge(change.to)), el('td', {}, time(change.time)),
    el('td', {}, i === 0 ? '' : `${duration(Date.parse(change.time) - Date.parse(history[i - 1].time))} in ${change.from}`),
    el('td', {}, change.reason), el('td', { class: 'muted' }, change.source)));
  return el('table', { id: 'timeline' }, el('thead', {}, el('tr', {},
    ['status', 'time', 'before', 'reason', 'by'].map((h) => el('th', {}, h)))), el('tbody', {}, rows));
}

function clusterInfo(execInfo) {
  const detail = (execInfo && execInfo.clusterInfo && execInfo.clusterInfo.detail) || {};
  const url = detail.trackingUrl;
  return el('div', { id: 'cluster-info' },
    el('dl', {}, pairs([['appId', detail.appId], ['cluster status', execInfo && execInfo.lastClusterStatus],
      ['tracking', url && /^https?:\/\//.test(url) ? el('a', { href: url, target: '_blank', rel: 'noopener' }, url) : null],
      ['queue', detail.queue]])),
    el('details', {}, el('summary', {}, 'exec_info'), el('pre', {}, JSON.stringify(execInfo, null, 2))));
}

/** The newest run's history, a page at a time, with the way to older pages and to the run before. */
async function historySection(id) {
  const section = el('div', { id: 'history' });
  const page = await showRun(section, id, null, null, null);
  // a long history is not re-read for its end: only a short one's last event says whether the run closed
  const last = page && page.events.length ? page.events[page.events.length - 1].type : '';
  return { section, closed: !page || Boolean(page.nextPageToken) || CLOSING.includes(last) };
}

async function showRun(section, id, run, token, before) {
  const query = new URLSearchParams({ size: HISTORY_PAGE });
  if (run) query.set('run', run);
  if (token) query.set('pageToken', token);
  let page;
  try {
    page = await get(`/executions/${id}/history?${query}`);
  } catch (e) {
    section.append(el('p', { class: 'muted' }, `No workflow history: ${e.message}`));
    return null;
  }
  if (!token) section.append(el('p', { class: 'muted' }, `Run ${page.runId}`));
  // a run's first page names the run it continued from; later pages carry it on
  const previous = token ? before : page.continuedFromRunId;
  section.append(el('table', { class: 'events' }, el('thead', {}, el('tr', {},
    ['#', 'event', 'time', 'name', 'detail'].map((h) => el('th', {}, h)))),
  el('tbody', {}, page.events.map((e) => el('tr', { 'data-type': e.type },
    el('td', {}, e.eventId), el('td', {}, e.type), el('td', {}, time(e.time)), el('td', {}, e.name),
    el('td', { class: e.type.endsWith('Failed') ? 'error' : '' }, e.detail))))));
  if (page.nextPageToken) {
    const more = el('button', { type: 'button', onclick: async () => { more.remove(); await showRun(section, id, page.runId, page.nextPageToken, previous); } },
      'More events');
    section.append(more);
  } else if (previous) {
    const older = el('button', { type: 'button', onclick: async () => { older.remove(); await showRun(section, id, previous, null, null); } },
      'The run before');
    section.append(older);
  }
  return page;
}
