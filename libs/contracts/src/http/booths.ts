import { z } from 'zod';
import { provinceCode, text, vnd, year } from '../primitives';

export const boothKinds = ['standard', 'double', 'corner'] as const;
export type BoothKind = (typeof boothKinds)[number];
export const boothStates = ['free', 'held', 'allocated'] as const;
export type BoothState = (typeof boothStates)[number];

/** Floor area when none is given: a standard booth is 3×3 m, a double one two of them, a corner one 3×3 m. */
export const DEFAULT_BOOTH_AREA_M2: Record<BoothKind, number> = { standard: 9, double: 18, corner: 9 };

const metres = z.number().min(0).max(10_000);
const boothInput = z.strictObject({
  /** Printed on the floor plan and the booth contract, e.g. `A-012`. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9.-]{0,19}$/, 'must be 1–20 capital letters, digits, dots or dashes'),
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
  .superRefine(({ booths }, ctx) => {
    const seen = new Set<string>();
    booths.forEach((booth, index) => {
      if (seen.has(booth.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['booths', index, 'code'],
          message: 'appears twice in the batch',
        });
      }
      seen.add(booth.code);
    });
  });
export type AddBoothsRequest = z.infer<typeof addBoothsRequest>;

export interface BoothView {
  id: string;
  code: string;
  hall: string;
  zone: string | null;
  kind: BoothKind;
  areaM2: number;
  rentVnd: number;
  layout: { x: number; y: number; w: number; h: number };
  /** An expired hold shows as free: the booth can be taken at once. */
  state: BoothState;
}

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
  .superRefine(({ quotas }, ctx) => {
    const seen = new Set<string>();
    quotas.forEach((quota, index) => {
      if (seen.has(quota.provinceCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['quotas', index, 'provinceCode'],
          message: 'appears twice',
        });
      }
      seen.add(quota.provinceCode);
    });
  });
export type SetQuotasRequest = z.infer<typeof setQuotasRequest>;

export interface QuotaView {
  /** A province code, or `pool` for the booths open to every province. */
  bucket: string;
  capacity: number;
  used: number;
  releaseAt: string | null;
  released: boolean;
}

/** POST /api/v1/fairs/:id/registration-window — when businesses may register, and the booking rules. */
export const registrationWindowRequest = z
  .strictObject({
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    holdMinutes: z.number().int().min(1).max(1_440).optional(),
    facilityBoothLimit: z.number().int().min(1).max(20).optional(),
  })
  .refine((w) => Date.parse(w.opensAt) < Date.parse(w.closesAt), {
    path: ['closesAt'],
    message: 'must be after opensAt',
  });
export type RegistrationWindowRequest = z.infer<typeof registrationWindowRequest>;

/** Mã số thuế: 10 digits, or 10 + `-` + 3 for a branch (13 digits). */
export const taxCode = z
  .string()
  .regex(/^\d{10}(-\d{3})?$/, 'must be a tax code of 10 digits or 10-3 digits');

/** The legal forms of rural industrial facilities (cơ sở công nghiệp nông thôn). */
export const legalForms = ['household-business', 'cooperative-group', 'cooperative', 'enterprise'] as const;

export const facilitySchema = z.strictObject({
  taxCode,
  name: text(300),
  provinceCode,
  legalForm: z.enum(legalForms),
});
export type Facility = z.infer<typeof facilitySchema>;

const productSchema = z.strictObject({
  name: text(300),
  /** A product award (sản phẩm CNNT tiêu biểu) the product holds. */
  awardCertificate: z
    .strictObject({
      number: text(100),
      level: z.enum(['provincial', 'regional', 'national']),
      year,
    })
    .optional(),
});

/**
 * POST /api/v1/fairs/:id/registrations (with an Idempotency-Key) — a facility asks for booths. The fair's
 * per-facility limit (at most 20) is checked by the service.
 */
export const createRegistrationRequest = z.strictObject({
  facility: facilitySchema,
  products: z.array(productSchema).min(1).max(50),
  boothCount: z.number().int().min(1, 'must be at least 1').max(20),
  boothKind: z.enum(boothKinds).default('standard'),
});
export type CreateRegistrationRequest = z.infer<typeof createRegistrationRequest>;

export const cancelRegistrationRequest = z.strictObject({ reason: text(1000) });
export type CancelRegistrationRequest = z.infer<typeof cancelRegistrationRequest>;

export const registrationStates = ['held', 'allocated', 'waitlisted', 'expired', 'cancelled'] as const;
export type RegistrationState = (typeof registrationStates)[number];

export const listRegistrationsQuery = z.strictObject({
  state: z.enum(registrationStates).optional(),
  provinceCode: provinceCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;

export interface RegistrationView {
  id: string;
  fairId: string;
  facility: Facility;
  products: z.infer<typeof productSchema>[];
  boothCount: number;
  boothKind: BoothKind;
  state: RegistrationState;
  /** While held: the moment the hold lapses unless confirmed. */
  holdExpiresAt: string | null;
  /** The booths held or allocated (empty otherwise). */
  booths: { code: string; hall: string; kind: BoothKind; rentVnd: number }[];
  /** The stable ticket number on the fair's waiting list, if the request ever waited. */
  waitlistPosition: number | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Path parameters of one registration of one fair. */
export const registrationParams = z.strictObject({ id: z.uuid(), rid: z.uuid() });
