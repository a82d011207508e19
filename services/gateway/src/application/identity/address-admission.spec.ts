import { rateVerdict } from '../../domain/rate-limit';
import { TooManyRequestsError } from '../too-many-requests';
import { AddressAdmission } from './address-admission';
import type { RequestCounter } from './client-admission';

describe('per-address admission', () => {
  it('admits an address up to the limit, then refuses with 429 and when to come back', async () => {
    const counts = new Map<string, number>();
    const counter: RequestCounter = {
      hit: async (caller, limit) => {
        counts.set(caller, (counts.get(caller) ?? 0) + 1);
        return rateVerdict(counts.get(caller)!, limit, Date.now());
      },
    };
    const admission = new AddressAdmission(counter, 2);
    await admission.admit('198.51.100.7');
    await admission.admit('198.51.100.7');
    await admission.admit('198.51.100.8');
    const refusal = await admission.admit('198.51.100.7').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect((refusal as TooManyRequestsError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((refusal as TooManyRequestsError).getResponse()).toMatchObject({
      status: 429,
      code: 'rate.address-limit',
      messages: {
        vi: 'Mỗi địa chỉ chỉ được gửi tối đa 2 yêu cầu mỗi phút.',
        en: 'At most 2 requests a minute are accepted from one address.',
      },
    });
    expect([...counts.keys()]).toEqual(['ip:198.51.100.7', 'ip:198.51.100.8']);
  });

  it('serves rather than refuses everyone while the counters cannot be reached', async () => {
    const unreachable: RequestCounter = {
      hit: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
      },
    };
    await expect(new AddressAdmission(unreachable, 1).admit('198.51.100.7')).resolves.toBeUndefined();
  });
});
