import { DomainError, UnavailableError } from '@kc/errors';
import { CORRELATION_HEADER, currentContext } from '@kc/observability';

/**
 * Cross-service preconditions (docs/conventions.md, "Deciding on another service's facts"): a service that
 * refuses a request because of its *copy* of another service's facts (fed by events, so it may lag by
 * milliseconds, or by minutes while the broker is down) must not present a stale copy as the truth. Before
 * such a refusal stands, the owner of the facts is asked; if the owner would allow the request, the copy is
 * behind: the request is tried again while the copy catches up, within a bounded wait, and otherwise
 * answered 503 `consistency.replica-behind` with Retry-After — a retryable answer, never a final one.
 */

/** A GET to the service that owns the facts, asked as the current caller (so it answers only what they may see). */
export class OwnerClient {
  constructor(
    /** The owning service's name, e.g. `projects`. */
    readonly owner: string,
    /** Its base URL; without one (a service run alone) the copy is this service's only source of truth. */
    private readonly baseUrl: string | undefined,
    private readonly timeoutMs = 2_000,
  ) {}

  get configured(): boolean {
    return Boolean(this.baseUrl);
  }

  /** The owner's JSON answer, or undefined when it does not know the record (404, or hidden from the caller). */
  async get<T>(path: string): Promise<T | undefined> {
    const context = currentContext();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (context?.accessToken) headers['authorization'] = `Bearer ${context.accessToken}`;
    if (context?.correlationId) headers[CORRELATION_HEADER] = context.correlationId;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw this.unreachable();
    }
    if (response.status === 404 || response.status === 403) return undefined;
    if (!response.ok) throw this.unreachable();
    return (await response.json()) as T;
  }

  private unreachable(): UnavailableError {
    return new UnavailableError(
      {
        vi:
          `Chưa hỏi được dịch vụ ${this.owner}, nơi giữ dữ liệu gốc mà quyết định này dựa vào; ` +
          'vui lòng thử lại sau ít phút',
        en:
          `the ${this.owner} service, which owns the facts this decision depends on, could not be asked; ` +
          'retry shortly',
      },
      'consistency.owner-unreachable',
      undefined,
      2,
    );
  }
}

export interface CatchUp<T> {
  owner: OwnerClient;
  /** One attempt of the use case, in its own transaction (a refusal rolls it back). */
  attempt: () => Promise<T>;
  /** The refusal codes that can come from the copy lagging behind the owner. */
  lagCodes: readonly string[];
  /** Would the owner's facts allow what the copy refused? (Asked once, only when `owner` is configured.) */
  ownerAllows: (refusal: DomainError) => Promise<boolean>;
  /** How long to wait for the copy (default 5 s; REPLICA_WAIT_MS). */
  waitMs?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt`; a refusal with one of `lagCodes` stands only if the owner agrees. If the owner would allow
 * it, the attempt is repeated (backing off from 20 to 250 ms) until the copy has caught up, or the wait ends
 * with 503 `consistency.replica-behind`.
 */
export async function withReplicaCatchUp<T>(c: CatchUp<T>): Promise<T> {
  const deadline = Date.now() + (c.waitMs ?? 5_000);
  let behind = false;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    try {
      return await c.attempt();
    } catch (error) {
      if (!(error instanceof DomainError) || !c.lagCodes.includes(error.code)) throw error;
      if (!behind) {
        if (!c.owner.configured || !(await c.ownerAllows(error))) throw error; // the rule itself refuses
        behind = true;
      }
      if (Date.now() + delay > deadline) {
        throw new UnavailableError(
          {
            vi:
              `Bản sao dữ liệu từ dịch vụ ${c.owner.owner} chưa cập nhật (dịch vụ ${c.owner.owner} đã cho ` +
              `phép yêu cầu này); vui lòng thử lại sau. Bản sao cho biết: ${error.messages.vi}`,
            en:
              `this service's copy of the ${c.owner.owner} service's facts has not caught up yet (the ` +
              `${c.owner.owner} service already allows this request); retry shortly. The copy says: ` +
              error.messages.en,
          },
          'consistency.replica-behind',
          error.field,
          1,
        );
      }
      await pause(delay);
    }
  }
}

/**
 * True when `check` (the rule run on the owner's facts) passes. Any refusal there — the copy's or another —
 * means waiting for the copy cannot help: the copy's refusal stands.
 */
export function passesOn(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
