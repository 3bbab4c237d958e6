import pg from 'pg';
import type { Logger } from './logger';

/**
 * A database's change announcements (LISTEN on one channel; triggers NOTIFY at commit), for caches
 * that must never serve data older than the last committed change.
 *
 * The rule every cache on it follows: cache only while listening (`listening`), and store a value
 * only if no change was announced while it was computed (`generation` unchanged). If the listening
 * connection is lost, `listening` is false and every change counts as announced, until it is back.
 */
export class ChangeFeed {
  private listener: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly subscribers = new Set<() => void>();
  listening = false;
  generation = 0;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly log: Logger,
  ) {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`unsafe channel name: ${channel}`);
  }

  /** A feed that never listens: a cache on it computes every time. */
  static never(): ChangeFeed {
    return new ChangeFeed('', 'never', { warn: () => {} } as unknown as Logger);
  }

  /** Starts listening; resolves once listening (or once it has failed and will retry every second). */
  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      this.changed();
      if (!this.closed) {
        this.log.warn({ why, channel: this.channel }, 'lost the change feed; caching off until it is back');
        this.reconnectTimer = setTimeout(() => void this.start(), 1000);
      }
    };
    client.on('notification', () => this.changed());
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      this.listener = client;
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.changed();
      this.listening = true;
    } catch (error) {
      lost((error as Error).message);
      await client.end().catch(() => {});
    }
  }

  /** Counts a change (announced, or made through this process) and tells the subscribers. */
  changed() {
    this.generation += 1;
    for (const subscriber of this.subscribers) subscriber();
  }

  /** Calls `onChange` on every change; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void {
    this.subscribers.add(onChange);
    return () => this.subscribers.delete(onChange);
  }

  async close() {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    this.listening = false;
    await listener?.end().catch(() => {});
  }
}

/** A cache of computed values that a change feed empties: a value is served only if nothing changed since it was computed. */
export class ChangeFeedCache<V> {
  private readonly values = new Map<string, Promise<V>>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries = 64,
  ) {
    feed.subscribe(() => this.values.clear());
  }

  /** The cached value for `key`, or computes it (once, however many ask at the same time). */
  get(key: string, compute: () => Promise<V>): Promise<V> {
    if (!this.feed.listening) return compute();
    const cached = this.values.get(key);
    if (cached) return cached;
    const generation = this.feed.generation;
    const pending = compute();
    this.values.set(key, pending);
    pending.then(
      () => {
        // Changed while computing: the value may predate the change, so it is not kept.
        if (generation !== this.feed.generation && this.values.get(key) === pending) this.values.delete(key);
      },
      () => {
        if (this.values.get(key) === pending) this.values.delete(key);
      },
    );
    if (this.values.size > this.maxEntries) this.values.delete(this.values.keys().next().value!);
    return pending;
  }
}
