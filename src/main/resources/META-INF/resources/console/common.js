// What both console views share: the API key, calls to the JSON endpoints, the time window picker,
// a small DOM builder and number formats. The pages hold no data: every figure comes from an
// endpoint that checks the key's role.

const KEY = 'leadrouter.apiKey';
const WINDOW = 'leadrouter.window';
export const POLL_MS = 5000;

/** A call was refused: 401 (no or unknown key) or 403 (the key lacks the role). */
export class Refused extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY)}`, ...(options.headers || {}) };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 || response.status === 403) {
    throw new Refused(response.status, await problemDetail(response));
  }
  if (!response.ok) {
    throw new Error(`${response.status}: ${await problemDetail(response)}`);
  }
  return (response.headers.get('Content-Type') || '').includes('json') ? response.json() : response.text();
}

async function problemDetail(response) {
  const text = await response.text();
  try {
    const problem = JSON.parse(text);
    const fields = (problem.errors || []).map((e) => `${e.field}: ${e.problem}`).join('; ');
    return [problem.detail || problem.title, fields].filter(Boolean).join(' — ');
  } catch {
    return text || response.statusText;
  }
}

/**
 * Runs the page: asks for a key if there is none, then calls refresh() now and every POLL_MS
 * milliseconds. A refusal stops the figures and says what to do; the sign-out button forgets the key.
 */
export function startPage(role, refresh) {
  const signIn = document.getElementById('sign-in');
  const content = document.getElementById('content');
  const message = document.getElementById('access-message');
  let timer = null;
  // Each refresh has a number; one overtaken by a newer one (window or scope changed, sign-out)
  // neither reports nor schedules, so there is only ever one polling loop.
  let generation = 0;

  const show = (signedIn, text = '') => {
    signIn.hidden = signedIn;
    content.hidden = !signedIn;
    document.getElementById('sign-out').hidden = !signedIn;
    message.textContent = text;
    message.hidden = !text;
  };
  const tick = async () => {
    const mine = ++generation;
    try {
      await refresh();
      if (mine !== generation) {
        return;
      }
      document.getElementById('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
      document.getElementById('error').hidden = true;
      timer = setTimeout(tick, POLL_MS);
    } catch (e) {
      if (mine !== generation) {
        return;
      }
      if (e instanceof Refused) {
        if (e.status === 401) {
          sessionStorage.removeItem(KEY);
          show(false, `That API key was not accepted (401). Enter a valid key with the ${role} role.`);
        } else {
          show(false, `This key does not have the ${role} role this view needs (403). `
            + `Ask an administrator for a key with --roles ${role}, or open the other view.`);
        }
        return;
      }
      const error = document.getElementById('error');
      error.textContent = `Could not refresh: ${e.message}. Retrying.`;
      error.hidden = false;
      timer = setTimeout(tick, POLL_MS);
    }
  };
  const start = () => {
    clearTimeout(timer);
    show(true);
    tick();
  };

  signIn.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('api-key');
    sessionStorage.setItem(KEY, input.value.trim());
    input.value = '';
    start();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    clearTimeout(timer);
    generation += 1;
    sessionStorage.removeItem(KEY);
    show(false, 'Signed out.');
  });
  windowPicker(() => {
    clearTimeout(timer);
    tick();
  });
  if (sessionStorage.getItem(KEY)) {
    start();
  } else {
    show(false);
  }
  return { refreshNow: () => { clearTimeout(timer); return tick(); } };
}

/** The chosen time window as a query string for /kpis and coverage: window=1h|today|7d, or from and to. */
export function windowQuery() {
  const chosen = JSON.parse(sessionStorage.getItem(WINDOW) || '{"window":"1h"}');
  return new URLSearchParams(chosen).toString();
}

function windowPicker(changed) {
  const select = document.getElementById('window');
  const custom = document.getElementById('custom-window');
  const from = document.getElementById('window-from');
  const to = document.getElementById('window-to');
  const chosen = JSON.parse(sessionStorage.getItem(WINDOW) || '{"window":"1h"}');
  select.value = chosen.window || 'custom';
  custom.hidden = select.value !== 'custom';
  if (chosen.from) {
    from.value = localInput(chosen.from);
    to.value = localInput(chosen.to);
  }
  select.addEventListener('change', () => {
    custom.hidden = select.value !== 'custom';
    if (select.value !== 'custom') {
      sessionStorage.setItem(WINDOW, JSON.stringify({ window: select.value }));
      changed();
    }
  });
  document.getElementById('apply-window').addEventListener('click', () => {
    if (!from.value || !to.value) {
      return;
    }
    // datetime-local inputs are in the browser's time zone; the service takes instants.
    sessionStorage.setItem(WINDOW, JSON.stringify({
      from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString(),
    }));
    changed();
  });
}

function localInput(iso) {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** h('td', {class: 'x'}, 'text', child): an element whose text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A table with a header row; rows are arrays of cells (text or elements). */
export function table(headings, rows, empty = 'None') {
  if (rows.length === 0) {
    return h('p', { class: 'empty' }, empty);
  }
  return h('table', {},
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', {}, heading)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}

export function replace(id, ...children) {
  document.getElementById(id).replaceChildren(...children.flat());
}

/** Sets a figure's text and keeps the raw value beside it (data-value) for anyone checking it. */
export function figure(id, value, text) {
  const element = document.getElementById(id);
  element.textContent = text;
  element.dataset.value = value === null || value === undefined ? '' : String(value);
}

/** 8000 -> "8.0 s", 312000 -> "5.2 min", 5400000 -> "1.5 h"; "—" when there is nothing to measure. */
export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '—';
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  if (ms < 3600000) {
    return `${(ms / 60000).toFixed(1)} min`;
  }
  return `${(ms / 3600000).toFixed(1)} h`;
}

/** 0.8 -> "80.0 %"; "—" when the rate is null (nothing to divide). */
export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)} %`;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** "14:05" for a trend bucket's start. */
export function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
