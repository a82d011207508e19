import type { FairScale, TradeFair } from '../domain/trade-fair';

const SCALE_VI: Record<FairScale, string> = {
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
  international: 'quốc tế',
};

/** 2026-09-15 → 15/09/2026, as dates are written in Vietnamese. */
export const dayVi = (isoDate: string): string => isoDate.split('-').reverse().join('/');

export interface FairExtras {
  organiser?: string | null;
  awardCeremonyName?: string | null;
  allocationMethod?: 'first-come' | 'lottery';
  awardPriority?: boolean;
}

export const fairCreatedSummary = (
  fair: Pick<TradeFair, 'name' | 'scale' | 'startDate' | 'endDate' | 'boothCount'>,
  extras: FairExtras = {},
): string =>
  `Tạo hội chợ "${fair.name}" (${SCALE_VI[fair.scale]}), từ ${dayVi(fair.startDate)} đến ${dayVi(fair.endDate)}, ` +
  `${fair.boothCount} gian hàng` +
  (extras.organiser ? `; đơn vị tổ chức: ${extras.organiser}` : '') +
  (extras.awardCeremonyName ? `; lễ tôn vinh: ${extras.awardCeremonyName}` : '') +
  (extras.allocationMethod === 'lottery'
    ? `; phân bổ bằng bốc thăm${extras.awardPriority ? ', ưu tiên sản phẩm đạt giải' : ''}`
    : extras.awardPriority
      ? '; danh sách chờ ưu tiên sản phẩm đạt giải'
      : '');
