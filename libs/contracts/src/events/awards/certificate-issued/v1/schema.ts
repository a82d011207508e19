import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';
import { awardProductGroups } from '../../../../http/award-certificates';
import { taxCode } from '../../../../http/booths';

/** What a certificate's readers (trade-fair priority, reporting) need; the holder's contacts stay in awards. */
export const awardCertificateIssuedV1 = defineEvent({
  type: 'awards.certificate.issued',
  version: 1,
  topic: 'awards.certificate.events',
  summary:
    'An award certificate was issued to a product that passed a round (its number, level, holder and validity).',
  payload: z.strictObject({
    certificateId: z.uuid(),
    number: z.string().min(1).max(40),
    /** Null for a certificate issued before the platform existed and recorded here from its paper original. */
    roundId: z.uuid().nullable(),
    roundYear: year,
    level: z.enum(['commune', 'provincial', 'regional', 'national']),
    productGroup: z.enum(awardProductGroups),
    productName: z.string().min(1).max(300),
    holderName: z.string().min(1).max(300),
    holderTaxCode: taxCode,
    /** The holder's provincial unit as recorded on the day of issue. */
    provinceCode,
    issuedOn: isoDate,
    validUntil: isoDate,
  }),
});
