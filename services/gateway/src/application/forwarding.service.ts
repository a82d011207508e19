import { Inject, Injectable } from '@nestjs/common';
import { ConflictError } from '@kc/errors';
import { fieldError, ValidationProblem } from '@kc/http';
import { IDEMPOTENCY_KEY_RULE, isFinalAnswer, isValidIdempotencyKey } from '@kc/contracts';
import { decide, fingerprintOf, type IdempotencyRecord } from '../domain/idempotency';
import { IdempotencyStore } from '../infrastructure/idempotency/idempotency.store';
import {
  UpstreamClient,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../infrastructure/upstream/upstream-client';

export const UPSTREAM_TIMEOUT_MS = Symbol('UPSTREAM_TIMEOUT_MS');

export interface Forwarded {
  response: UpstreamResponse;
  /** True when the answer is the stored one of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const KEY_FIELD = 'header.idempotency-key';

export interface ForwardedRequest extends UpstreamRequest {
  /** Who is calling (`user:<id>`, `client:<id>`): idempotency keys are kept per caller. */
  caller: string;
}

/** What an already-used key answers: the stored response, or a problem if it cannot be replayed. */
function replayOf(stored: IdempotencyRecord, fingerprint: string): Forwarded {
  const decision = decide(stored, fingerprint);
  // 409, not the IETF draft's 422: the request conflicts with the one the key already stands for, and the
  // booth registration contract (issue 5) promises 409 — one answer on every route.
  if (decision === 'mismatch') {
    throw new ConflictError(
      {
        vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
        en: 'This Idempotency-Key was already used for a different request.',
      },
      'idempotency.key-reused',
      KEY_FIELD,
    );
  }
  if (decision === 'in-flight' || stored.state !== 'completed') {
    throw new ConflictError(
      {
        vi: 'Một yêu cầu với Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau.',
        en: 'A request with this Idempotency-Key is still being processed; retry later.',
      },
      'idempotency.in-flight',
      KEY_FIELD,
    );
  }
  const { status, contentType, location, body } = stored;
  return { response: { status, contentType, location, retryAfter: null, body }, replayed: true };
}

function assertKeyForm(key: string): void {
  if (!isValidIdempotencyKey(key))
    throw new ValidationProblem([fieldError(KEY_FIELD, 'invalid_format', IDEMPOTENCY_KEY_RULE)]);
}

/** Forwards a public request to its service; a POST with an Idempotency-Key goes through the key's record. */
@Injectable()
export class ForwardingService {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly store: IdempotencyStore,
    @Inject(UPSTREAM_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /**
   * `keyKeptByService`: the service stores the Idempotency-Key with its write and replays its own answer (the
   * route table's `idempotency: 'service'`), so the key is only checked for form and passed on.
   */
  async forward(
    service: Upstream,
    { caller, ...request }: ForwardedRequest,
    keyKeptByService = false,
  ): Promise<Forwarded> {
    if (!keyKeptByService) return this.once(caller, request, () => this.upstream.send(service, request));
    if (request.idempotencyKey !== undefined) assertKeyForm(request.idempotencyKey);
    const response = await this.upstream.send(service, request);
    return { response, replayed: response.replayed ?? false };
  }

  /**
   * Answers a request by `send` (forwarding it, or a write the gateway makes itself) at most once per caller
   * and Idempotency-Key: a POST with a key goes through the key's record.
   */
  async once(
    caller: string,
    request: UpstreamRequest,
    send: () => Promise<UpstreamResponse>,
  ): Promise<Forwarded> {
    const given = request.idempotencyKey;
    if (request.method !== 'POST' || given === undefined) {
      return { response: await send(), replayed: false };
    }
    assertKeyForm(given);

    const key = `${caller}:${given}`;
    const fingerprint = fingerprintOf(request);
    // The in-flight marker outlives the longest wait for the service, then frees the key.
    const claim = await this.store.claim(key, fingerprint, this.timeoutMs + 5_000);
    if (!claim.claimed) return replayOf(claim.stored, fingerprint);

    let response: UpstreamResponse;
    try {
      response = await send();
    } catch (error) {
      await this.store.release(key, claim.marker);
      throw error;
    }
    // Only an answer no retry could change spends the key (the policy: @kc/contracts isFinalAnswer).
    if (isFinalAnswer(response.status)) {
      const { status, contentType, location, body } = response;
      await this.store.complete(key, claim.marker, {
        state: 'completed',
        fingerprint,
        status,
        contentType,
        location,
        body,
      });
    } else {
      await this.store.release(key, claim.marker);
    }
    return { response, replayed: false };
  }
}
