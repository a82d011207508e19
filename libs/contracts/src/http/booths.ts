import { z } from 'zod';
import { isoDate, provinceCode, text, vnd } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

export const boothKinds = ['standard', 'double', 'corner'] as const;
export type BoothKind = (typeof boothKinds)[number];
/** `checked-in`: allocated, and the facility has arrived at the fair. */
export const boothStates = ['free', 'held', 'allocated', 'checked-in'] as const;
export type BoothState = (typeof boothStates)[number];
/** How a booth state reads in Vietnamese (views, floor plan); a new state needs its label to compile. */
export const boothStateLabels: Record<BoothState, string> = {
  free: 'Còn trống',
  held: 'Đang giữ chỗ',
  allocated: 'Đã phân bổ',
  'checked-in': 'Đã có mặt',
};

/** Floor area when none is given: a standard booth is 3×3 m, a double one two of them, a corner one 3×3 m. */
export const DEFAULT_BOOTH_AREA_M2: Record<BoothKind, number> = { standard: 9, double: 18, corner: 9 };

/** Flags every item of a list whose `key` repeats an earlier item's, at `<list>.<index>.<key>`. */
function reportRepeats<T, K extends keyof T & string>(
  items: T[],
  list: string,
  key: K,
  message: { vi: string; en: string },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<T[K]>();
  items.forEach((item, index) => {
    if (seen.has(item[key])) {
      ctx.addIssue({ ...ruleIssue('no-repeats', message.vi, message.en), path: [list, index, key] });
    }
    seen.add(item[key]);
  });
}

const metres = z.number().min(0).max(10_000);
const boothInput = z.strictObject({
  /** Printed on the floor plan and the booth contract, e.g. `A-012`. */
  code: z
    .string()
    .trim()
    .regex(
      /^[A-Z0-9][A-Z0-9.-]{0,19}$/,
      say(
        'phải gồm 1–20 chữ in hoa, chữ số, dấu chấm hoặc gạch ngang',
        'must be 1–20 capital letters, digits, dots or dashes',
      ),
    ),
  hall: text(100),
  zone: text(100).optional(),
  kind: z.enum(boothKinds).default('standard'),
  areaM2: z.number().positive().max(1_000).optional(),
  rentVnd: vnd,
  /** Position and size on the hall's floor plan, in metres from its top-left corner. */
  layout: z.strictObject({ x: metres, y: metres, w: metres.positive(), h: metres.positive() }),
});

/** POST /api/v1/fairs/:id/booths — adds a batch of booths to the fair's inventory. */
export const addBoothsRequest = z
  .strictObject({ booths: z.array(boothInput).min(1).max(2_000) })
  .superRefine(({ booths }, ctx) =>
    reportRepeats(
      booths,
      'booths',
      'code',
      { vi: 'xuất hiện hai lần trong lô', en: 'appears twice in the batch' },
      ctx,
    ),
  );
export type AddBoothsRequest = z.infer<typeof addBoothsRequest>;

const count = z.number().int().min(0);

export const boothView = z.object({
  id: z.uuid(),
  code: z.string(),
  hall: z.string(),
  zone: z.string().nullable(),
  kind: z.enum(boothKinds),
  areaM2: z.number().positive(),
  rentVnd: vnd,
  layout: z.object({
    x: z.number().min(0),
    y: z.number().min(0),
    w: z.number().positive(),
    h: z.number().positive(),
  }),
  /** An expired hold shows as free: the booth can be taken at once. */
  state: z.enum(boothStates),
  /** The state in Vietnamese (`boothStateLabels`). */
  stateLabel: z.string(),
});
export type BoothView = z.infer<typeof boothView>;

