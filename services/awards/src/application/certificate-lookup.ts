import type { EntityManager } from 'typeorm';
import type { AwardScope, Certificate, CertificateHolder } from '../domain/certificate';
import type { ProductGroup } from '../domain/entry';

/**
 * What rounds need of certificates, inside the caller's transaction: the lower-level certificate an entry shows,
 * and the certificates a published round gives its passing entries. Rounds depend on this port only; the
 * certificates module provides it under `CERTIFICATE_LOOKUP`.
 */
export interface CertificateLookup {
  byNumber(manager: EntityManager, number: string): Promise<Certificate | null>;
  issueForPassingEntries(
    manager: EntityManager,
    round: { id: string; year: number; scope: AwardScope },
    entries: {
      entryId: string;
      productGroup: ProductGroup;
      productName: string;
      holder: CertificateHolder;
    }[],
    issuedOn: string,
  ): Promise<{ entryId: string; number: string }[]>;
}

export const CERTIFICATE_LOOKUP = Symbol('CERTIFICATE_LOOKUP');
