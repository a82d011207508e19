import { Logger } from '@nestjs/common';
import { TooManyRequestsError } from '../too-many-requests';
import type { RequestCounter } from './client-admission';

/** The per-address limit: every request from one address counts against `perMinute` a minute. */
export class AddressAdmission {
  private readonly log = new Logger('RateLimit');

  constructor(
    private readonly limiter: RequestCounter,
    private readonly perMinute: number,
  ) {}

  /** Throws 429 `rate.address-limit` (its Retry-After in `retryAfterSeconds`) past the limit. */
  async admit(address: string): Promise<void> {
    let verdict;
    try {
      verdict = await this.limiter.hit(`ip:${address}`, this.perMinute);
    } catch (error) {
      // Redis unreachable: serve rather than refuse everyone (health reports the outage).
      this.log.warn({ msg: 'rate limit not checked', error: String(error) });
      return;
    }
    if (verdict.allowed) return;
    throw new TooManyRequestsError(
      'rate.address-limit',
      {
        vi: `Mỗi địa chỉ chỉ được gửi tối đa ${this.perMinute} yêu cầu mỗi phút.`,
        en: `At most ${this.perMinute} requests a minute are accepted from one address.`,
      },
      verdict.retryAfterSeconds,
    );
  }
}
