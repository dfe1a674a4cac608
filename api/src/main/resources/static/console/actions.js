import { ApiError, post } from './api.js';
import { el } from './dom.js';

const ACTIONS = {
  kill: { label: 'Kill', done: 'killed', ask: (id) => `Kill execution ${id}? Its application is stopped on the cluster.` },
  cancel: { label: 'Cancel', done: 'canceled', ask: (id) => `Cancel execution ${id}? (a Flink job is suspended; elsewhere the same as kill)` },
  rerun: { label: 'Rerun', done: 'rerun', ask: (id) => `Run the request of execution ${id} again, as a new execution?` },
};

/**
 * Kill, cancel and rerun of one execution, each behind a confirm. The node is made once and put back
 * by every refresh of the page, so a confirm or an answer survives the refresh; {@code update} says
 * which status the page shows (kill and cancel are off once it has ended).
 */
export function executionActions(id, { refresh, opened }) {
  const confirm = el('span', { id: 'action-confirm' });
  const message = el('p', { id: 'action-message', role: 'status' });
  const buttons = Object.fromEntries(Object.entries(ACTIONS).map(([action, a]) => [action,
    el('button', { type: 'button', id: `action-${action}`, onclick: () => ask(action) }, a.label)]));
  const node = el('div', { id: 'actions' }, Object.values(buttons), confirm, message);
  let ended = false;
  let busy = false;

  function render() {
    buttons.kill.disabled = ended || busy;
    buttons.cancel.disabled = ended || busy;
    buttons.rerun.disabled = busy;
  }

  function ask(action) {
    confirm.replaceChildren(ACTIONS[action].ask(id), ' ',
      el('button', { type: 'button', id: 'confirm-yes', class: 'danger', onclick: () => run(action) }, `Yes, ${action}`),
      el('button', { type: 'button', id: 'confirm-no', onclick: () => confirm.replaceChildren() }, 'No'));
  }

  async function run(action) {
    confirm.replaceChildren();
    busy = true;
    render();
    show(`${ACTIONS[action].label}: sent…`, '');
    try {
      const answer = await post(`/executions/${id}/${action}`,
        action === 'rerun' ? {} : { reason: `${ACTIONS[action].done} from the console` });
      if (action === 'rerun') {
        show(`Execution ${answer.id} was created as a rerun of ${id}.`, 'ok');
        opened(answer.id);
        return;
      }
      show(`Execution ${id} is ${answer.status}.`, 'ok');
      refresh();
    } catch (e) {
      show(words(action, id, e), 'error');
    } finally {
      busy = false;
      render();
    }
  }

  function show(text, kind) {
    message.textContent = text;
    message.className = kind;
  }

  render();
  return { node, update(isEnded) { ended = isEnded; render(); } };
}

/** An action's refusal in words: what happened and what the user can do. */
function words(action, id, e) {
  if (!(e instanceof ApiError)) return `The ${action} request did not reach Maple: ${e.message}`;
  switch (e.status) {
    case 409: return `Not ${ACTIONS[action].done}: ${e.message}. There is nothing left to stop.`;
    case 403: return `Not allowed: this app may not ${action} execution ${id} (${e.message}).`;
    case 404: return `Execution ${id} does not exist (any more).`;
    case 429: return `Too many requests: Maple is rate limiting this app. Try again in a few seconds.`;
    default: return `The ${action} request failed (${e.status}): ${e.message}`;
  }
}
