// Resumable SSE browser client: an EventSource that resumes after reloads and after the browser gave
// up, that one tab runs for every tab of the browser, and that falls back to the WebSocket stream.
// Guide: docs/howto/browser-client.md. Types: resumable-sse.d.ts beside this file. No dependencies;
// served from the library jar.

const RESERVED = ['connected', 'open', 'error', 'refused'];
const RING = 256;
// 'auto' switches between SSE and WebSocket after this many connections in a row failed to open.
const FALLBACK = 3;

// Ids are <16 hex epoch>-<19 digit sequence>: within one epoch they sort as strings. An id of
// another epoch than the last one seen is new (the server says so in `connected` first).
const epoch = (id) => id.slice(0, 16);
const newer = (id, last) => !last || epoch(id) !== epoch(last) || id > last;

// A transport opens one connection to the stream and reports through the sink; the module recreates
// it when it reports closed(wait): after `wait` ms, or after a backoff when there is none.
function sse(url, options, sink) {
  const source = new EventSource(url, { withCredentials: !!options.withCredentials });
  const relay = (e) => sink.event(e.type, e.lastEventId, e.data);
  source.onopen = sink.open;
  source.onerror = () => {
    // CONNECTING: a network error, the browser reconnects by itself (after `retry:`) with
    // Last-Event-ID. CLOSED: an error status, it never will.
    if (source.readyState === EventSource.CLOSED) sink.closed();
  };
  source.addEventListener('connected', relay);
  // A refusal to outwait: 200, `retry:` and this event; the browser comes back after the hint.
  source.addEventListener('refused', relay);
  return { listen: (name) => source.addEventListener(name, relay), close: () => source.close() };
}

// The WebSocket stream (<stream path>/ws, or options.websocketUrl) sends the same frames as the
// event stream, whole frames in each message; this reads them as EventSource would. The module
// reconnects after every close: after the last `retry:` once the stream was open, like EventSource.
function websocket(url, options, sink) {
  const from = new URL(url);
  const u = options.websocketUrl
    ? new URL(options.websocketUrl, document.baseURI)
    : new URL(from.pathname.replace(/\/?$/, '/ws'), from);
  u.search = from.search;
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(u.href);
  const names = new Set(['connected']);
  let retry = -1;
  socket.onmessage = (m) => {
    for (const frame of String(m.data).split('\n\n')) {
      let type = 'message', id = '', data = null;
      for (const line of frame.split('\n')) {
        const colon = line.indexOf(':');
        if (!colon) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        if (field === 'event') type = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data = data === null ? value : data + '\n' + value;
        else if (field === 'retry' && /^\d+$/.test(value)) retry = +value;
      }
      if (type === 'connected') sink.open();
      if (data !== null && names.has(type)) sink.event(type, id, data);
    }
  };
  // A refusal to outwait closes with 4000 + its status and the refused event's JSON as the reason.
  socket.onclose = (c) => {
    let r;
    try {
      r = c.code > 4000 && JSON.parse(c.reason);
    } catch (ignored) {
      // a plain-text reason: a refusal that waiting does not cure
    }
    if (r && r.reason) {
      sink.event('refused', '', c.reason);
      retry = r.retry;
    }
    sink.closed(retry);
  };
  return {
    listen: (name) => names.add(name),
    close: () => {
      socket.onclose = null;
      socket.close();
    },
  };
}

const TRANSPORTS = { auto: sse, sse, websocket };

function store(key, id) {
  try {
    sessionStorage.setItem(key, id);
  } catch (ignored) {
    // storage disabled: resume works within the page's life only
  }
}

function stored(key) {
  try {
    return sessionStorage.getItem(key) || '';
  } catch (ignored) {
    return '';
  }
}

/** See resumable-sse.d.ts for the documentation of every public member. */
export class ResumableEventSource {
  constructor(url, options = {}) {
    const o = (this.options = {
      topics: [],
      events: [],
      share: true,
      transport: 'auto',
      minDelay: 1000,
      maxDelay: 30000,
      ...options,
    });
    this._transport = TRANSPORTS[o.transport];
    if (!this._transport) throw new Error('Resumable SSE: transport "' + o.transport + '" is unknown');
    this.transport = o.transport === 'websocket' ? o.transport : 'sse';
    const u = new URL(url, document.baseURI);
    o.topics.forEach((topic) => u.searchParams.append('topic', topic));
    this.url = u.href;
    this._key = 'resumable-sse:' + this.url;
    this.lastEventId = stored(this._key);
    this.status = null;
    this.leader = false;
    this.closed = false;
    this._names = new Set(['message']);
    this._handlers = {};
    this._iterators = new Set();
    this._recent = [];
    this._base = this.lastEventId;
    this._attempt = 0;
    this._pending = [];
    o.events.forEach((name) => this._listen(name));
    if (o.share && self.BroadcastChannel && navigator.locks) {
      this._tab = Math.random().toString(36).slice(2);
      this._syncing = true;
      this._queue = [];
      this._channel = new BroadcastChannel(this._key);
      this._channel.onmessage = (m) => this._message(m.data);
      this._abort = new AbortController();
      navigator.locks
        .request(this._key, { signal: this._abort.signal }, () => {
          this._lead();
          return new Promise((resolve) => (this._release = resolve));
        })
        .catch(() => {});
      this._hello();
    } else {
      this._lead();
    }
  }

  on(name, handler) {
    (this._handlers[name] = this._handlers[name] || new Set()).add(handler);
    if (!RESERVED.includes(name)) this._listen(name);
    return () => this._handlers[name].delete(handler);
  }

