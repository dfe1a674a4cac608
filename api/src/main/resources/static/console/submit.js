import { ApiError, get, post } from './api.js';
import { el } from './dom.js';
import { TEMPLATES, freshUniqueId } from './templates.js';
// app.js imports this module too: navigate is only called after a submit, long after both have loaded
import { navigate } from './app.js';

// The request's fields as the api names them in a 400's errors; job and webhooks are JSON boxes.
const INPUTS = [
  ['uniqueId', 'idempotency key: the same (fromApp, uniqueId) is the same execution'],
  ['execName'], ['fromApp'], ['cluster'], ['clusterQueue'], ['engineCategory'], ['engineVersion'],
  ['priority', '1 (first) to 5 (last)'], ['group'], ['user'], ['comment', 'optional'],
];
const BOXES = [
  ['job', 'runType and jobConf; paste a whole request here and it fills the form'],
  ['webhooks', 'optional: [{"url": "https://...", "statuses": ["SUCCEED"]}]'],
];

/**
 * Submit a job: a template (the README's examples) or a pasted request, rendered first (the dry run shows
 * the script or resource it would launch, storing nothing), then submitted. The api's 400s are shown
 * next to the field they name. Returns its stopper.
 */
export function submitPage(main) {
  const controls = {};
  const errors = {};
  const rows = [
    ...INPUTS.map(([name, hint]) => row(name, name === 'engineCategory'
      ? el('select', { name }, el('option', { value: 'spark' }, 'spark'), el('option', { value: 'flink' }, 'flink'))
      : el('input', { name, type: name === 'priority' ? 'number' : 'text', min: name === 'priority' ? 1 : null, max: name === 'priority' ? 5 : null }), hint)),
    ...BOXES.map(([name, hint]) => row(name, el('textarea', { name, rows: name === 'job' ? 9 : 2, spellcheck: 'false' }), hint)),
  ];
  const template = el('select', { id: 'template', onchange: () => useTemplate(template.value) },
    Object.entries(TEMPLATES).map(([key, t]) => el('option', { value: key }, t.label)));
  const renderButton = el('button', { type: 'button', id: 'render', onclick: render }, 'Render (dry run)');
  const submitButton = el('button', { type: 'button', id: 'submit', class: 'danger', disabled: true, onclick: submit }, 'Submit');
  const message = el('p', { id: 'submit-message', role: 'status' });
  const output = el('section', { id: 'render-output' });
  const form = el('form', { id: 'submit-form', class: 'submit', onsubmit: (e) => e.preventDefault(), oninput: changed }, rows);
  let examplesJar = null;
  let rendered = null; // the request as last rendered: submit is offered for exactly that request
  let stopped = false;

  output.append(el('p', { class: 'muted' }, 'Render to see the script or the resource a submit would launch.'));
  main.replaceChildren(el('h1', {}, 'Submit a job'),
    el('p', {}, el('label', {}, 'Template ', template), ' ', el('span', { class: 'muted' }, 'the README\'s examples on the local cluster')),
    el('div', { class: 'submit-page' },
      el('div', {}, form, el('p', { class: 'buttons' }, renderButton, submitButton), message), output));

  function row(name, control, hint) {
    controls[name] = control;
    errors[name] = el('span', { class: 'field-error error', 'data-error-for': name });
    return el('label', { class: 'field', 'data-field': name }, el('span', { class: 'name' }, name), control,
      hint ? el('small', { class: 'muted' }, hint) : null, errors[name]);
  }

  function useTemplate(key) {
    fill({ uniqueId: freshUniqueId(key), ...TEMPLATES[key].request(examplesJar) });
  }

  function fill(request) {
    for (const [name] of INPUTS) controls[name].value = request[name] === undefined || request[name] === null ? '' : request[name];
    controls.job.value = request.job === undefined ? '' : JSON.stringify(request.job, null, 2);
    controls.webhooks.value = request.webhooks ? JSON.stringify(request.webhooks, null, 2) : '';
    changed();
  }

  function changed(event) {
    // a whole request pasted into the job box fills every field from it
    if (event && event.target === controls.job) {
      const pasted = parse(controls.job.value);
      if (pasted && typeof pasted === 'object' && pasted.job && pasted.engineCategory) {
        fill(pasted);
        return;
      }
    }
    if (rendered !== null) {
      rendered = null;
      output.classList.add('muted');
      show('Changed since the dry run: render again before submitting.', 'muted');
    }
    submitButton.disabled = true;
  }

  /** The request as the form holds it, or null when a JSON box does not parse (said next to it). */
  function request() {
    clearErrors();
    const body = {};
    for (const [name] of INPUTS) {
      const value = controls[name].value.trim();
      if (value === '') continue;
      body[name] = name === 'priority' && /^-?\d+$/.test(value) ? Number(value) : value;
    }
    let ok = true;
    for (const [name] of BOXES) {
      const text = controls[name].value.trim();
      if (text === '') continue;
      try {
        body[name] = JSON.parse(text);
      } catch (e) {
        errors[name].textContent = `not JSON: ${e.message}`;
        ok = false;
      }
    }
    return ok ? body : null;
  }

  async function render() {
    const body = request();
    if (!body) return show('Fix the fields marked above, then render again.', 'error');
    submitButton.disabled = true;
    show('Rendering…', '');
    try {
      const launch = await post('/executions/render', body);
      if (stopped) return;
      rendered = JSON.stringify(body);
      output.classList.remove('muted');
      output.replaceChildren(el('h2', {}, launch.type === 'script' ? 'The launch script' : `The ${launch.kind} resource`),
        el('p', { class: 'muted' }, launch.type === 'script' ? `application tag ${launch.applicationTag || '(none)'}`
          : `${launch.apiVersion} ${launch.kind} ${launch.namespace}/${launch.name}`, '; names from the execution id use id 0'),
        el('pre', { id: 'render-text' }, launch.type === 'script' ? launch.script : launch.yaml));
      show('This is what a submit would launch. Nothing was stored.', 'ok');
      submitButton.disabled = false;
    } catch (e) {
      if (!stopped) refused('render', e);
    }
  }

  async function submit() {
    const body = request();
    if (!body || JSON.stringify(body) !== rendered) return changed();
    submitButton.disabled = true;
    renderButton.disabled = true;
    show('Submitting…', '');
    try {
      const answer = await post('/executions', body);
      if (stopped) return;
      if (answer.duplicated) {
        show(el('span', {}, `Already submitted: ${answer.fromApp} / ${answer.uniqueId} is execution `,
          el('a', { href: `/executions/${answer.id}`, 'data-nav': true, id: 'duplicate-of' }, answer.id),
          '. Change the uniqueId to run it again.'), 'error');
        return;
      }
      navigate(`/executions/${answer.id}`);
    } catch (e) {
      if (!stopped) refused('submit', e);
    } finally {
      renderButton.disabled = false;
    }
  }

  function refused(what, e) {
    if (!(e instanceof ApiError)) return show(`The ${what} request did not reach Maple: ${e.message}`, 'error');
    if (e.status === 400 && e.errors.length) {
      const general = [];
      for (const { field, message: text } of e.errors) {
        const name = owner(field);
        if (name) errors[name].append(el('span', {}, name === field ? text : `${field}: ${text}`));
        else general.push(`${field}: ${text}`);
      }
      return show(`Not ${what === 'render' ? 'rendered' : 'submitted'}: fix the fields marked above.${general.length ? ` ${general.join('; ')}` : ''}`, 'error');
    }
    switch (e.status) {
      case 403: return show(`Not allowed: ${e.message}`, 'error');
      case 429: return show('Too many requests: Maple is rate limiting this app. Try again in a few seconds.', 'error');
      default: return show(`The ${what} request failed (${e.status}): ${e.message}`, 'error');
    }
  }

  /** The form field a 400's field belongs to: itself, or the JSON box holding it (job.jobConf.sql -> job). */
  function owner(field) {
    return Object.keys(controls).find((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null; // still being typed: the render says what is wrong with it
    }
  }

  function clearErrors() {
    Object.values(errors).forEach((node) => node.replaceChildren());
  }

  function show(content, kind) {
    message.replaceChildren(content);
    message.className = kind;
  }

  useTemplate(template.value);
  // this install's examples jar, where the api knows it, for the jar templates picked after this
  get('/console').then((settings) => { examplesJar = settings.examplesJar || null; }).catch(() => { /* the placeholder stays */ });
  return () => { stopped = true; };
}
