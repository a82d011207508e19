import { LRUCache } from 'lru-cache';
import type { UpstreamResponse } from '../../infrastructure/upstream/upstream-client';

/** What a kept answer is worth to the cache: its text, counted in UTF-16 units like its key. */
const sizeOf = (answer: UpstreamResponse, key: string) => answer.body.length + key.length;

/**
 * The answers of `cache: 'shared'` routes (the same for every admitted caller), kept per service until that
 * service's data changes. A change bumps the service's version, so every answer taken before it is passed over
 * at once: there is no time-to-live, freshness comes only from the change signals (an audit event of the
 * service, or a write relayed to it). Requests for an answer that is being fetched wait for that one fetch
 * instead of each asking the service (a hall of dashboards after a change costs the service one request).
 */
export class SharedAnswers {
  private readonly versions = new Map<string, number>();
  /** Bumped when every change may have gone unseen: a fetch begun before it is never stored for later. */
  private generation = 0;
  private readonly kept: LRUCache<string, UpstreamResponse>;
  private readonly pending = new Map<string, Promise<UpstreamResponse>>();

  constructor(maxChars: number) {
    this.kept = new LRUCache({ maxSize: maxChars, sizeCalculation: sizeOf });
  }

  /**
   * The kept answer to `request` (path and query) of `service`, or `fetch`'s, kept when it is a 200. An answer
   * fetched while a change came in is given to the requests that were waiting for it (it is at least as new as
   * they are) but stored under the old version, which no later request asks for.
   */
  answer(
    service: string,
    request: string,
    fetch: () => Promise<UpstreamResponse>,
  ): UpstreamResponse | Promise<UpstreamResponse> {
    const key = `${this.generation}.${this.versionOf(service)} ${service} ${request}`;
    const kept = this.kept.get(key);
    if (kept) return kept;
    let waiting = this.pending.get(key);
    if (!waiting) {
      waiting = fetch()
        .then((answer) => {
          if (answer.status === 200) this.kept.set(key, answer);
          return answer;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, waiting);
    }
    return waiting;
  }

  /** The service's data changed: its kept answers are no longer given (the LRU drops them as it fills). */
  changed(service: string): void {
    this.versions.set(service, this.versionOf(service) + 1);
  }

  /** A change may have gone unseen (the signals were cut): nothing kept is given any more. */
  forgetAll(): void {
    this.generation++;
    this.kept.clear();
  }

  private versionOf(service: string): number {
    return this.versions.get(service) ?? 0;
  }
}
