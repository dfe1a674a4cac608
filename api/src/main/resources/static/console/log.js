import { ApiError, get } from './api.js';
import { el } from './dom.js';

const STREAMS = ['stdout', 'stderr', 'launch'];
const TAIL = 200;
const PAGE = 1000;
// what the page keeps: a log of a million lines is never loaded whole, only its tail and what follows
const KEEP = 2000;
const FOLLOW_MS = 2000;

/**
 * An execution's log: the tail of one stream (stdout, stderr, or the launch command's own output),
 * followed while the execution runs by reading only the lines after the last one shown. The node is
 * made once and put back by every refresh of the page; {@code stop} ends its reads.
 */
export function logPane(id) {
  let stream = 'stdout';
  let next = null; // the line to read next; null: read the tail (first read, or a log too large to count)
  let shown = [];
  let dropped = false;
  let ended = false;
  let timer = null;
  let stopped = false;
  let generation = 0; // a switch of stream ignores answers still coming for the one before

  const lines = el('pre', { id: 'log-lines', class: 'log' });
  const note = el('span', { id: 'log-note', class: 'muted' });
  const follow = el('input', { type: 'checkbox', id: 'log-follow', checked: true, onchange: () => { if (follow.checked) later(0); } });
  const switches = STREAMS.map((s) => el('button', { type: 'button', class: 'chip', 'data-stream': s, onclick: () => open(s) }, s));
  // the whole stream as a file, streamed by the api: the pane itself never holds more than its last lines
  const download = el('a', { id: 'log-download', download: true }, 'download');
  const node = el('section', { id: 'log' }, el('div', { class: 'chips' }, switches, el('label', {}, follow, ' follow'), download, note), lines);

  function open(s) {
    stream = s;
    generation += 1;
    next = null;
    shown = [];
    dropped = false;
    lines.textContent = '';
    note.textContent = '';
    switches.forEach((b) => b.classList.toggle('on', b.dataset.stream === s));
    download.href = `/api/v1/executions/${id}/log/download?stream=${s}`;
    later(0);
  }

  function later(ms) {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(read, ms);
  }

  async function read() {
    const asked = generation;
    const query = new URLSearchParams({ stream, from: next === null ? -TAIL : next, size: next === null ? TAIL : PAGE });
    let page;
    try {
      page = await get(`/executions/${id}/log?${query}`);
    } catch (e) {
      if (stopped || asked !== generation) return;
      note.textContent = e instanceof ApiError && e.status === 404 ? `No ${stream} yet: ${e.message}` : `Could not read the log: ${e.message}`;
      if (!ended && follow.checked) later(FOLLOW_MS);
      return;
    }
    if (stopped || asked !== generation) return;
    const counted = page.total !== null && page.from >= 0;
    if (next === null) shown = [];
    show(page.lines);
    next = counted ? page.from + page.lines.length : null;
    note.textContent = counted ? `${page.total} lines${dropped ? `, the last ${shown.length} shown` : ''}`
      : 'too large to count: its tail';
    const more = counted && next < page.total;
    if (more) later(0);
    else if (!page.complete && follow.checked) later(FOLLOW_MS);
  }

  function show(added) {
    shown = shown.concat(added);
    if (shown.length > KEEP) {
      shown = shown.slice(shown.length - KEEP);
      dropped = true;
    }
    lines.textContent = shown.join('\n');
    if (follow.checked) lines.scrollTop = lines.scrollHeight;
  }

  open(stream);
  return {
    node,
    update(isEnded) { ended = isEnded; },
    stop() { stopped = true; clearTimeout(timer); },
  };
}
