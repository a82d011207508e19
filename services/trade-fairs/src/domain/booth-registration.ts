import { fairScaleLabels } from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import type { FairScale, RegionCode } from './trade-fair';

export interface RegionDirectory {
  /** The region of the provincial unit `code` on `date` (YYYY-MM-DD), or undefined if no unit had that code. */
  regionOf(code: string, date: string): RegionCode | undefined;
}

export interface RegistrationWindow {
  opensAt: Date | null;
  closesAt: Date | null;
}

/** Registration is open from opensAt (inclusive) to closesAt (exclusive); a fair without a window is closed. */
export function assertWindowOpen(window: RegistrationWindow, now: Date): void {
  if (!window.opensAt || !window.closesAt || now < window.opensAt || now >= window.closesAt) {
    const when = window.opensAt
      ? {
          vi: `từ ${window.opensAt.toISOString()} đến ${window.closesAt?.toISOString()}`,
          en: `from ${window.opensAt.toISOString()} to ${window.closesAt?.toISOString()}`,
        }
      : { vi: 'chưa lên lịch', en: 'not scheduled yet' };
    throw new ConflictError(
      {
        vi: `Đăng ký gian hàng của hội chợ này đã đóng (thời hạn ${when.vi})`,
        en: `Booth registration for this fair is closed (window ${when.en})`,
      },
      'registration.window-closed',
    );
  }
}

export function assertWithinFacilityLimit(boothCount: number, limit: number): void {
  if (boothCount > limit) {
    throw new RuleViolationError(
      {
        vi: `Mỗi cơ sở chỉ được đặt tối đa ${limit} gian hàng tại hội chợ này, không phải ${boothCount}`,
        en: `A facility may book at most ${limit} booth(s) at this fair, not ${boothCount}`,
      },
      'registration.booth-limit',
      'boothCount',
    );
  }
}

interface FairPlace {
  scale: FairScale;
  regionCode: RegionCode | null;
  startDate: string;
}

/** A regional fair is for the facilities of its region; provincial and national fairs take any unit in force. */
export function assertFacilityMayAttend(
  fair: FairPlace,
  provinceCode: string,
  regions: RegionDirectory,
): void {
  const region = regions.regionOf(provinceCode, fair.startDate);
  if (!region) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${provinceCode} không còn hiệu lực vào ngày khai mạc ${fair.startDate}`,
        en: `Provincial unit ${provinceCode} is not in force on ${fair.startDate}, when the fair opens`,
      },
      'registration.unknown-province',
      'facility.provinceCode',
    );
  }
  if (fair.scale === 'regional' && region !== fair.regionCode) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${provinceCode} không thuộc vùng ${fair.regionCode} của hội chợ cấp vùng này`,
        en: `Provincial unit ${provinceCode} is not in the ${fair.regionCode} region of this regional fair`,
      },
      'registration.outside-region',
      'facility.provinceCode',
    );
  }
}

/**
 * Booths a regional fair reserves for provinces of its region. The reservations fit in the inventory; what
 * is left is the common pool. Returns the pool's size.
 */
export function planQuotas(
  fair: FairPlace,
  quotas: { provinceCode: string; booths: number }[],
  inventorySize: number,
  regions: RegionDirectory,
): number {
  if (fair.scale !== 'regional') {
    throw new RuleViolationError(
      {
        vi: `Hội chợ ${fairScaleLabels[fair.scale]} không có chỉ tiêu theo tỉnh`,
        en: `A ${fair.scale} fair has no provincial quotas`,
      },
      'quota.not-regional',
      'quotas',
    );
  }
  quotas.forEach((quota, index) => {
    if (regions.regionOf(quota.provinceCode, fair.startDate) !== fair.regionCode) {
      throw new RuleViolationError(
        {
          vi: `Đơn vị cấp tỉnh ${quota.provinceCode} không thuộc vùng ${fair.regionCode} của hội chợ này`,
          en: `Provincial unit ${quota.provinceCode} is not in the ${fair.regionCode} region of this fair`,
        },
        'quota.outside-region',
        `quotas.${index}.provinceCode`,
      );
    }
  });
  const reserved = quotas.reduce((sum, quota) => sum + quota.booths, 0);
  if (reserved > inventorySize) {
    throw new RuleViolationError(
      {
        vi: `Các chỉ tiêu giữ ${reserved} gian hàng, nhiều hơn ${inventorySize} gian hàng hội chợ có`,
        en: `The quotas reserve ${reserved} booths, more than the ${inventorySize} in the fair's inventory`,
      },
      'quota.exceeds-inventory',
      'quotas',
    );
  }
  return inventorySize - reserved;
}

/** The inventory never grows beyond the booth count the fair was planned with. */
export function assertInventoryFits(existing: number, added: number, planned: number): void {
  if (existing + added > planned) {
    throw new RuleViolationError(
      {
        vi: `Hội chợ được lập kế hoạch với ${planned} gian hàng; đã có ${existing}, nên không thêm được ${added} gian nữa`,
        en: `The fair was planned with ${planned} booths; it has ${existing}, so ${added} more do not fit`,
      },
      'booth.exceeds-fair',
      'booths',
    );
  }
}
