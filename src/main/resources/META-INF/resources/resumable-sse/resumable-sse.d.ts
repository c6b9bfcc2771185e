// Types of resumable-sse.js, the Resumable SSE browser client. Guide: docs/howto/browser-client.md.

/** How the client reaches the stream. */
export type Transport = 'auto' | 'sse' | 'websocket';

export interface ResumableEventSourceOptions {
  /** Topics to follow, sent as repeated `topic` query parameters. Default none. */
  topics?: string[];
  /** Event names to listen for from the start, besides `message` and those given to `on()`. */
  events?: string[];
  /**
   * One connection for all tabs of this browser that open the same URL with the same topics
   * (Web Locks elect the tab that connects, BroadcastChannel passes the events on). Default true;
   * without Web Locks or BroadcastChannel every tab connects by itself.
   */
  share?: boolean;
  /**
   * `'sse'` uses EventSource; `'websocket'` the server's WebSocket stream (same frames, same
   * cursor and session cookie). `'auto'` (default) starts with EventSource and switches to the
   * other transport after 3 connections in a row failed to open (an error status, a refused
   * WebSocket), back and forth, until one opens; it then stays on that one.
   */
  transport?: Transport;
  /**
   * The WebSocket stream, relative to the document; default: the stream URL's path plus `/ws`
   * (`sse/events` → `sse/events/ws`, the server's endpoint). The stream's query (topics, cursor)
   * is added. For a stream elsewhere (e.g. `api/events`) give `sse/events/ws`.
   */
  websocketUrl?: string;
  /** Sends cookies to a cross-origin stream (EventSource's option). Default false. */
  withCredentials?: boolean;
  /**
   * Base of the backoff, in ms, once the browser has given up (an error status such as 503): the
   * n-th new connection waits a random time between 0 and min(maxDelay, minDelay * 2^n). Default 1000.
   */
  minDelay?: number;
  /** Cap of that backoff, in ms. Default 30000. */
  maxDelay?: number;
}

/** The `connected` event's data (see docs/reference/protocol.md), as this tab sees it. */
export interface ConnectedStatus {
  /** The session's public id; null when reconnection is disabled on the server. */
  sessionId: string | null;
  /** True when this tab had a cursor to resume from. */
  reconnection: boolean;
  /** True when every event after that cursor follows. False: re-load your state, events were missed. */
  recovered: boolean;
  /** Why recovery failed: `overflow`, `expired`, `unknown-epoch` or `invalid`; absent when recovered. */
  reason?: string;
  /** How many replayed events follow before live ones. */
  replayed: number;
  /** True when the connection is shared with other tabs. */
  shared: boolean;
}

/** What handlers and the async iterator receive. */
export interface ResumableEvent<T = string> {
  /** The event name: an application's name, or `connected`, `open`, `error`, `refused`. */
  type: string;
  /** The event id; empty for `open`, `error` and `refused`. */
  id: string;
  /**
   * The event's data: text for application events, the ConnectedStatus for `connected`,
   * `{leader: true}` for `open`, `{attempt, delay, transport}` for `error` (a new connection
   * after `delay` ms, over `transport`), `{reason, retry}` for `refused` (the server refused the
   * connection for a while, e.g. `max-sessions`; the stream comes back after `retry` ms).
   */
  data: T;
}

/**
 * A resumable, tab-shared event stream. Every application event reaches the handlers once, in
 * order, across reloads, reconnects and a change of the connecting tab; when that cannot be
 * promised, a `connected` event with `recovered: false` says so. Not usable from a Worker.
 */
export declare class ResumableEventSource implements AsyncIterable<ResumableEvent<any>> {
  /**
   * Opens the stream at once (or joins the tab that has it open).
   * @param url the stream, relative to the document, e.g. `api/events`
   * @throws Error for an unknown transport
   */
  constructor(url: string, options?: ResumableEventSourceOptions);

  /** The absolute stream URL with its topics, which also keys the stored cursor and the sharing. */
  readonly url: string;
  /** The last event id this tab has handled; kept in sessionStorage so that a reload resumes. */
  readonly lastEventId: string;
  /** The latest `connected` status; null before the first. */
  readonly status: ConnectedStatus | null;
  /** The transport this tab connects with now (for `'auto'`, the one it has switched to). */
  readonly transport: 'sse' | 'websocket';
  /** True while this tab holds the connection for all tabs. */
  readonly leader: boolean;
  /** True after close(). */
  readonly closed: boolean;

  /**
   * Calls the handler for each event of this name; listening starts with the first handler.
   * @returns a function that removes the handler
   */
  on(name: 'connected', handler: (event: ResumableEvent<ConnectedStatus>) => void): () => void;
  on(name: 'open', handler: (event: ResumableEvent<{ leader: true }>) => void): () => void;
  on(
    name: 'error',
    handler: (event: ResumableEvent<{ attempt: number; delay: number; transport: 'sse' | 'websocket' }>) => void,
  ): () => void;
  on(name: 'refused', handler: (event: ResumableEvent<{ reason: string; retry: number }>) => void): () => void;
  on(name: string, handler: (event: ResumableEvent<string>) => void): () => void;

  /** Every event this stream emits from now on, until close(); listens only for known names. */
  [Symbol.asyncIterator](): AsyncIterator<ResumableEvent<any>>;

  /** Closes the connection; if this tab held it, another tab takes over. */
  close(): void;
}
