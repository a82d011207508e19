import { z } from 'zod';
import { ruleIssue, say } from '../messages';
import { isoDate, provinceCode, text, year } from '../primitives';
import { certificateNumber, taxCode } from './booths';
import { unitAsOf } from './unit-filter';

/**
 * Award levels from the entry level up, of rounds and of their certificates (the commune level was the
 * district's before 07/2025).
 */
export const awardLevels = ['commune', 'provincial', 'regional', 'national'] as const;
export type AwardLevel = (typeof awardLevels)[number];

/** The four product groups of bình chọn sản phẩm CNNT tiêu biểu. */
export const awardProductGroups = ['handicraft', 'agro-food', 'machinery', 'other'] as const;
export type AwardProductGroup = (typeof awardProductGroups)[number];
export const awardProductGroupLabels: Record<AwardProductGroup, string> = {
  handicraft: 'Thủ công mỹ nghệ',
  'agro-food': 'Chế biến nông, lâm, thủy sản và thực phẩm',
  machinery: 'Máy móc, dụng cụ và phụ tùng cơ khí',
  other: 'Sản phẩm khác',
};

/** A certificate's standing on a date; `not-yet-issued` only for one dated after that day. */
export const awardCertificateStatuses = ['not-yet-issued', 'valid', 'expired', 'withdrawn'] as const;
export type AwardCertificateStatus = (typeof awardCertificateStatuses)[number];
export const awardCertificateStatusLabels: Record<AwardCertificateStatus, string> = {
  'not-yet-issued': 'Chưa cấp',
  valid: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  withdrawn: 'Đã thu hồi',
};

/**
 * A number as printed (capital letters, digits, dashes): anything of that shape is looked up, and one that is
 * not on record answers 404, so the public check says "unknown" rather than "malformed" to someone who mistyped.
 */
export const certificateNumberParams = z.strictObject({
  number: certificateNumber,
});

/**
 * The platform's numbering (level, area, round year, sequence): QG-2023-0001, KV-B-2018-0001, T-40-2024-0001,
 * X-40-17332-2026-0001, H-40-412-2024-0001. Certificates issued before the platform are recorded under it.
 */
const recordedNumber = z
  .string()
  .regex(
    /^(QG|KV-[BTN]|T-\d{2}|X-\d{2}-\d{5}|H-\d{2}-\d{3})-\d{4}-\d{4}$/,
    say(
      'phải theo mẫu số giấy chứng nhận: QG-2023-0001, KV-B-2018-0001, T-40-2024-0001, X-40-17332-2026-0001 hoặc H-40-412-2024-0001',
      'must follow the certificate numbering: QG-2023-0001, KV-B-2018-0001, T-40-2024-0001, X-40-17332-2026-0001 or H-40-412-2024-0001',
    ),
  );

/** The facility a certificate was issued to (its province as recorded on the day of issue). */
export const certificateHolder = z.strictObject({
  facilityName: text(300),
  taxCode,
  provinceCode,
});

/** One certificate issued before the platform existed (a paper certificate that entries at a higher level cite). */
export const recordedCertificate = z.strictObject({
  number: recordedNumber,
  productGroup: z.enum(awardProductGroups),
  productName: text(300),
  holder: certificateHolder,
  issuedOn: isoDate,
});
export type RecordedCertificate = z.infer<typeof recordedCertificate>;

export const MAX_RECORDED_CERTIFICATES = 500;

/**
 * POST /api/v1/award-certificates/records — one certificate or a batch, each kept once by its number: sending
 * the same certificate again changes nothing, a different one under a number on record is refused.
 */
export const recordAwardCertificatesRequest = z
  .strictObject({
    certificates: z.array(recordedCertificate).min(1).max(MAX_RECORDED_CERTIFICATES),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.certificates.forEach((certificate, i) => {
      if (seen.has(certificate.number)) {
        ctx.addIssue({
          ...ruleIssue('no-repeats', 'xuất hiện hai lần', 'appears twice'),
          path: ['certificates', i, 'number'],
        });
      }
      seen.add(certificate.number);
    });
  });
export type RecordAwardCertificatesRequest = z.infer<typeof recordAwardCertificatesRequest>;

