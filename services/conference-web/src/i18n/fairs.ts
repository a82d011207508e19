import type { FairView } from '@kc/contracts';
import type { Lang } from './lang';

/** A trade fair's scale, as a label ("Cấp tỉnh"); lower-cased inside a sentence ("Hội chợ cấp tỉnh"). */
export const FAIR_SCALES: Record<FairView['scale'], Record<Lang, string>> = {
  provincial: { vi: 'Cấp tỉnh', en: 'Provincial' },
  regional: { vi: 'Cấp vùng', en: 'Regional' },
  national: { vi: 'Cấp quốc gia', en: 'National' },
  international: { vi: 'Quốc tế', en: 'International' },
};
