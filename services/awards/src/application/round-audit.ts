import type { AwardLevel, AwardRound } from '../domain/award-round';

const LEVEL_VI: Record<AwardLevel, string> = {
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

export const roundOpenedSummary = (round: Pick<AwardRound, 'name' | 'level' | 'year'>): string =>
  `Mở đợt bình chọn "${round.name}" (${LEVEL_VI[round.level]}, năm ${round.year})`;
