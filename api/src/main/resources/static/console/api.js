// The console reads Maple's own REST API, on the same origin: no second server, no CDN.
export class ApiError extends Error {
  /** @param errors the fields a 400 names: [{ field, message }] */
  constructor(status, detail, errors = []) {
    super(detail);
    this.status = status;
    this.errors = errors;
  }
}

// The signed-in session's CSRF token: in this module's memory only (never localStorage, never a URL), so a
// reload asks the api for it again (GET /session, which the session cookie authenticates).
let csrf = null;

export function useCsrf(token) {
  csrf = token || null;
}

export async function get(path) {
  return answer(path, await fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' } }));
}

/** A JSON POST; the answer's document, or null when it has none. */
export async function post(path, body) {
  return send('POST', path, body || {});
}

export async function del(path) {
  return send('DELETE', path);
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers['X-Maple-CSRF'] = csrf;
  const init = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body || {});
  return answer(path, await fetch(`/api/v1${path}`, init));
}

async function answer(path, response) {
  if (!response.ok) {
    const error = await apiError(response);
    // an ended session: the console asks to sign in again (a refused sign-in is the sign-in form's own answer)
    if (error.status === 401 && path !== '/session') window.dispatchEvent(new CustomEvent('maple:signed-out'));
    throw error;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function apiError(response) {
  let detail = response.statusText;
  let errors = [];
  try {
    const problem = await response.json();
    detail = problem.detail || detail;
    errors = Array.isArray(problem.errors) ? problem.errors : [];
  } catch (ignored) { /* not a problem document */ }
  if (response.status === 429 && response.headers.get('Retry-After')) detail += ` (retry after ${response.headers.get('Retry-After')} s)`;
  return new ApiError(response.status, detail, errors);
}
