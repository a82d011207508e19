import { CENTRAL_ROLES, type Principal } from '@kc/contracts';
import { ConflictError, ForbiddenError, RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate, RegionCode } from '@kc/reference-data';
import {
  certificateStatusAt,
  certificateLevelLabels,
  certificateStatusLabels,
  levelBelow,
  scopeLevelLabel,
  type AwardScope,
  type Certificate,
  type CertificateLevel,
} from './certificate';

/** The four product groups of bình chọn sản phẩm CNNT tiêu biểu. */
export const productGroups = ['handicraft', 'agro-food', 'machinery', 'other'] as const;
export type ProductGroup = (typeof productGroups)[number];
export const productGroupLabels: Record<ProductGroup, string> = {
  handicraft: 'Thủ công mỹ nghệ',
  'agro-food': 'Chế biến nông, lâm, thủy sản và thực phẩm',
  machinery: 'Máy móc, dụng cụ và phụ tùng cơ khí',
  other: 'Sản phẩm khác',
};

/** Ten digits (an enterprise or cooperative), or ten digits, a hyphen and three for a dependent branch. */
const TAX_CODE = /^\d{10}(-\d{3})?$/;
export const isTaxCode = (value: string): boolean => TAX_CODE.test(value);

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

// ---------------------------------------------------------------------------------------------------------------
// Dossier files
// ---------------------------------------------------------------------------------------------------------------

export type DossierFileKind = 'registration-form' | 'description' | 'photo' | 'certificate-copy';

export interface DossierFile {
  kind: DossierFileKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the content, 64 lower-case hex digits: proves what was submitted and finds duplicates. */
  sha256: string;
}

interface FileRule {
  label: string;
  mediaTypes: readonly string[];
  maxBytes: number;
  minCount: number;
  maxCount: number;
}

const MB = 1024 * 1024;
const PDF = 'application/pdf';
const IMAGES = ['image/jpeg', 'image/png'];
/** All the files of one entry together: a dossier is read by every juror, and kept for years. */
export const ENTRY_MAX_BYTES = 50 * MB;

/**
 * The platform's own limits (no legal text sets them): one signed registration form, one product description,
 * 1–10 photos, and copies of certificates the product already holds. Scans may be photographed with a phone, so
 * forms and copies take images too; the description is a document.
 */
export const DOSSIER_RULES: Readonly<Record<DossierFileKind, FileRule>> = {
  'registration-form': {
    label: 'Phiếu đăng ký',
    mediaTypes: [PDF, 'image/jpeg', 'image/png'],
    maxBytes: 10 * MB,
    minCount: 1,
    maxCount: 1,
  },
  description: {
    label: 'Bản thuyết minh sản phẩm',
    mediaTypes: [PDF],
    maxBytes: 20 * MB,
    minCount: 1,
    maxCount: 1,
  },
  photo: { label: 'Ảnh sản phẩm', mediaTypes: IMAGES, maxBytes: 5 * MB, minCount: 1, maxCount: 10 },
  'certificate-copy': {
    label: 'Bản sao giấy chứng nhận',
    mediaTypes: [PDF, 'image/jpeg', 'image/png'],
    maxBytes: 10 * MB,
    minCount: 0,
    maxCount: 10,
  },
};

