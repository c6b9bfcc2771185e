// The demo page: the browser module (resumable-sse/resumable-sse.js, served from the library jar) on
// api/events (JAX-RS) or sse/events (Servlet), a publish form, and a button that drops the
// connection. Plain JavaScript, no framework, no external resources.
//
// For the browser tests, window.demo.log holds every event the page received, in order, and the
// stream's 'error' events (the browser gave up; a new connection follows).
import { ResumableEventSource } from './resumable-sse/resumable-sse.js';

const RECONNECT_DELAY_MS = 1500;
const MAX_ROWS = 500;
const ENDPOINTS = ['api/events', 'sse/events'];

const $ = (id) => document.getElementById(id);
const requested = new URLSearchParams(location.search).get('endpoint');
const state = {
  stream: null,
  topics: [],
  endpoint: ENDPOINTS.includes(requested) ? requested : ENDPOINTS[0],
  names: new Set(['message']),
  reopenTimer: null,
};
const demo = (window.demo = { log: [], stream: null });

function setText(id, value) {
  $(id).textContent = value === undefined || value === null || value === '' ? '-' : String(value);
}

function open() {
  closeStream();
  // Both stream paths fall back to the same WebSocket stream (the cookie's Path is / in the demo).
  const stream = new ResumableEventSource(state.endpoint, {
    topics: state.topics,
    websocketUrl: 'sse/events/ws',
  });
  state.stream = demo.stream = stream;
  setText('state', 'connecting');
  stream.on('open', () => setText('state', 'open (this tab holds the connection)'));
  stream.on('error', (e) => {
    demo.log.push({ type: 'error', id: '', data: JSON.stringify(e.data) });
    setText('state', 'refused; new connection in ' + Math.round(e.data.delay) + ' ms');
  });
  stream.on('connected', onConnected);
  state.names.forEach((name) => stream.on(name, onEvent));
}

function closeStream() {
  clearTimeout(state.reopenTimer);
  state.reopenTimer = null;
  if (state.stream) {
    state.stream.close();
    state.stream = null;
  }
}

function onConnected(event) {
  const info = event.data;
  demo.log.push({ type: 'connected', id: event.id, data: JSON.stringify(info) });
  setText('state', state.stream.leader ? 'open (this tab holds the connection)' : 'open (shared by another tab)');
  setText('session-id', info.sessionId);
  setText('reconnection', info.reconnection);
  setText('recovered', info.recovered);
  setText('reason', info.reason);
  setText('replayed', info.replayed);
  setText('last-id', event.id);
  $('recovered').className = info.recovered ? 'ok' : info.reconnection ? 'bad' : '';
  addRow('connected', event.id, JSON.stringify(info), 'connected');
}

function onEvent(event) {
  demo.log.push(event);
  setText('last-id', event.id);
  addRow(event.type, event.id, event.data, '');
}

function addRow(name, id, data, cssClass) {
  const row = document.createElement('tr');
  row.className = cssClass;
  [new Date().toLocaleTimeString(), name, id, data].forEach((value, index) => {
    const cell = document.createElement('td');
    cell.textContent = value;
    if (index === 3) {
      cell.className = 'data';
    }
    row.appendChild(cell);
  });
  const body = $('events');
  body.insertBefore(row, body.firstChild);
  while (body.rows.length > MAX_ROWS) {
    body.deleteRow(body.rows.length - 1);
  }
}

function listenFor(name) {
  if (!name || state.names.has(name)) {
    return;
  }
  state.names.add(name);
  if (state.stream) {
    state.stream.on(name, onEvent);
  }
}

function dropConnection() {
  closeStream();
  setText('state', 'dropped; reconnecting in ' + RECONNECT_DELAY_MS / 1000 + ' s');
  state.reopenTimer = setTimeout(open, RECONNECT_DELAY_MS);
}

function followTopics(submit) {
  submit.preventDefault();
  state.topics = $('topics').value.split(/[\s,]+/).filter((topic) => topic.length > 0);
  open();
}

async function publish(submit) {
  submit.preventDefault();
  const form = new URLSearchParams();
  const name = $('event-name').value.trim();
  form.set('event', name);
  form.set('data', $('event-data').value);
  const target = document.querySelector('input[name="target"]:checked').value;
  if (target === 'session') {
    form.set('session', state.stream && state.stream.status ? state.stream.status.sessionId : '');
  } else if (target === 'topic') {
    form.set('topic', $('publish-topic').value.trim());
  }
  listenFor(name);
  const result = $('publish-result');
  try {
    const response = await fetch('api/demo/publish', { method: 'POST', body: form });
    const body = await response.json().catch(() => ({}));
    result.className = response.ok ? 'ok' : 'bad';
    result.textContent = response.ok
      ? 'published as ' + body.id
      : 'refused (' + response.status + '): ' + (body.error || response.statusText);
  } catch (e) {
    result.className = 'bad';
    result.textContent = 'request failed: ' + e;
  }
}

$('drop').addEventListener('click', dropConnection);
$('topics-form').addEventListener('submit', followTopics);
$('endpoint').value = state.endpoint;
$('endpoint').addEventListener('change', () => {
  // Another endpoint has another cookie path, so another session, and another stored cursor.
  state.endpoint = $('endpoint').value;
  open();
});
$('publish-form').addEventListener('submit', publish);
open();
