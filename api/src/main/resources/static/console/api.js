// The console reads Maple's own REST API, on the same origin: no second server, no CDN.
export class ApiError extends Error {
  /** @param errors the fields a 400 names: [{ field, message }] */
  constructor(status, detail, errors = []) {
    super(detail);
    this.status = status;
    this.errors = errors;
  }
}

export async function get(path) {
  const response = await fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await apiError(response);
  return response.json();
}

/** A JSON POST; the answer's document, or null when it has none. */
export async function post(path, body) {
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
  if (!response.ok) throw await apiError(response);
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
  if (response.status === 401) detail += ' (this api asks for an app key; the console signs in in a later version)';
  return new ApiError(response.status, detail, errors);
}
