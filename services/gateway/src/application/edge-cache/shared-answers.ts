import { gzipSync } from 'node:zlib';
import etag from 'etag';
import { LRUCache } from 'lru-cache';
import type { UpstreamResponse } from '../../infrastructure/upstream/upstream-client';

/**
 * How a change is heard. `committed`: the service says a write of it committed (its outbox relay, its audit
 * event) — an answer from before may still be given while the new one is fetched. `written`: a write this edge
 * relayed — its caller's next read must show it, so nothing from before is given any more.
 */
export type ChangeKind = 'committed' | 'written';

interface Kept {
  /** The service's version when the fetch began: the answer shows every change up to it. */
  version: number;
  answer: UpstreamResponse;
}

interface Fetching {
  version: number;
  done: Promise<UpstreamResponse>;
}

/** What a kept answer costs in memory: its text (UTF-16) and its bytes, and the key. */
const sizeOf = ({ answer }: Kept, key: string) =>
  2 * (answer.body.length + key.length) +
  (answer.kept?.bytes.length ?? 0) +
  (answer.kept?.gzipped.length ?? 0);

/**
 * The answers of `cache: 'shared'` routes (the same for every admitted caller), kept per request until the data
 * of their service changes; freshness comes only from the change signals, there is no time-to-live.
 *
 * After a committed change the answer kept from before is still given while ONE fetch of the new one runs
 * (stale-while-revalidate, bounded by that fetch): a hall of dashboards neither waits for the service nor sends
 * it more than one request per answer at a time, however many changes arrive. After a write this edge relayed,
 * or when no answer is kept, a request waits for a fetch that began after the change.
 */
export class SharedAnswers {
  private readonly versions = new Map<string, number>();
  /** The version of a service's last `written` change: nothing fetched before it is given. */
  private readonly writtenAt = new Map<string, number>();
  /** Part of every key; bumped when every change may have gone unseen, so nothing from before is found. */
  private generation = 0;
  private readonly kept: LRUCache<string, Kept>;
  private readonly fetching = new Map<string, Fetching>();

  constructor(maxBytes: number) {
    this.kept = new LRUCache({ maxSize: maxBytes, sizeCalculation: sizeOf });
  }

  /**
   * The answer to `request` (path and query) of `service`: kept, or `fetch`'s, kept when it is a 200 — with its
   * bytes (plain and gzipped) and ETag, made once here rather than for every request that gets it.
   */
  async answer(
    service: string,
    request: string,
    fetch: () => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> {
    const key = `${this.generation} ${service} ${request}`;
    const version = this.versionOf(service);
    for (;;) {
      const kept = this.kept.get(key);
      if (kept && kept.version === version) return kept.answer;
      const running = this.fetching.get(key);
      if (kept && kept.version >= (this.writtenAt.get(service) ?? 0)) {
        if (!running) void this.start(key, service, fetch).catch(() => undefined);
        return kept.answer;
      }
      // A fetch that began at or after this request's version will do; an older one is waited out first,
      // so that the service is never asked for the same answer twice at once.
      if (running && running.version >= version) return running.done;
      if (running) await running.done.catch(() => undefined);
      else return this.start(key, service, fetch);
    }
  }

  /** The service's data changed. */
  changed(service: string, kind: ChangeKind): void {
    const version = this.versionOf(service) + 1;
    this.versions.set(service, version);
    if (kind === 'written') this.writtenAt.set(service, version);
  }

  /** A change may have gone unseen (the signals were cut): nothing kept or being fetched is given any more. */
  forgetAll(): void {
    this.generation++;
    this.kept.clear();
  }

  private start(key: string, service: string, fetch: () => Promise<UpstreamResponse>) {
    const version = this.versionOf(service);
    const done = fetch()
      .then((fetched) => {
        if (fetched.status !== 200) return fetched;
        const bytes = Buffer.from(fetched.body);
        // One weak validator for both encodings: they are the same answer (RFC 9110 §8.8.1).
        const answer = {
          ...fetched,
          kept: { bytes, gzipped: gzipSync(bytes), etag: etag(bytes, { weak: true }) },
        };
        const kept = this.kept.get(key);
        if (!kept || kept.version < version) this.kept.set(key, { version, answer });
        return answer;
      })
      .finally(() => {
        if (this.fetching.get(key)?.done === done) this.fetching.delete(key);
      });
    this.fetching.set(key, { version, done });
    return done;
  }

  private versionOf(service: string): number {
    return this.versions.get(service) ?? 0;
  }
}