  async *[Symbol.asyncIterator]() {
    const buffer = [];
    let wake;
    const push = (e) => {
      buffer.push(e);
      if (wake) wake();
    };
    this._iterators.add(push);
    if (this.closed) push(null);
    try {
      for (;;) {
        while (!buffer.length) await new Promise((resolve) => (wake = resolve));
        const e = buffer.shift();
        if (!e) return;
        yield e;
      }
    } finally {
      this._iterators.delete(push);
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this._timer);
    if (this._source) this._source.close();
    if (this._release) this._release();
    if (this._abort) this._abort.abort();
    if (this._channel) this._channel.close();
    this._iterators.forEach((push) => push(null));
  }

  _listen(name) {
    if (this._names.has(name)) return;
    this._names.add(name);
    if (this._source) this._source.listen(name);
    else if (this._channel && !this.leader) this._post({ k: 'names', names: [name] });
  }

  _emit(type, id, data) {
    const e = { type, id, data };
    (this._handlers[type] || []).forEach((handler) => handler(e));
    this._iterators.forEach((push) => push(e));
  }

  _post(message) {
    if (!this.closed) this._channel.postMessage(message);
  }

  _hello() {
    this._post({ k: 'hello', from: this._tab, last: this.lastEventId, names: [...this._names] });
  }

  _remember(id) {
    this.lastEventId = id;
    store(this._key, id);
  }

  _lead() {
    if (this.closed) return;
    this.leader = true;
    // Events relayed while this tab waited for its catch-up may follow a gap: the server replays them.
    this._syncing = false;
    this._queue = [];
    if (this._channel) this._post({ k: 'leader' });
    this._connect();
  }

  _connect() {
    const u = new URL(this.url);
    if (this.lastEventId) u.searchParams.set('lastEventId', this.lastEventId);
    this._source = this._transport(u.href, this.options, {
      open: () => {
        this._attempt = 0;
        this._emit('open', '', { leader: true });
      },
      event: (type, id, data) => this._receive({ type, id, data }, true),
      closed: (wait) => this._retry(wait),
    });
    this._names.forEach((name) => this._source.listen(name));
  }

  // Full jitter: a random delay between 0 and an exponentially growing cap, never above maxDelay;
  // or the stream's own `retry:` when it was open (WebSocket; EventSource waits it by itself).
  _retry(wait) {
    this._source.close();
    this._source = null;
    const o = this.options;
    const cap = Math.min(o.maxDelay, o.minDelay * 2 ** this._attempt++);
    const delay = wait >= 0 ? wait : Math.random() * cap;
    // 'auto' tries the other transport after FALLBACK failures in a row; the backoff keeps growing.
    if (o.transport === 'auto' && this._attempt % FALLBACK === 0) {
      this.transport = this.transport === 'sse' ? 'websocket' : 'sse';
      this._transport = TRANSPORTS[this.transport];
    }
    this._emit('error', '', { attempt: this._attempt, delay, transport: this.transport });
    this._timer = setTimeout(() => this._connect(), delay);
  }

  _receive(e, mine) {
    if (this.closed) return;
    if (!mine && this._syncing) return void this._queue.push(e);
    if (mine && this._channel) this._post({ k: 'ev', e });
    if (e.type === 'refused') return void (mine && this._emit('refused', '', JSON.parse(e.data)));
    if (e.type !== 'connected') return this._deliver(e);
    let status = e.data;
    try {
      status = JSON.parse(e.data);
    } catch (ignored) {
      // not the module's stream: pass the text on
    }
    // Recovered from a cursor this tab has already passed (another tab led): keep its own position,
    // so that the replayed events it has seen are dropped as duplicates.
    if (!status.recovered || newer(e.id, this.lastEventId)) {
      this._remember(e.id);
      this._recent = [];
      this._base = e.id;
    }
    this.status = { ...status, shared: !!this._channel };
    this._emit('connected', e.id, this.status);
    this._pending.splice(0).forEach((hello) => this._answer(hello));
  }

  _deliver(e) {
    if (!newer(e.id, this.lastEventId)) return;
    this._remember(e.id);
    this._recent.push(e);
    if (this._recent.length > RING) this._base = this._recent.shift().id;
    this._emit(e.type, e.id, e.data);
  }

  _message(m) {
    if (m.k === 'ev') this._receive(m.e, false);
    else if (m.k === 'leader') this._hello();
    else if (m.k === 'sync') m.to === this._tab && this._syncing && this._synced(m);
    else if (this.leader) {
      m.names.forEach((name) => this._listen(name));
      if (m.k === 'hello') this.status ? this._answer(m) : this._pending.push(m);
    }
  }

  // A tab that joins (or reloads) catches up from this tab's recent events, if they reach back to
  // its cursor; relayed events that arrive meanwhile wait in its queue.
  _answer(hello) {
    const last = hello.last;
    const ok = !!last && epoch(last) === epoch(this._base) && last >= this._base;
    this._post({
      k: 'sync',
      to: hello.from,
      ok,
      last: this.lastEventId,
      status: this.status,
      events: ok ? this._recent.filter((e) => newer(e.id, last)) : [],
    });
  }

  _synced(m) {
    this._syncing = false;
    const had = this.lastEventId;
    const status = { ...m.status, reconnection: !!had, recovered: m.ok, replayed: m.events.length };
    delete status.reason;
    if (had && !m.ok) status.reason = epoch(had) === epoch(m.last) ? 'overflow' : 'unknown-epoch';
    if (!m.ok) this._remember(m.last);
    this._recent = [];
    this._base = this.lastEventId;
    this.status = status;
    this._emit('connected', this.lastEventId, status);
    m.events.concat(this._queue.splice(0)).forEach((e) => this._receive(e, false));
  }
}
