// The console is a client of the public API and nothing else. The key lives in sessionStorage only: it is gone when
// the tab closes, never in a URL (history, logs, Referer) nor in localStorage (kept for ever, shared by tabs).

const TOKEN = 'daap.console.token';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/** A failed request, carrying the problem DAAP answered (or one made up when the answer was not a problem). */
export class ProblemError extends Error {
  constructor(problem) {
    super(`${problem.title}: ${problem.detail || ''}`);
    this.problem = problem;
  }
}

/** Told when DAAP refuses the key (revoked, expired, unknown): the console returns to sign-in. */
export const signedOut = new EventTarget();

function headers(extra = {}) {
  const all = {Accept: 'application/json', ...extra};
  const key = token();
  if (key) all.Authorization = `Bearer ${key}`;
  return all;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (e) {
      // fall through to the made-up problem
    }
  }
  return {title: `HTTP ${response.status}`, status: response.status, detail: response.statusText || 'The server answered without a problem document.'};
}

/** Calls the API; answers {body, etag, status}, or throws a ProblemError. */
export async function call(method, path, {body, contentType = 'application/json', ifMatch} = {}) {
  const extra = {};
  if (body !== undefined) extra['Content-Type'] = contentType;
  if (ifMatch !== undefined && ifMatch !== null) extra['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(extra),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ProblemError({title: 'DAAP cannot be reached', detail: `${e.message}. Check that it is running and try again.`});
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) signedOut.dispatchEvent(new CustomEvent('signed-out', {detail: problem}));
    throw new ProblemError(problem);
  }
  const text = response.status === 204 ? '' : await response.text();
  return {
    body: text ? JSON.parse(text) : null,
    etag: response.headers.get('ETag'),
    status: response.status,
  };
}

export const get = (path) => call('GET', path).then(r => r.body);

/** A query string of the set values; arrays repeat their parameter. */
export function query(values) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) value.forEach(v => parameters.append(name, v));
    else parameters.append(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/**
 * Follows the live event stream until `signal` aborts, calling `onEvent` with each event. EventSource cannot send
 * the bearer header, so this reads the stream with fetch and parses Server-Sent Events itself; after a drop it
 * resumes from the last id it saw (Last-Event-ID), so no event is lost.
 */
export async function followEvents(onEvent, signal, onState = () => {}) {
  let lastId = null;
  let delay = 2000;
  while (!signal.aborted) {
    try {
      const extra = {Accept: 'text/event-stream'};
      if (lastId) extra['Last-Event-ID'] = lastId;
      const response = await fetch('/v1/events', {headers: headers(extra), signal, cache: 'no-store'});
      if (response.status === 401) {
        signedOut.dispatchEvent(new CustomEvent('signed-out', {detail: await problemOf(response)}));
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState('live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + buffer.slice(end).match(/^\r?\n\r?\n/)[0].length);
          const message = parseMessage(block);
          if (message.retry) delay = message.retry;
          if (message.id) lastId = message.id;
          if (message.data) {
            try {
              onEvent(JSON.parse(message.data));
            } catch (e) {
              // an event this console cannot read is skipped, not fatal to the stream
            }
          }
        }
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    onState('reconnecting');
    await new Promise(resolve => setTimeout(resolve, delay));
  }
}

function parseMessage(block) {
  const message = {data: ''};
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'id') message.id = value;
    else if (name === 'event') message.event = value;
    else if (name === 'retry' && /^\d+$/.test(value)) message.retry = Number(value);
  }
  message.data = data.join('\n');
  return message;
}

/**
 * Downloads `path` as `filename` in the format `accept` (text/csv, say): fetched with the key, since a plain link
 * cannot send it, and handed to the browser as a file.
 */
export async function download(path, accept, filename) {
  let response;
  try {
    response = await fetch(path, {headers: headers({Accept: accept}), cache: 'no-store'});
  } catch (e) {
    throw new ProblemError({title: 'DAAP cannot be reached', detail: `${e.message}. Check that it is running and try again.`});
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) signedOut.dispatchEvent(new CustomEvent('signed-out', {detail: problem}));
    throw new ProblemError(problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
