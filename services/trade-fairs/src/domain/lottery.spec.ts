import { createHash } from 'node:crypto';
import { drawDigest, drawLottery, lotteryTicket } from './lottery';

const ids = [
  '3f0c1d2e-0000-4000-8000-000000000001',
  '3f0c1d2e-0000-4000-8000-000000000002',
  '3f0c1d2e-0000-4000-8000-000000000003',
  '3f0c1d2e-0000-4000-8000-000000000004',
  '3f0c1d2e-0000-4000-8000-000000000005',
];
const requests = ids.map((registrationId, i) => ({ registrationId, awardCertified: i === 4 }));

describe('lottery draw', () => {
  it('makes each ticket the SHA-256 of seed, colon and registration id, in lowercase hex', () => {
    expect(lotteryTicket('seed-2026', ids[0])).toBe(
      createHash('sha256').update(`seed-2026:${ids[0]}`).digest('hex'),
    );
  });

  it('ranks by ticket, whatever order the requests come in', () => {
    const draw = drawLottery('seed-2026', requests, false);
    expect(draw.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect([...draw].sort((a, b) => (a.ticket < b.ticket ? -1 : 1))).toEqual(draw);
    expect(drawLottery('seed-2026', [...requests].reverse(), false)).toEqual(draw);
    expect(draw.every((e) => !e.awardPriority)).toBe(true);
  });

  it('gives another order for another seed', () => {
    const a = drawLottery('seed-2026', requests, false).map((e) => e.registrationId);
    const b = drawLottery('seed-2027', requests, false).map((e) => e.registrationId);
    expect(a).not.toEqual(b);
  });

  it('puts award-certified requests first when the fair grants priority, by ticket within each group', () => {
    const draw = drawLottery('seed-2026', requests, true);
    expect(draw[0]).toMatchObject({ rank: 1, registrationId: ids[4], awardPriority: true });
    const rest = draw.slice(1);
    expect(rest.every((e) => !e.awardPriority)).toBe(true);
    expect([...rest].sort((a, b) => (a.ticket < b.ticket ? -1 : 1))).toEqual(rest);
  });

  it('pins the order with a digest of its lines', () => {
    const draw = drawLottery('seed-2026', requests, false);
    const lines = draw.map((e) => `${e.rank} ${e.registrationId} ${e.ticket}\n`).join('');
    expect(drawDigest(draw)).toBe(createHash('sha256').update(lines).digest('hex'));
    expect(drawDigest([...draw].reverse())).not.toBe(drawDigest(draw));
  });

  it('draws nothing from no requests', () => {
    expect(drawLottery('seed-2026', [], true)).toEqual([]);
  });
});
