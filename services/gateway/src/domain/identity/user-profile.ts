import type { Role } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { unitInForce } from '@kc/reference-data';

/** What a person's role binds them to: the app_user columns a principal is built from. */
export interface UserProfile {
  role: Role;
  provinceCode: string | null;
  facilityTaxCode: string | null;
  fairIds: readonly string[];
  disabled: boolean;
}

const refuse = (vi: string, en: string, code: string, field: string) =>
  new RuleViolationError({ vi, en }, code, field);

/**
 * A profile fits its role: a province officer acts for one provincial unit in force today, a business for one
 * facility, and nobody else holds either; fairs belong to fair organisers only (a token of another role would
 * not carry them, so they would only mislead whoever reads the account). A unit
 * is checked for being in force only when it is given (`unitGiven`): an officer of a unit merged since then
 * can still be disabled.
 */
export function assertProfileFits(profile: UserProfile, today: string, unitGiven = true): void {
  const { role, provinceCode, facilityTaxCode } = profile;
  if (role === 'province-officer') {
    if (!provinceCode) {
      throw refuse(
        'Cán bộ Sở Công Thương phải gắn với một đơn vị cấp tỉnh',
        'a province officer must name its provincial unit',
        'user.province-required',
        'body.provinceCode',
      );
    }
    if (unitGiven && !unitInForce(provinceCode, today)) {
      throw refuse(
        `Mã đơn vị cấp tỉnh ${provinceCode} không có hiệu lực ngày ${today}`,
        `provincial unit ${provinceCode} is not in force on ${today}`,
        'user.province-not-in-force',
        'body.provinceCode',
      );
    }
  } else if (provinceCode) {
    throw refuse(
      'Chỉ cán bộ Sở Công Thương gắn với một đơn vị cấp tỉnh',
      `only a province officer is bound to a provincial unit, not a ${role}`,
      'user.province-not-allowed',
      'body.provinceCode',
    );
  }
  if (role === 'business' && !facilityTaxCode) {
    throw refuse(
      'Tài khoản cơ sở phải có mã số thuế của cơ sở',
      'a business user must name its facility’s tax code',
      'user.facility-required',
      'body.facilityTaxCode',
    );
  }
  if (role !== 'business' && facilityTaxCode) {
    throw refuse(
      'Chỉ tài khoản cơ sở gắn với mã số thuế',
      `only a business user represents a facility, not a ${role}`,
      'user.facility-not-allowed',
      'body.facilityTaxCode',
    );
  }
  if (role !== 'fair-organizer' && profile.fairIds.length > 0) {
    throw refuse(
      'Chỉ ban tổ chức hội chợ được gắn với hội chợ',
      `only a fair organiser is bound to fairs, not a ${role}`,
      'user.fairs-not-allowed',
      'body.fairIds',
    );
  }
}

/**
 * A role change away from fair organiser must not leave fair bindings behind: the admin removes them first
 * (PUT …/fair-bindings with an empty set), so no binding disappears unnoticed.
 */
export function assertRoleChangeLeavesNoBindings(current: UserProfile, role: Role): void {
  if (role === current.role) return;
  if (current.fairIds.length > 0 && role !== 'fair-organizer') {
    throw refuse(
      'Tài khoản còn gắn với hội chợ: gỡ các hội chợ trước khi đổi vai trò',
      'the user is still bound to fairs: remove the fair bindings before changing the role',
      'user.has-fair-bindings',
      'body.role',
    );
  }
}

/** An admin never locks themselves out: the platform always keeps the admin who acts. */
export function assertNotSelfLockout(
  callerId: string,
  userId: string,
  change: { role?: Role; disabled?: boolean },
): void {
  if (callerId !== userId) return;
  if (change.disabled === true) {
    throw refuse(
      'Không thể tự khóa tài khoản của mình',
      'an admin cannot disable their own account',
      'user.self-lockout',
      'body.disabled',
    );
  }
  if (change.role !== undefined && change.role !== 'central-admin') {
    throw refuse(
      'Không thể tự hạ quyền của mình',
      'an admin cannot take away their own admin role',
      'user.self-lockout',
      'body.role',
    );
  }
}

/**
 * Whether a change makes the person's tokens wrong: disabled, or a role, unit or facility the tokens carry.
 * (Bindings are read afresh at every refresh, so they need not end sessions.)
 */
export const endsSessions = (before: UserProfile, after: UserProfile): boolean =>
  after.disabled ||
  before.role !== after.role ||
  before.provinceCode !== after.provinceCode ||
  before.facilityTaxCode !== after.facilityTaxCode;
