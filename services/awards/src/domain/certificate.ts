import { awardLevelLabels } from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { isIsoDate, type IsoDate } from '@kc/reference-data';
import type { AwardLevel, RegionCode } from './award-round';

/**
 * Levels from the entry level up. The entry level is the commune (the district before 07/2025); `AwardLevel`
 * (rounds the platform opens today) does not have it yet, but certificates from it are what provincial entries
 * show.
 */
export type CertificateLevel = 'commune' | AwardLevel;
const levelsUpward: readonly CertificateLevel[] = ['commune', 'provincial', 'regional', 'national'];

/** The level whose certificate an entry at `level` must show, or null at the entry level. */
export function levelBelow(level: CertificateLevel): CertificateLevel | null {
  return levelsUpward[levelsUpward.indexOf(level) - 1] ?? null;
}

/**
 * The level and area of a round, which also scope its certificates: one round per year, level and area.
 * `localUnitCode` is the statistical code of the commune (5 digits), or of the district (3 digits) for the
 * district rounds held before 07/2025.
 */
export type AwardScope =
  | { level: 'national' }
  | { level: 'regional'; regionCode: RegionCode }
  | { level: 'provincial'; provinceCode: string }
  | { level: 'commune'; provinceCode: string; localUnitCode: string };

const regionLetters: Record<RegionCode, string> = { north: 'B', central: 'T', south: 'N' };
const regionsByLetter = Object.fromEntries(
  Object.entries(regionLetters).map(([code, letter]) => [letter, code as RegionCode]),
);

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

/** How a level reads in Vietnamese when the round is not known (the entry level was the district before 07/2025). */
export const certificateLevelLabels: Record<CertificateLevel, string> = awardLevelLabels;

/** How a round's level reads in Vietnamese; at the entry level, whether a commune or a district held it. */
export function scopeLevelLabel(scope: AwardScope): string {
  if (scope.level !== 'commune') return certificateLevelLabels[scope.level];
  return scope.localUnitCode.length === 3 ? 'cấp huyện' : 'cấp xã';
}

/**
 * Certificate numbers: level letter(s), area, the round's year, then a 4-digit sequence within the round —
 * `QG-2023-0001` (national), `KV-B-2018-0001` (regional: B north, T central & highlands, N south),
 * `T-01-2024-0001` (provincial: province code), `X-40-17332-2026-0001` (commune: province and commune code) or
 * `H-40-412-2024-0001` (district round before 07/2025). The prefix names exactly one round, so numbers are unique
 * per round as long as the sequence is (the database keeps it unique), and the area and year read off the number.
 */
export function certificateNumber(scope: AwardScope, roundYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RuleViolationError(
      {
        vi: `Số thứ tự giấy chứng nhận trong một vòng bình chọn phải từ 1 đến 9999, nhận được ${sequence}`,
        en: `A certificate's sequence within a round must be 1 to 9999, got ${sequence}`,
      },
      'certificate.sequence-out-of-range',
      'sequence',
    );
  }
  const number = formatNumber(scope, `${roundYear}-${String(sequence).padStart(4, '0')}`);
  // A number that does not read back (a 4-letter province code, a 2-digit year) would name no round.
  if (!parseCertificateNumber(number)) {
    throw new RuleViolationError(
      {
        vi: `Không lập được số giấy chứng nhận từ ${number}: mã tỉnh phải có 2 chữ số, mã xã 5 chữ số (mã huyện 3 chữ số), năm 4 chữ số`,
        en: `No certificate number can be made of ${number}: a province code has 2 digits, a commune code 5 (a district code 3), a year 4`,
      },
      'certificate.malformed-scope',
      'scope',
    );
  }
  return number;
}

function formatNumber(scope: AwardScope, tail: string): string {
  switch (scope.level) {
    case 'national':
      return `QG-${tail}`;
    case 'regional':
      return `KV-${regionLetters[scope.regionCode]}-${tail}`;
    case 'provincial':
      return `T-${scope.provinceCode}-${tail}`;
    case 'commune':
      return `${scope.localUnitCode.length === 3 ? 'H' : 'X'}-${scope.provinceCode}-${scope.localUnitCode}-${tail}`;
  }
}

export interface CertificateNumberParts {
  scope: AwardScope;
  roundYear: number;
  sequence: number;
}

