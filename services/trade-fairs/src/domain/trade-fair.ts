import { fairScaleLabels } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';

export type FairScale = 'provincial' | 'regional' | 'national' | 'international';
export type RegionCode = 'north' | 'central' | 'south';

export interface TradeFair {
  name: string;
  year: number;
  scale: FairScale;
  /** The region of a regional fair; null for provincial and national fairs. */
  regionCode: RegionCode | null;
  /** The host province. */
  provinceCode: string;
  startDate: string;
  endDate: string;
  boothCount: number;
  venue: string | null;
}

export interface ProvinceDirectory {
  /** True if the code names a provincial unit in force on `date` (YYYY-MM-DD). */
  isInForce(code: string, date: string): boolean;
}

/**
 * A trade fair (hội chợ triển lãm hàng CNNT tiêu biểu) at provincial, regional, national or international scale. It runs within
 * its year, and its host must be a provincial unit in force when it opens — a fair from 07/2025 on is hosted by
 * one of the 34 units.
 */
export function planTradeFair(fair: TradeFair, provinces: ProvinceDirectory): TradeFair {
  if ((fair.scale === 'regional') !== (fair.regionCode !== null)) {
    throw new RuleViolationError(
      fair.scale === 'regional'
        ? { vi: 'Hội chợ cấp vùng phải có vùng', en: 'A regional fair needs a region' }
        : {
            vi: `Hội chợ ${fairScaleLabels[fair.scale]} không gắn với vùng nào`,
            en: `A ${fair.scale} fair has no region`,
          },
      'fair.region-mismatch',
      'regionCode',
    );
  }
  if (fair.endDate < fair.startDate) {
    throw new RuleViolationError(
      {
        vi: `Hội chợ kết thúc (${fair.endDate}) trước khi bắt đầu (${fair.startDate})`,
        en: `The fair ends (${fair.endDate}) before it starts (${fair.startDate})`,
      },
      'fair.ends-before-start',
      'endDate',
    );
  }
  for (const field of ['startDate', 'endDate'] as const) {
    if (!fair[field].startsWith(`${fair.year}-`)) {
      throw new RuleViolationError(
        {
          vi: `${field} ${fair[field]} không thuộc năm ${fair.year}, năm của hội chợ`,
          en: `${field} ${fair[field]} is not in ${fair.year}, the fair's year`,
        },
        'fair.outside-year',
        field,
      );
    }
  }
  if (!provinces.isInForce(fair.provinceCode, fair.startDate)) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${fair.provinceCode} không còn hiệu lực vào ngày khai mạc ${fair.startDate}`,
        en: `Provincial unit ${fair.provinceCode} is not in force on ${fair.startDate}, when the fair opens`,
      },
      'fair.unknown-province',
      'provinceCode',
    );
  }
  return fair;
}

export interface AllocationSettings {
  allocationMethod: 'first-come' | 'lottery';
  awardPriority: boolean;
  awardCeremonyDate: string | null;
}

/**
 * An award ceremony is held during the fair. Award priority needs no check here: a lottery draws certified
 * requests first, and a first-come fair promotes them first from its waiting list.
 */
export function assertAllocationSettings(
  fair: Pick<TradeFair, 'startDate' | 'endDate'>,
  settings: AllocationSettings,
): void {
  const date = settings.awardCeremonyDate;
  if (date !== null && (date < fair.startDate || date > fair.endDate)) {
    throw new RuleViolationError(
      {
        vi: `Lễ trao giải (${date}) không nằm trong thời gian hội chợ (${fair.startDate} đến ${fair.endDate})`,
        en: `The award ceremony (${date}) is not within the fair (${fair.startDate} to ${fair.endDate})`,
      },
      'fair.ceremony-outside-dates',
      'awardCeremony.date',
    );
  }
}