/** POST /api/v1/fairs/:id/quotas — booths reserved for each province of a regional fair's region. */
export const setQuotasRequest = z
  .strictObject({
    quotas: z
      .array(z.strictObject({ provinceCode, booths: z.number().int().min(0).max(100_000) }))
      .min(1)
      .max(34),
    /** After this moment the booths a province has not taken return to the common pool. */
    releaseAt: z.iso.datetime({ offset: true }),
  })
  .superRefine(({ quotas }, ctx) =>
    reportRepeats(quotas, 'quotas', 'provinceCode', { vi: 'xuất hiện hai lần', en: 'appears twice' }, ctx),
  );
export type SetQuotasRequest = z.infer<typeof setQuotasRequest>;

export const quotaView = z.object({
  /** A province code, or `pool` for the booths open to every province. */
  bucket: z.string(),
  capacity: count,
  used: count,
  /** When a province's unused booths return to the pool; null for the pool itself. */
  releaseAt: z.iso.datetime().nullable(),
  released: z.boolean(),
});
export type QuotaView = z.infer<typeof quotaView>;

/** POST /api/v1/fairs/:id/registration-window — when businesses may register, and the booking rules. */
export const registrationWindowRequest = z
  .strictObject({
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    holdMinutes: z.number().int().min(1).max(1_440).optional(),
    facilityBoothLimit: z.number().int().min(1).max(20).optional(),
  })
  .refine((w) => Date.parse(w.opensAt) < Date.parse(w.closesAt), {
    ...ruleIssue('date-order', 'phải sau opensAt', 'must be after opensAt'),
    path: ['closesAt'],
  });
export type RegistrationWindowRequest = z.infer<typeof registrationWindowRequest>;

/** An award certificate's number as printed (awards' public verification takes the same shape). */
export const certificateNumber = z
  .string()
  .regex(
    /^[A-Z0-9-]{4,40}$/,
    say(
      'phải là số giấy chứng nhận: chữ in hoa, chữ số và dấu gạch ngang, ví dụ QG-2023-0001',
      'must be a certificate number: capital letters, digits and dashes, e.g. QG-2023-0001',
    ),
  );

/** Mã số thuế: 10 digits, or 10 + `-` + 3 for a branch (13 digits). */
export const taxCode = z
  .string()
  .regex(
    /^\d{10}(-\d{3})?$/,
    say('phải là mã số thuế 10 chữ số hoặc 10-3 chữ số', 'must be a tax code of 10 digits or 10-3 digits'),
  );

/** The legal forms of rural industrial facilities (cơ sở công nghiệp nông thôn). */
export const legalForms = ['household-business', 'cooperative-group', 'cooperative', 'enterprise'] as const;

export const facilitySchema = z.strictObject({
  taxCode,
  name: text(300),
  provinceCode,
  legalForm: z.enum(legalForms),
});
export type Facility = z.infer<typeof facilitySchema>;
/** A facility as views show it (as it was registered). */
const facilityView = z.object({
  taxCode,
  name: z.string(),
  provinceCode,
  legalForm: z.enum(legalForms),
});

const productSchema = z.strictObject({
  name: text(300),
  /**
   * The number of a product award certificate (sản phẩm CNNT tiêu biểu) the product holds, if the registrant
   * names one: it must be a certificate the awards service issued to this facility (422
   * `registration.certificate-unknown` / `registration.certificate-not-held` otherwise). Priority never rests on
   * what is typed here: the fair reads the facility's certificates from the awards service's events. Numbers
   * are printed as awards' public verification takes them.
   */
  awardCertificateNumber: certificateNumber.optional(),
});
/** A product as registered: the optional parts are absent when the request left them out. */
const productView = z.object({
  name: z.string(),
  awardCertificateNumber: z.string().optional(),
});

/**
 * POST /api/v1/fairs/:id/registrations (with an Idempotency-Key) — a facility asks for booths. The fair's
 * per-facility limit (at most 20) is checked by the service.
 */
export const createRegistrationRequest = z.strictObject({
  facility: facilitySchema,
  products: z.array(productSchema).min(1).max(50),
  boothCount: z.number().int().min(1, say('phải ít nhất là 1', 'must be at least 1')).max(20),
  boothKind: z.enum(boothKinds).default('standard'),
});
export type CreateRegistrationRequest = z.infer<typeof createRegistrationRequest>;

