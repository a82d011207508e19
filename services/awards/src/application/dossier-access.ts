import { isCentral } from '@kc/auth';
import type { Principal } from '@kc/contracts';
import { unitsCoveredBy } from '@kc/reference-data';

/**
 * Who stands behind an entry and may complete or read its dossier: the agency, the officer of the entry's
 * province (or of the unit it merged into), the facility itself. The same rule as the list of a round's entries.
 * Jurors read a dossier through their assignment instead (ScoringService's rule), never through this one.
 */
export function isEntrySide(
  principal: Principal,
  entry: { provinceCode: string; facilityTaxCode: string },
): boolean {
  if (principal.role === 'business') return principal.facilityTaxCode === entry.facilityTaxCode;
  if (principal.role === 'juror') return false;
  if (isCentral(principal)) return true;
  return (
    principal.role === 'province-officer' &&
    unitsCoveredBy(principal.provinceCode ?? '').includes(entry.provinceCode)
  );
}
