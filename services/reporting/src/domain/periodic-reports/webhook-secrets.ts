/**
 * Rotating a webhook subscription's signing secret without a gap. After a rotation the new secret signs at
 * once, and the one it replaces keeps signing beside it for an overlap: every delivery in that window carries one
 * `v1` per secret (see webhook-signature.ts), so a receiver that still holds only the old secret and one that
 * already holds only the new both verify. After the overlap only the new one signs. At most two secrets sign at
 * any time: rotating again inside an overlap retires the older one at once.
 */

/**
 * The default and longest overlap: 24 hours. A provincial system's team deploys a new secret in its next
 * working-day change window, whatever hour the rotation was made; a day covers that, while a secret that leaked
 * stays usable no longer than a day (rotate with an overlap of 0 to retire it at once).
 */
export const SECRET_OVERLAP_SECONDS = 24 * 3_600;

export interface SigningSecrets {
  current: string;
  /** The secret the last rotation replaced, while it still signs. */
  previous: { secret: string; expiresAtMs: number } | null;
}

/** The secrets that sign an attempt made at `atMs`: the current one first, then the previous one until it expires. */
export function secretsInForce(secrets: SigningSecrets, atMs: number): string[] {
  const { current, previous } = secrets;
  return previous && atMs < previous.expiresAtMs ? [current, previous.secret] : [current];
}

/**
 * The secrets after rotating to `next` at `atMs`: the current one becomes the previous one for `overlapSeconds`
 * (none with 0); a previous one still in force ends now.
 */
export function rotateSecrets(
  secrets: SigningSecrets,
  next: string,
  atMs: number,
  overlapSeconds: number = SECRET_OVERLAP_SECONDS,
): SigningSecrets {
  if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > SECRET_OVERLAP_SECONDS) {
    throw new RangeError(`an overlap is 0 to ${SECRET_OVERLAP_SECONDS} whole seconds, got ${overlapSeconds}`);
  }
  if (next === secrets.current || next === secrets.previous?.secret) {
    throw new RangeError('a rotation needs a secret not used before');
  }
  return {
    current: next,
    previous:
      overlapSeconds === 0 ? null : { secret: secrets.current, expiresAtMs: atMs + overlapSeconds * 1000 },
  };
}