export const cancelRegistrationRequest = z.strictObject({ reason: text(1000) });
export type CancelRegistrationRequest = z.infer<typeof cancelRegistrationRequest>;

/** `requested`: collected for the lottery of a lottery fair, not drawn yet. */
export const registrationStates = [
  'requested',
  'held',
  'allocated',
  'waitlisted',
  'expired',
  'cancelled',
] as const;
export type RegistrationState = (typeof registrationStates)[number];
/** How a registration state reads in Vietnamese (views, messages); a new state needs its label to compile. */
export const registrationStateLabels: Record<RegistrationState, string> = {
  requested: 'Chờ bốc thăm',
  held: 'Đang giữ chỗ',
  allocated: 'Đã phân bổ gian hàng',
  waitlisted: 'Trong danh sách chờ',
  expired: 'Hết hạn giữ chỗ',
  cancelled: 'Đã hủy',
};

export const listRegistrationsQuery = z.strictObject({
  state: z.enum(registrationStates).optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;

export const registrationView = z.object({
  id: z.uuid(),
  fairId: z.uuid(),
  facility: facilityView,
  products: z.array(productView),
  boothCount: z.number().int().min(1),
  boothKind: z.enum(boothKinds),
  state: z.enum(registrationStates),
  /** The state in Vietnamese (`registrationStateLabels`). */
  stateLabel: z.string(),
  /**
   * The facility holds, as the awards service announced it, a product award certificate valid on the fair's
   * opening day and not withdrawn: at a fair that grants award priority, drawn first in its lottery or promoted
   * first from its waiting list. Judged again while the request waits (requested or waitlisted) whenever one of
   * the facility's certificates is issued or withdrawn; booths already held or allocated stay.
   */
  awardCertified: z.boolean(),
  /** While held: the moment the hold lapses unless confirmed. */
  holdExpiresAt: z.iso.datetime().nullable(),
  /** The booths held or allocated (empty otherwise). */
  booths: z.array(z.object({ code: z.string(), hall: z.string(), kind: z.enum(boothKinds), rentVnd: vnd })),
  /**
   * The stable ticket number on the fair's waiting list, if the request ever waited. Promotion follows it,
   * except that at a fair granting award priority certified requests are promoted before the others.
   */
  waitlistPosition: z.number().int().min(1).nullable(),
  cancelReason: z.string().nullable(),
  /** Set once the facility's provincial department certified the allocation: its support is then fixed. */
  certification: z.object({ certifiedAt: z.iso.datetime(), rentVnd: vnd, supportVnd: vnd }).nullable(),
  /** When the facility checked in at the fair. */
  checkedInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RegistrationView = z.infer<typeof registrationView>;

/** Path parameters of one registration of one fair. */
export const registrationParams = z.strictObject({ id: z.uuid(), rid: z.uuid() });

/** A subsidy policy (định mức hỗ trợ gian hàng): one version of it, with its legal basis and period. */
export const subsidyPolicyView = z.object({
  code: z.string(),
  version: z.number().int().min(1),
  title: z.string(),
  legalBasis: z.string(),
  /** False while the values have not been checked against the text in force. */
  verified: z.boolean(),
  /** Share of the booth rent supported, in basis points (10000 = 100%). */
  supportBp: z.number().int().min(0).max(10_000),
  /** Most support one facility gets at one fair; null for no cap. */
  capVndPerFacility: vnd.nullable(),
  validFrom: isoDate,
  /** Last day in force, or null while in force. */
  validTo: isoDate.nullable(),
});
export type SubsidyPolicyView = z.infer<typeof subsidyPolicyView>;

/** GET /api/v1/fairs/:id/subsidy-policy — the fair's policy and those it could use (in force when it opens). */
export const fairSubsidyPolicyView = z.object({
  fairId: z.uuid(),
  policy: subsidyPolicyView.nullable(),
  available: z.array(subsidyPolicyView),
});
export type FairSubsidyPolicyView = z.infer<typeof fairSubsidyPolicyView>;

/**
 * POST /api/v1/fairs/:id/subsidy-policy — picks another policy for the fair (the version in force on its
 * start date), as long as no registration has been certified under the present one.
 */
export const chooseSubsidyPolicyRequest = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{1,60}$/, say('phải là mã chính sách', 'must be a policy code')),
});
export type ChooseSubsidyPolicyRequest = z.infer<typeof chooseSubsidyPolicyRequest>;

/** POST /api/v1/fairs/:id/certifications — certifies a province's whole delegation at once. */
export const certifyDelegationRequest = z.strictObject({ provinceCode });
export type CertifyDelegationRequest = z.infer<typeof certifyDelegationRequest>;

export const delegationCertifiedView = z.object({
  fairId: z.uuid(),
  provinceCode,
  /** How many registrations this call certified (0 when all already were). */
  newlyCertified: count,
  /** Every certified allocation of the province's delegation. */
  items: z.array(registrationView),
});
export type DelegationCertifiedView = z.infer<typeof delegationCertifiedView>;

/** GET /api/v1/fairs/:id/contract-data(.xlsx) — a province officer always gets their own province. */
export const contractDataQuery = z.strictObject({ provinceCode: provinceCode.optional(), unitAsOf });
export type ContractDataQuery = z.infer<typeof contractDataQuery>;

/** One facility's line of the booth contract data in the payment dossier. */
export const contractLine = z.object({
  registrationId: z.uuid(),
  facilityTaxCode: taxCode,
  facilityName: z.string(),
  provinceCode,
  booths: z.array(z.object({ code: z.string(), hall: z.string(), zone: z.string().nullable() })),
  boothCount: count,
  rentVnd: vnd,
  /** The support fixed at certification; 0 while not certified (only certified booths are supported). */
  supportVnd: vnd,
  certified: z.boolean(),
  checkedIn: z.boolean(),
});
export type ContractLine = z.infer<typeof contractLine>;

/**
 * POST /api/v1/fairs/:id/participant-list/certification — the host province's department (or the agency)
 * certifies the fair's participant list once every delegation has certified its own (domain §9).
 */
export const certifyParticipantListRequest = z.strictObject({
  /** The number of the host department's certifying document, e.g. `125/XN-SCT`. */
  documentNumber: text(100),
});
export type CertifyParticipantListRequest = z.infer<typeof certifyParticipantListRequest>;

export const participantListCertificationView = z.object({
  fairId: z.uuid(),
  hostProvinceCode: provinceCode,
  documentNumber: z.string(),
  certifiedAt: z.iso.datetime(),
  /** Who certified it: `<principal kind>:<id>`. */
  certifiedBy: z.string(),
  /** The units whose delegations are on the list. */
  provinceCodes: z.array(provinceCode),
  facilities: count,
  booths: count,
  rentVnd: vnd,
  supportVnd: vnd,
});
export type ParticipantListCertificationView = z.infer<typeof participantListCertificationView>;

export const contractDataView = z.object({
  fair: z.object({
    id: z.uuid(),
    name: z.string(),
    provinceCode,
    startDate: isoDate,
    endDate: isoDate,
  }),
  policy: subsidyPolicyView.nullable(),
  /** The unit asked for (a province officer: their own when none), or null for all. */
  provinceCode: provinceCode.nullable(),
  /** The codes the lines are limited to (the unit and those merged into it, see `unitAsOf`), or null for all. */
  provinceCodes: z.array(provinceCode).nullable(),
  lines: z.array(contractLine),
  totals: z.object({
    facilities: count,
    booths: count,
    rentVnd: vnd,
    supportVnd: vnd,
    certified: count,
  }),
  /** The host department's certification of the whole participant list (the payment evidence), once given. */
  participantList: participantListCertificationView.nullable(),
});
export type ContractDataView = z.infer<typeof contractDataView>;
