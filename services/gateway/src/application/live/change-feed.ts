/** What a live page hears: the services whose committed writes changed data, and when the notice left. */
export interface DataChanged {
  services: string[];
  at: string;
}

type Listener = (change: DataChanged) => void;

/**
 * Passes the edge's change signals on to open pages (server-sent events): the first change at once, then at
 * most one notice per interval with every service heard meanwhile — a burst of writes costs a hall of pages a
 * few refetches a second, not one per write.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = 0;

  constructor(
    private readonly intervalMs = 250,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  changed(service: string): void {
    this.pending.add(service);
    if (this.timer) return;
    const wait = Math.max(0, this.lastSentAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = null;
    this.lastSentAt = this.now();
    const change = { services: [...this.pending].sort(), at: new Date(this.lastSentAt).toISOString() };
    this.pending.clear();
    for (const listener of this.listeners) listener(change);
  }
}
