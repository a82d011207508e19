import type { OwnerClient } from '@kc/http';

/** The awards service, owner of the certificates `award_certificate_ref` copies (an OwnerClient; see @kc/http). */
export const AWARDS_OWNER = Symbol('AWARDS_OWNER');
/** How long a refusal on the lagging copy waits for it (REPLICA_WAIT_MS). */
export const REPLICA_WAIT_MS = Symbol('REPLICA_WAIT_MS');

/**
 * Whether awards has issued every one of these certificates: its public verification by number answers for a
 * certificate it issued (valid, expired or withdrawn) and 404 otherwise. It does not show the holder's tax code,
 * so whose certificate it is stays for the copy to say once it has caught up.
 */
export async function awardsIssuedAll(owner: OwnerClient, numbers: readonly string[]): Promise<boolean> {
  const answers = await Promise.all(
    [...new Set(numbers)].map((number) =>
      owner.get<{ number: string }>(`/api/v1/award-certificates/${encodeURIComponent(number)}/verification`),
    ),
  );
  return answers.every((answer) => answer !== undefined);
}
