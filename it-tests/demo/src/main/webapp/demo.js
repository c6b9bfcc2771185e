// The demo page: one EventSource on api/events (JAX-RS) or sse/events (Servlet), a publish form,
// and a button that drops the connection. Plain JavaScript, no framework, no external resources.
(function () {
  'use strict';

  const RECONNECT_DELAY_MS = 1500;
  const MAX_ROWS = 500;

  // The last id survives a page reload in sessionStorage (per tab), so a reloaded page resumes.
  const STORED_ID = 'resumable-sse-demo.lastEventId';
  const ENDPOINTS = ['api/events', 'sse/events'];

  const $ = (id) => document.getElementById(id);
  const state = {
    source: null,
    lastEventId: sessionStorage.getItem(STORED_ID) || '',
    sessionId: '',
    topics: [],
    endpoint: ENDPOINTS.includes(new URLSearchParams(location.search).get('endpoint'))
      ? new URLSearchParams(location.search).get('endpoint')
      : ENDPOINTS[0],
    names: new Set(['message']),
    reopenTimer: null,
  };

  function setText(id, value) {
    $(id).textContent = value === undefined || value === null || value === '' ? '-' : String(value);
  }

  function showState(text) {
    setText('state', text);
  }

  function streamUrl() {
    const params = new URLSearchParams();
    state.topics.forEach((topic) => params.append('topic', topic));
    // A new EventSource never sends Last-Event-ID (only the browser's own reconnect does),
    // so the cursor goes in the query when the page opens the stream itself.
    if (state.lastEventId) {
      params.set('lastEventId', state.lastEventId);
    }
    const query = params.toString();
    return state.endpoint + (query ? '?' + query : '');
  }

  function open() {
    closeSource();
    const source = new EventSource(streamUrl());
    state.source = source;
    showState('connecting');
    source.onopen = () => showState('open');
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        showState('reconnecting (the browser retries by itself)');
      } else {
        // The browser gives up for good on a non-200 answer: open a new stream later.
        showState('closed; opening a new stream shortly');
        scheduleOpen();
      }
    };
    source.addEventListener('connected', onConnected);
    state.names.forEach((name) => source.addEventListener(name, onEvent));
  }

  function closeSource() {
    if (state.reopenTimer) {
      clearTimeout(state.reopenTimer);
      state.reopenTimer = null;
    }
    if (state.source) {
      state.source.close();
      state.source = null;
    }
  }

  function scheduleOpen() {
    if (state.reopenTimer) {
      return;
    }
    state.reopenTimer = setTimeout(() => {
      state.reopenTimer = null;
      open();
    }, RECONNECT_DELAY_MS);
  }

  function remember(event) {
    if (event.lastEventId) {
      state.lastEventId = event.lastEventId;
      sessionStorage.setItem(STORED_ID, event.lastEventId);
      setText('last-id', event.lastEventId);
    }
  }

  function onConnected(event) {
    remember(event);
    let info = {};
    try {
      info = JSON.parse(event.data);
    } catch (e) {
      info = {};
    }
    state.sessionId = info.sessionId || '';
    setText('session-id', info.sessionId);
    setText('reconnection', info.reconnection);
    setText('recovered', info.recovered);
    setText('reason', info.reason);
    setText('replayed', info.replayed);
    $('recovered').className = info.recovered ? 'ok' : (info.reconnection ? 'bad' : '');
    addRow('connected', event.lastEventId, event.data, 'connected');
  }

  function onEvent(event) {
    remember(event);
    addRow(event.type, event.lastEventId, event.data, '');
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
    if (state.source) {
      state.source.addEventListener(name, onEvent);
    }
  }

  function dropConnection() {
    closeSource();
    showState('dropped; reconnecting in ' + RECONNECT_DELAY_MS / 1000 + ' s');
    scheduleOpen();
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
      form.set('session', state.sessionId);
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
    // Another endpoint has another cookie path, so another session: start without a cursor.
    state.endpoint = $('endpoint').value;
    state.lastEventId = '';
    sessionStorage.removeItem(STORED_ID);
    open();
  });
  $('publish-form').addEventListener('submit', publish);
  open();
})();