export const recordOutcomes = ['recorded', 'unchanged', 'refused'] as const;

/** What became of one certificate of the request. */
export const recordedCertificateResult = z.object({
  number: z.string(),
  /** `unchanged`: the same certificate was already on record; `refused`: see the problems, nothing written. */
  outcome: z.enum(recordOutcomes),
  problems: z.array(
    z.object({
      /** Named from the request's root: `certificates[3].issuedOn`. */
      field: z.string(),
      rule: z.string(),
      message: z.string(),
    }),
  ),
});
export type RecordedCertificateResult = z.infer<typeof recordedCertificateResult>;

export const recordAwardCertificatesView = z.object({
  recorded: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  refused: z.number().int().min(0),
  results: z.array(recordedCertificateResult),
});
export type RecordAwardCertificatesView = z.infer<typeof recordAwardCertificatesView>;

/** POST /api/v1/award-certificates/:number/withdrawal — by the authority that issued it. */
export const withdrawAwardCertificateRequest = z.strictObject({
  on: isoDate,
  /** Published with the certificate's public record: at least 10 characters. */
  reason: text(1000),
});
export type WithdrawAwardCertificateRequest = z.infer<typeof withdrawAwardCertificateRequest>;

/** GET /api/v1/award-certificates/:number/verification — the standing on `asOf` (default: today in Việt Nam). */
export const certificateVerificationQuery = z.strictObject({ asOf: isoDate.optional() });

/**
 * What anyone may read about a certificate: the facts printed on it and its standing. Never the tax code or
 * anything else that reaches the facility; a withdrawal in force is public with its date and reason.
 */
export const certificateVerificationView = z.object({
  number: z.string(),
  level: z.enum(awardLevels),
  levelLabel: z.string(),
  roundYear: year,
  productName: z.string(),
  holderName: z.string(),
  holderProvinceCode: provinceCode,
  issuedOn: isoDate,
  validUntil: isoDate,
  status: z.enum(['valid', 'expired', 'withdrawn']),
  statusLabel: z.string(),
  withdrawnOn: isoDate.nullable(),
  withdrawalReason: z.string().nullable(),
});
export type CertificateVerificationView = z.infer<typeof certificateVerificationView>;

/** GET /api/v1/award-certificates — staff; a province officer sees the certificates of their unit's facilities. */
export const listAwardCertificatesQuery = z.strictObject({
  level: z.enum(awardLevels).optional(),
  /** The round's year (the year in the number). */
  year: z.coerce.number().pipe(year).optional(),
  /** The holder's province. */
  provinceCode: provinceCode.optional(),
  unitAsOf,
  /** The standing today (Việt Nam). */
  status: z.enum(awardCertificateStatuses).optional(),
  roundId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAwardCertificatesQuery = z.infer<typeof listAwardCertificatesQuery>;

/** A certificate as staff see it: everything on record, its standing today and where anyone can check it. */
export const awardCertificateView = z.object({
  id: z.uuid(),
  number: z.string(),
  /** Null for a certificate issued before the platform and recorded here. */
  roundId: z.uuid().nullable(),
  level: z.enum(awardLevels),
  levelLabel: z.string(),
  regionCode: z.enum(['north', 'central', 'south']).nullable(),
  /** The province of a provincial or commune round (the issuing area), null above. */
  provinceCode: provinceCode.nullable(),
  /** The commune (5 digits) or, before 07/2025, district (3 digits) of an entry-level round. */
  localUnitCode: z.string().nullable(),
  roundYear: year,
  productGroup: z.enum(awardProductGroups),
  productGroupLabel: z.string(),
  productName: z.string(),
  holder: z.object({ facilityName: z.string(), taxCode, provinceCode }),
  issuedOn: isoDate,
  validUntil: isoDate,
  status: z.enum(awardCertificateStatuses),
  statusLabel: z.string(),
  withdrawnOn: isoDate.nullable(),
  withdrawalReason: z.string().nullable(),
  /** The public verification page the printed certificate's QR code opens. */
  verificationUrl: z.string(),
  createdAt: z.iso.datetime(),
});
export type AwardCertificateView = z.infer<typeof awardCertificateView>;
