import { z } from 'zod';
import { provinceCode } from '../primitives';
import { ROLES } from '../principal';
import { changePasswordRequest } from './auth';
import { taxCode } from './booths';

/** Login names as the identity provider stores them: lower case, so `SCT.40` is `sct.40`. */
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,99}$/,
    'must be 1–100 of a-z, 0-9, ".", "_", "-", starting with a letter or digit',
  );

/** Fairs a fair organiser is bound to: a set, at most 200. */
const bindings = z.array(z.uuid()).max(200);

/** GET /api/v1/users — central admins; `username` matches a part of the login name. */
export const listUsersQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  provinceCode: provinceCode.optional(),
  username: z.string().trim().toLowerCase().min(1).max(100).optional(),
  disabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

/**
 * POST /api/v1/users — a person of the built-in identity provider. The role decides the rest: a province
 * officer names its unit, a business its facility, a fair organiser its fairs. (A juror's rounds are the juries
 * awards seats them on, never the account.)
 */
export const createUserRequest = z.strictObject({
  username,
  /** The same policy as a password change. */
  password: changePasswordRequest.shape.newPassword,
  role: z.enum(ROLES),
  provinceCode: provinceCode.optional(),
  facilityTaxCode: taxCode.optional(),
  fairIds: bindings.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

/** PATCH /api/v1/users/:id — `null` removes a province or facility (e.g. when the role changes). */
export const updateUserRequest = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    provinceCode: provinceCode.nullable().optional(),
    facilityTaxCode: taxCode.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'must change at least one of role, provinceCode, facilityTaxCode, disabled',
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

/** PUT /api/v1/users/:id/fair-bindings — the whole set of fairs a fair organiser runs. */
export const fairBindingsRequest = z.strictObject({ fairIds: bindings });
export type FairBindingsRequest = z.infer<typeof fairBindingsRequest>;

/** A user as central admins see it: never the password hash. */
export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  role: z.enum(ROLES),
  /** The role in Vietnamese (ROLE_LABELS). */
  roleLabel: z.string(),
  provinceCode: provinceCode.nullable(),
  /** The fairs a fair organiser runs (empty for other roles). */
  fairIds: z.array(z.uuid()),
  facilityTaxCode: taxCode.nullable(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userView>;

/** GET /api/v1/users — a slice of the users by offset, and how many match in all. */
export const userPage = z.object({
  items: z.array(userView),
  total: z.number().int().min(0),
  limit: z.number().int().min(1),
  offset: z.number().int().min(0),
});
export type UserPage = z.infer<typeof userPage>;
