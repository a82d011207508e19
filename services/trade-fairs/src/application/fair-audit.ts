import type { FairScale, TradeFair } from '../domain/trade-fair';

const SCALE_VI: Record<FairScale, string> = {
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

/** 2026-09-15 → 15/09/2026, as dates are written in Vietnamese. */
export const dayVi = (isoDate: string): string => isoDate.split('-').reverse().join('/');

export const fairCreatedSummary = (
  fair: Pick<TradeFair, 'name' | 'scale' | 'startDate' | 'endDate' | 'boothCount'>,
): string =>
  `Tạo hội chợ "${fair.name}" (${SCALE_VI[fair.scale]}), từ ${dayVi(fair.startDate)} đến ${dayVi(fair.endDate)}, ` +
  `${fair.boothCount} gian hàng`;
