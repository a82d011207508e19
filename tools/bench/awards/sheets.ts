/** The four statutory criteria (Circular 26/2014/TT-BCT) and their maxima in tenths of a point. */
export const CRITERIA = [
  ['market', 400],
  ['economic-technical-social-environmental', 400],
  ['cultural-aesthetic', 100],
  ['other', 100],
] as const;

/** Deterministic pseudo-random numbers in [0, 1), so two runs of the same size score alike. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A sheet's total (tenths, 0–1000) split over the four criteria roughly in proportion to their maxima, each
 * within its maximum; the parts sum to the total exactly.
 */
export function splitTotal(totalTenths: number): Record<string, number> {
  if (!Number.isInteger(totalTenths) || totalTenths < 0 || totalTenths > 1000) {
    throw new RangeError(`a sheet totals 0–1000 tenths, not ${totalTenths}`);
  }
  const parts = CRITERIA.map(([, max]) => Math.floor((totalTenths * max) / 1000));
  // The floors leave at most 3 tenths over: give them to the first criteria with room.
  let left = totalTenths - parts.reduce((s, p) => s + p, 0);
  for (let i = 0; left > 0; i++) {
    const room = CRITERIA[i][1] - parts[i];
    const given = Math.min(room, left);
    parts[i] += given;
    left -= given;
  }
  return Object.fromEntries(CRITERIA.map(([id], i) => [id, parts[i]]));
}

/** The PUT …/sheet body: the split in points with at most one decimal. */
export const sheetBody = (totalTenths: number) => ({
  scores: Object.fromEntries(Object.entries(splitTotal(totalTenths)).map(([id, t]) => [id, t / 10])),
});

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The totals every juror gives every entry, in tenths: an entry has a quality that is at least 70 points for a
 * share `passShare` of the entries (uniform over 40 points around the pass mark), a juror a leniency of up to
 * ±3 points, and each sheet a spread of up to ±6 points. `totals[entry][juror]`.
 */
export function sheetTotals(entries: number, jurors: number, passShare: number, seed = 14): number[][] {
  const rnd = random(seed);
  const leniency = Array.from({ length: jurors }, () => Math.round((rnd() * 2 - 1) * 30));
  return Array.from({ length: entries }, () => {
    const quality = 700 + Math.round((rnd() - (1 - passShare)) * 400);
    return leniency.map((bias) => clamp(quality + bias + Math.round((rnd() * 2 - 1) * 60), 0, 1000));
  });
}