const NUMBER_FORMS: readonly [RegExp, (groups: string[]) => AwardScope][] = [
  [/^QG-(\d{4})-(\d{4})$/, () => ({ level: 'national' })],
  [
    /^KV-([BTN])-(\d{4})-(\d{4})$/,
    ([letter]) => ({ level: 'regional', regionCode: regionsByLetter[letter] }),
  ],
  [/^T-(\d{2})-(\d{4})-(\d{4})$/, ([provinceCode]) => ({ level: 'provincial', provinceCode })],
  [
    /^X-(\d{2})-(\d{5})-(\d{4})-(\d{4})$|^H-(\d{2})-(\d{3})-(\d{4})-(\d{4})$/,
    ([provinceCode, localUnitCode]) => ({ level: 'commune', provinceCode, localUnitCode }),
  ],
];

/** Reads a certificate number back into its round and sequence; undefined if it is not one of ours. */
export function parseCertificateNumber(number: string): CertificateNumberParts | undefined {
  for (const [form, toScope] of NUMBER_FORMS) {
    const match = form.exec(number);
    if (!match) continue;
    const groups = match.slice(1).filter((group) => group !== undefined);
    const [year, sequence] = groups.slice(-2).map(Number);
    if (sequence === 0) return undefined;
    return { scope: toScope(groups.slice(0, -2)), roundYear: year, sequence };
  }
  return undefined;
}

/**
 * Valid until 31 December of the third year counted from the issue year. We read "counted from" as including
 * the issue year (the first of the three), so issued 2023-05-10 → valid to 2025-12-31, not 2026-12-31: the
 * reading that gives a certificate three calendar years of life whatever the issue month.
 */
export function certificateValidUntil(issuedOn: IsoDate): IsoDate {
  return `${Number(issuedOn.slice(0, 4)) + 2}-12-31`;
}

/** The facility that holds a certificate, copied from its entry (entry.ts checks the tax code there). */
export interface CertificateHolder {
  facilityName: string;
  taxCode: string;
  provinceCode: string;
}

export interface Withdrawal {
  on: IsoDate;
  reason: string;
}

export interface Certificate {
  number: string;
  scope: AwardScope;
  roundYear: number;
  productName: string;
  holder: CertificateHolder;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  withdrawal: Withdrawal | null;
}

export interface CertificateIssue {
  scope: AwardScope;
  roundYear: number;
  sequence: number;
  productName: string;
  holder: CertificateHolder;
  issuedOn: IsoDate;
}

export function issueCertificate(issue: CertificateIssue): Certificate {
  assertDate(issue.issuedOn, 'issuedOn');
  // A round's results come at the end of its year or early the next; never before the year it belongs to.
  if (Number(issue.issuedOn.slice(0, 4)) < issue.roundYear) {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận của vòng bình chọn năm ${issue.roundYear} không thể cấp ngày ${viDate(issue.issuedOn)}, trước năm của vòng`,
        en: `A certificate of the ${issue.roundYear} round cannot be issued on ${issue.issuedOn}, before the round's year`,
      },
      'certificate.issued-before-round-year',
      'issuedOn',
    );
  }
  return {
    number: certificateNumber(issue.scope, issue.roundYear, issue.sequence),
    scope: issue.scope,
    roundYear: issue.roundYear,
    productName: issue.productName.normalize('NFC').trim(),
    holder: { ...issue.holder, facilityName: issue.holder.facilityName.normalize('NFC').trim() },
    issuedOn: issue.issuedOn,
    validUntil: certificateValidUntil(issue.issuedOn),
    withdrawal: null,
  };
}

export const WITHDRAWAL_REASON_MIN_CHARS = 10;

/** Counted in characters as a reader sees them (NFC code points), so diacritics never count twice. */
const visibleLength = (text: string) => [...text.normalize('NFC').trim()].length;

/**
 * Withdraws a certificate. The reason is published with the certificate (see `publicCertificateView`), so it
 * must say something. A withdrawal after expiry is allowed: it still matters to the entries that showed it.
 */