export interface DossierProblem {
  code: string;
  field: string;
  messages: Bilingual;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Every problem of a dossier at once (a form shows them together); empty when it may be submitted. */
export function dossierProblems(files: readonly DossierFile[]): DossierProblem[] {
  const problems: DossierProblem[] = [];
  const seen = new Map<string, number>();
  files.forEach((file, index) => {
    const rule = DOSSIER_RULES[file.kind];
    const at = `dossier[${index}]`;
    if (!rule.mediaTypes.includes(file.mediaType)) {
      problems.push({
        code: 'dossier.media-type',
        field: `${at}.mediaType`,
        messages: {
          vi: `${rule.label} "${file.fileName}" phải là tệp ${rule.mediaTypes.join(', ')}; nhận được ${file.mediaType}`,
          en: `${file.kind} "${file.fileName}" must be ${rule.mediaTypes.join(', ')}; got ${file.mediaType}`,
        },
      });
    }
    if (!Number.isInteger(file.sizeBytes) || file.sizeBytes <= 0) {
      problems.push({
        code: 'dossier.empty-file',
        field: `${at}.sizeBytes`,
        messages: { vi: `Tệp "${file.fileName}" rỗng`, en: `File "${file.fileName}" is empty` },
      });
    } else if (file.sizeBytes > rule.maxBytes) {
      problems.push({
        code: 'dossier.file-too-large',
        field: `${at}.sizeBytes`,
        messages: {
          vi: `${rule.label} "${file.fileName}" vượt quá ${rule.maxBytes / MB} MB`,
          en: `${file.kind} "${file.fileName}" is over ${rule.maxBytes / MB} MB`,
        },
      });
    }
    if (!SHA256_HEX.test(file.sha256)) {
      problems.push({
        code: 'dossier.checksum',
        field: `${at}.sha256`,
        messages: {
          vi: `Tệp "${file.fileName}" cần mã SHA-256 gồm 64 chữ số hệ mười sáu viết thường`,
          en: `File "${file.fileName}" needs a SHA-256 of 64 lower-case hex digits`,
        },
      });
    } else {
      const earlier = seen.get(file.sha256);
      if (earlier === undefined) seen.set(file.sha256, index);
      else
        problems.push({
          code: 'dossier.duplicate-file',
          field: `${at}.sha256`,
          messages: {
            vi: `Tệp "${file.fileName}" trùng nội dung với tệp thứ ${earlier + 1}`,
            en: `File "${file.fileName}" has the same content as file ${earlier + 1}`,
          },
        });
    }
  });
  const total = files.reduce((sum, file) => sum + (Number.isInteger(file.sizeBytes) ? file.sizeBytes : 0), 0);
  if (total > ENTRY_MAX_BYTES) {
    problems.push({
      code: 'dossier.entry-too-large',
      field: 'dossier',
      messages: {
        vi: `Tổng dung lượng hồ sơ vượt quá ${ENTRY_MAX_BYTES / MB} MB`,
        en: `The dossier's files together are over ${ENTRY_MAX_BYTES / MB} MB`,
      },
    });
  }
  for (const [kind, rule] of Object.entries(DOSSIER_RULES) as [DossierFileKind, FileRule][]) {
    const count = files.filter((file) => file.kind === kind).length;
    if (count < rule.minCount) {
      problems.push({
        code: 'dossier.missing',
        field: 'dossier',
        messages: {
          vi: `Hồ sơ cần ít nhất ${rule.minCount} tệp "${rule.label}"`,
          en: `The dossier needs at least ${rule.minCount} ${kind} file(s)`,
        },
      });
    } else if (count > rule.maxCount) {
      problems.push({
        code: 'dossier.too-many',
        field: 'dossier',
        messages: {
          vi: `Hồ sơ có tối đa ${rule.maxCount} tệp "${rule.label}", nhận được ${count}`,
          en: `The dossier takes at most ${rule.maxCount} ${kind} file(s), got ${count}`,
        },
      });
    }
  }
  return problems;
}

export function assertValidDossier(files: readonly DossierFile[]): void {
  const [first] = dossierProblems(files);
  if (first) throw new RuleViolationError(first.messages, first.code, first.field);
}

// ---------------------------------------------------------------------------------------------------------------
// Entering a round
// ---------------------------------------------------------------------------------------------------------------

/** A rural industrial facility as its entry names it. `localUnitCode`: its commune (district before 07/2025). */
export interface Facility {
  name: string;
  taxCode: string;
  provinceCode: string;
  localUnitCode: string | null;
}

export type EnteredProduct =
  | { kind: 'product'; name: string }
  /** A set enters under one name and lists what it is made of. */
  | { kind: 'product-set'; name: string; items: string[] };

export interface EntrySubmission {
  facility: Facility;
  productGroup: ProductGroup;
  product: EnteredProduct;
  /** The certificate of the level directly below; null at the entry level (commune), where none is looked at. */
  lowerCertificate: Certificate | null;
  dossier: DossierFile[];
}

/** What entering needs to know of the round. */
export interface EntryRound {
  scope: AwardScope;
  year: number;
  entriesOpenOn: IsoDate;
  entriesCloseOn: IsoDate;
  /** Most entries a province may have in one product group; null when the round sets none. */
  quotaPerProvinceAndGroup: number | null;
}

/** An entry already in the round and still standing (the caller leaves out withdrawn ones). */
export interface ExistingEntry {
  provinceCode: string;
  productGroup: ProductGroup;
  lowerCertificateNumber: string | null;
}

/** The reference data entering asks about (`referenceProvinces` from @kc/reference-data fits). */
export interface EntryProvinceDirectory {
  isInForce(code: string, date: IsoDate): boolean;
  regionOf(code: string, date: IsoDate): RegionCode | undefined;
}

export interface EntryContext {
  round: EntryRound;
  /** Today in Việt Nam. */
  on: IsoDate;
  provinces: EntryProvinceDirectory;
  /** Certificate numbers the lower authorities put forward to this round. */
  shortlist: readonly string[];
  existingEntries: readonly ExistingEntry[];
}

export type Entrant = Pick<Principal, 'role' | 'provinceCode' | 'facilityTaxCode'>;

export interface Entry extends EntrySubmission {
  submittedOn: IsoDate;
}

/** The facility itself, the officer of its province, or the agency. */
export function mayEnterFor(entrant: Entrant, facility: Facility): boolean {
  if (CENTRAL_ROLES.includes(entrant.role)) return true;
  if (entrant.role === 'province-officer') return entrant.provinceCode === facility.provinceCode;
  return entrant.role === 'business' && entrant.facilityTaxCode === facility.taxCode;
}

/**
 * Admits an entry to a round, or throws the first rule it breaks. A product enters above the commune only with
 * a certificate of the level directly below, valid on the day entries close, that the lower authority put on its
 * shortlist; each certificate enters a round once; a round's quota per province and product group holds.
 */
export function admitEntry(entrant: Entrant, submission: EntrySubmission, context: EntryContext): Entry {
  const { round, on } = context;
  const { facility } = submission;
  if (!mayEnterFor(entrant, facility)) {
    throw new ForbiddenError(
      {
        vi: 'Chỉ cơ sở có mã số thuế này, Sở Công Thương của tỉnh cơ sở hoặc Cục được đăng ký sản phẩm dự thi',
        en: "Only the facility with this tax code, its province's department or the agency may enter its product",
      },
      'award-entry.not-entrant',
      'facility.taxCode',
    );
  }
  assertOpen(round, on);
  assertFacility(facility, round, context);
  if (submission.product.kind === 'product-set' && submission.product.items.length < 2) {
    throw new RuleViolationError(
      {
        vi: 'Bộ sản phẩm phải gồm ít nhất 2 sản phẩm',
        en: 'A product set must list at least 2 products',
      },
      'award-entry.set-too-small',
      'product.items',
    );
  }
  assertValidDossier(submission.dossier);
  const below = levelBelow(round.scope.level);
  if (below) assertLowerCertificate(submission, context, below);
  assertQuota(submission, context);
  return {
    ...submission,
    facility: { ...facility, name: facility.name.normalize('NFC').trim() },
    product: { ...submission.product, name: submission.product.name.normalize('NFC').trim() },
    submittedOn: on,
  };
}

function assertOpen(round: EntryRound, on: IsoDate): void {
  if (on < round.entriesOpenOn || on > round.entriesCloseOn) {
    const window = `${viDate(round.entriesOpenOn)} – ${viDate(round.entriesCloseOn)}`;
    throw new RuleViolationError(
      on < round.entriesOpenOn
        ? {
            vi: `Vòng bình chọn nhận đăng ký từ ${viDate(round.entriesOpenOn)}; chưa đến thời gian nhận (${window})`,
            en: `The round takes entries from ${round.entriesOpenOn}; it is not open yet`,
          }
        : {
            vi: `Vòng bình chọn đã hết hạn nhận đăng ký ngày ${viDate(round.entriesCloseOn)} (${window})`,
            en: `The round stopped taking entries on ${round.entriesCloseOn}`,
          },
      on < round.entriesOpenOn ? 'award-entry.not-open' : 'award-entry.closed',
      on < round.entriesOpenOn ? 'entriesOpenOn' : 'entriesCloseOn',
    );
  }
}

function assertFacility(facility: Facility, round: EntryRound, context: EntryContext): void {
  if (!isTaxCode(facility.taxCode)) {
    throw new RuleViolationError(
      {
        vi: `Mã số thuế "${facility.taxCode}" phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số với chi nhánh`,
        en: `Tax code "${facility.taxCode}" must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch`,
      },
      'award-entry.tax-code-format',
      'facility.taxCode',
    );
  }
  if (!context.provinces.isInForce(facility.provinceCode, context.on)) {
    throw new RuleViolationError(
      {
        vi: `Mã tỉnh ${facility.provinceCode} không phải đơn vị cấp tỉnh đang có hiệu lực ngày ${viDate(context.on)}`,
        en: `Province code ${facility.provinceCode} names no provincial unit in force on ${context.on}`,
      },
      'award-entry.unknown-province',
      'facility.provinceCode',
    );
  }
  const scope = round.scope;
  const inArea =
    scope.level === 'national' ||
    (scope.level === 'regional' &&
      context.provinces.regionOf(facility.provinceCode, context.on) === scope.regionCode) ||
    (scope.level === 'provincial' && facility.provinceCode === scope.provinceCode) ||
    (scope.level === 'commune' &&
      facility.provinceCode === scope.provinceCode &&
      facility.localUnitCode === scope.localUnitCode);
  if (!inArea) {
    throw new RuleViolationError(
      {
        vi: `Cơ sở không thuộc địa bàn của vòng bình chọn ${scopeLevelLabel(scope)} này`,
        en: `The facility is outside the area of this ${scope.level} round`,
      },
      'award-entry.outside-round-area',
      scope.level === 'commune' ? 'facility.localUnitCode' : 'facility.provinceCode',
    );
  }
}

function assertLowerCertificate(
  submission: EntrySubmission,
  context: EntryContext,
  below: CertificateLevel,
): void {
  const { round } = context;
  const belowLabel = certificateLevelLabels[below];
  const certificate = submission.lowerCertificate;
  if (!certificate) {
    throw new RuleViolationError(
      {
        vi: `Sản phẩm dự thi ${scopeLevelLabel(round.scope)} phải có giấy chứng nhận sản phẩm CNNT tiêu biểu ${belowLabel}`,
        en: `A product entering at ${round.scope.level} level needs a ${below}-level certificate`,
      },
      'award-entry.lower-certificate-required',
      'lowerCertificateNumber',
    );
  }
  if (certificate.scope.level !== below) {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận ${certificate.number} là ${scopeLevelLabel(certificate.scope)}; vòng này cần giấy chứng nhận ${belowLabel}`,
        en: `Certificate ${certificate.number} is ${certificate.scope.level}-level; this round needs a ${below}-level one`,
      },
      'award-entry.lower-certificate-wrong-level',
      'lowerCertificateNumber',
    );
  }
  if (certificate.holder.taxCode !== submission.facility.taxCode) {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận ${certificate.number} được cấp cho cơ sở khác`,
        en: `Certificate ${certificate.number} was issued to another facility`,
      },
      'award-entry.lower-certificate-other-holder',
      'lowerCertificateNumber',
    );
  }
  const status = certificateStatusAt(certificate, round.entriesCloseOn);
  if (status !== 'valid') {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận ${certificate.number} phải còn hiệu lực vào ngày hết hạn đăng ký ${viDate(round.entriesCloseOn)}; khi đó: ${certificateStatusLabels[status]}`,
        en: `Certificate ${certificate.number} must be valid on the entries-close date ${round.entriesCloseOn}; it is then ${status}`,
      },
      'award-entry.lower-certificate-not-valid',
      'lowerCertificateNumber',
    );
  }
  if (!context.shortlist.includes(certificate.number)) {
    throw new RuleViolationError(
      {
        vi: `Sản phẩm có giấy chứng nhận ${certificate.number} không có trong danh sách đề cử của cơ quan ${belowLabel}`,
        en: `The product with certificate ${certificate.number} is not on the ${below}-level authority's shortlist`,
      },
      'award-entry.not-shortlisted',
      'lowerCertificateNumber',
    );
  }
  if (context.existingEntries.some((entry) => entry.lowerCertificateNumber === certificate.number)) {
    throw new ConflictError(
      {
        vi: `Sản phẩm có giấy chứng nhận ${certificate.number} đã được đăng ký vào vòng bình chọn này`,
        en: `The product with certificate ${certificate.number} is already entered in this round`,
      },
      'award-entry.certificate-already-entered',
      'lowerCertificateNumber',
    );
  }
}

function assertQuota(submission: EntrySubmission, context: EntryContext): void {
  const quota = context.round.quotaPerProvinceAndGroup;
  if (quota === null) return;
  const { provinceCode } = submission.facility;
  const taken = context.existingEntries.filter(
    (entry) => entry.provinceCode === provinceCode && entry.productGroup === submission.productGroup,
  ).length;
  if (taken >= quota) {
    throw new RuleViolationError(
      {
        vi: `Tỉnh ${provinceCode} đã có ${taken} sản phẩm nhóm "${productGroupLabels[submission.productGroup]}", bằng số lượng tối đa ${quota} của vòng bình chọn`,
        en: `Province ${provinceCode} already has ${taken} entries in group ${submission.productGroup}, the round's maximum of ${quota}`,
      },
      'award-entry.quota-reached',
      'productGroup',
    );
  }
}
