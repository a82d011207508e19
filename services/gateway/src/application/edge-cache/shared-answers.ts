import { gzipSync } from 'node:zlib';
import etag from 'etag';
import { LRUCache } from 'lru-cache';
import type { UpstreamResponse } from '../../infrastructure/upstream/upstream-client';

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
 * After a change, a request waits for a fetch that began after it: whoever has seen a change in one view never
 * gets an older state of another (a hall's national and regional pages agree). Requests for an answer being
 * fetched wait for that one fetch, and a fetch from before the change is waited out before the next begins, so
 * the service is never asked for the same answer twice at once: after a change a whole hall costs it one request.
 */
export class SharedAnswers {
  private readonly versions = new Map<string, number>();
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
      if (kept && kept.version >= version) return kept.answer;
      const running = this.fetching.get(key);
      // A fetch that began at or after this request's version will do; an older one is waited out first,
      // so that the service is never asked for the same answer twice at once.
      if (running && running.version >= version) return running.done;
      if (running) await running.done.catch(() => undefined);
      else return this.start(key, service, fetch);
    }
  }

  /** The service's data changed. */
  changed(service: string): void {
    this.versions.set(service, this.versionOf(service) + 1);
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