export function withdrawCertificate(certificate: Certificate, withdrawal: Withdrawal): Certificate {
  if (certificate.withdrawal) {
    throw new ConflictError(
      {
        vi: `Giấy chứng nhận ${certificate.number} đã bị thu hồi ngày ${viDate(certificate.withdrawal.on)}`,
        en: `Certificate ${certificate.number} was already withdrawn on ${certificate.withdrawal.on}`,
      },
      'certificate.already-withdrawn',
    );
  }
  assertDate(withdrawal.on, 'withdrawnOn');
  if (withdrawal.on < certificate.issuedOn) {
    throw new RuleViolationError(
      {
        vi: `Ngày thu hồi ${viDate(withdrawal.on)} không được trước ngày cấp ${viDate(certificate.issuedOn)}`,
        en: `The withdrawal date ${withdrawal.on} may not precede the issue date ${certificate.issuedOn}`,
      },
      'certificate.withdrawal-before-issue',
      'withdrawnOn',
    );
  }
  if (visibleLength(withdrawal.reason) < WITHDRAWAL_REASON_MIN_CHARS) {
    throw new RuleViolationError(
      {
        vi: `Lý do thu hồi phải có ít nhất ${WITHDRAWAL_REASON_MIN_CHARS} ký tự`,
        en: `The reason for withdrawal must have at least ${WITHDRAWAL_REASON_MIN_CHARS} characters`,
      },
      'certificate.withdrawal-reason-too-short',
      'reason',
    );
  }
  return {
    ...certificate,
    withdrawal: { on: withdrawal.on, reason: withdrawal.reason.normalize('NFC').trim() },
  };
}

/** `not-yet-issued` answers a date before the issue date (e.g. an entries-close date before it). */
export type CertificateStatus = 'not-yet-issued' | 'valid' | 'expired' | 'withdrawn';

export const certificateStatusLabels: Record<CertificateStatus, string> = {
  'not-yet-issued': 'Chưa cấp',
  valid: 'Còn hiệu lực',
  expired: 'Hết hiệu lực',
  withdrawn: 'Đã thu hồi',
};

/** A withdrawal in force wins over expiry: the public record says why the certificate stopped counting. */
export function certificateStatusAt(certificate: Certificate, date: IsoDate): CertificateStatus {
  if (date < certificate.issuedOn) return 'not-yet-issued';
  if (certificate.withdrawal && certificate.withdrawal.on <= date) return 'withdrawn';
  return date > certificate.validUntil ? 'expired' : 'valid';
}

/**
 * What anyone may read about a certificate (verification by number): the facts printed on it — number, level,
 * product, the holder's name and province, issue date, validity — and its status at the date. A withdrawal in
 * force is public with its date and reason, so nobody relies on a withdrawn certificate. Not public: the tax code
 * and anything else that identifies or reaches the facility beyond its name (contacts are not held here at all),
 * and a withdrawal dated after `asOf`.
 */
export interface PublicCertificateView {
  number: string;
  level: CertificateLevel;
  levelLabel: string;
  roundYear: number;
  productName: string;
  holderName: string;
  holderProvinceCode: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  status: Exclude<CertificateStatus, 'not-yet-issued'>;
  statusLabel: string;
  withdrawnOn: IsoDate | null;
  withdrawalReason: string | null;
}

/** Undefined before the issue date: a certificate is not shown before it exists. */
export function publicCertificateView(
  certificate: Certificate,
  asOf: IsoDate,
): PublicCertificateView | undefined {
  const status = certificateStatusAt(certificate, asOf);
  if (status === 'not-yet-issued') return undefined;
  const withdrawal = status === 'withdrawn' ? certificate.withdrawal : null;
  return {
    number: certificate.number,
    level: certificate.scope.level,
    levelLabel: scopeLevelLabel(certificate.scope),
    roundYear: certificate.roundYear,
    productName: certificate.productName,
    holderName: certificate.holder.facilityName,
    holderProvinceCode: certificate.holder.provinceCode,
    issuedOn: certificate.issuedOn,
    validUntil: certificate.validUntil,
    status,
    statusLabel: certificateStatusLabels[status],
    withdrawnOn: withdrawal?.on ?? null,
    withdrawalReason: withdrawal?.reason ?? null,
  };
}

function assertDate(value: string, field: string): void {
  if (!isIsoDate(value)) {
    throw new RuleViolationError(
      {
        vi: `Ngày phải là ngày có thật dạng YYYY-MM-DD, nhận được "${value}"`,
        en: `The date must be a real calendar date as YYYY-MM-DD, got "${value}"`,
      },
      'certificate.invalid-date',
      field,
    );
  }
}
