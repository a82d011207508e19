import type { WatchlistFlagCode } from '@kc/contracts';
import type { Lang } from './lang';

/** The watchlist rules' reasons in short, for filters and counts (each flag also carries its full sentence). */
export const WATCHLIST_REASONS: Record<WatchlistFlagCode, Record<Lang, string>> = {
  'missing-report': { vi: 'Thiếu báo cáo tháng', en: 'Monthly report missing' },
  'late-report': { vi: 'Báo cáo tháng nộp muộn', en: 'Monthly report late' },
  'behind-schedule': { vi: 'Chậm tiến độ', en: 'Behind schedule' },
  'no-advance': { vi: 'Chưa tạm ứng kinh phí', en: 'No advance drawn' },
  'settlement-deadline': { vi: 'Sắp đến / quá hạn quyết toán', en: 'Settlement deadline near or passed' },
};
