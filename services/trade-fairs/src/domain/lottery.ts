import { createHash } from 'node:crypto';

/**
 * How a lottery fair's requests are ordered; published with every draw so that anyone can recompute it from
 * the seed and the registration ids.
 */
export const LOTTERY_ALGORITHM =
  'kc-lottery-v1: ticket = lowercase hex of SHA-256 over the UTF-8 bytes of `${seed}:${registrationId}`; ' +
  'requests are ranked by ticket ascending (then registrationId), except that when the fair grants award ' +
  'priority every request with a valid award certificate ranks before every request without one. ' +
  'Booths are then offered in rank order (province quota first, then the common pool); the rest join the ' +
  'waiting list in rank order. drawDigest = SHA-256 of the lines `${rank} ${registrationId} ${ticket}\\n`.';

export interface LotteryRequest {
  registrationId: string;
  awardCertified: boolean;
}

export interface DrawEntry {
  rank: number;
  registrationId: string;
  ticket: string;
  /** Ranked in the priority group: certified, at a fair that grants priority. */
  awardPriority: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const lotteryTicket = (seed: string, registrationId: string): string =>
  sha256(`${seed}:${registrationId}`);

/** The draw: a pure function of the seed, the requests and the fair's priority setting (not their order). */
export function drawLottery(seed: string, requests: LotteryRequest[], awardPriority: boolean): DrawEntry[] {
  return requests
    .map((r) => ({
      registrationId: r.registrationId,
      ticket: lotteryTicket(seed, r.registrationId),
      awardPriority: awardPriority && r.awardCertified,
    }))
    .sort(
      (a, b) =>
        Number(b.awardPriority) - Number(a.awardPriority) ||
        (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0) ||
        (a.registrationId < b.registrationId ? -1 : 1),
    )
    .map((entry, index) => ({ rank: index + 1, ...entry }));
}

/** Pins the published order: one line per entry, in rank order. */
export const drawDigest = (entries: Pick<DrawEntry, 'rank' | 'registrationId' | 'ticket'>[]): string =>
  sha256(entries.map((e) => `${e.rank} ${e.registrationId} ${e.ticket}\n`).join(''));
