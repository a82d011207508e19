import type {
  AwardDeadlineKind,
  AwardLevel,
  AwardProductGroup,
  AwardRoundState,
  AwardRoundView,
} from '@kc/contracts';

/**
 * How the award pages name levels, states, deadlines and groups. Vietnamese comes from the API where it sends a
 * label (`levelLabel`, `stateLabel`, a deadline's `label`); the contracts' label tables are values, so they are
 * copied here for filters and English (a value import would bundle zod and every schema). `Record`s keep them
 * complete when the contracts add a member.
 */
export type Pair = readonly [vi: string, en: string];
type Lang = 'vi' | 'en';

export const LEVELS: Record<AwardLevel, Pair> = {
  commune: ['Cấp xã (cấp huyện trước 07/2025)', 'Commune (district before 07/2025)'],
  provincial: ['Cấp tỉnh', 'Provincial'],
  regional: ['Cấp khu vực', 'Regional'],
  national: ['Cấp quốc gia', 'National'],
};
export const AWARD_LEVELS = Object.keys(LEVELS) as AwardLevel[];

export const STATES: Record<AwardRoundState, Pair> = {
  'entries-open': ['Đang nhận hồ sơ dự thi', 'Taking entries'],
  scoring: ['Đang chấm điểm', 'Scoring'],
  closed: ['Đã kết thúc chấm điểm', 'Scoring closed'],
  published: ['Đã công bố kết quả', 'Results published'],
};
export const AWARD_STATES = Object.keys(STATES) as AwardRoundState[];

/** The badge tone of each state (the app's `badge` classes). */
export const STATE_TONE: Record<AwardRoundState, string> = {
  'entries-open': 'badge dd-info',
  scoring: 'badge warn',
  closed: 'badge',
  published: 'badge ok',
};

const DEADLINES_EN: Record<AwardDeadlineKind, string> = {
  'entries-open': 'Entries open',
  'entries-close': 'Entries close',
  'scoring-close': 'Scoring closes',
  announcement: 'Results announced',
  'complaints-close': 'Last day for complaints (15 working days after the announcement)',
  'complaint-answers-due': 'Answers to the last complaints due (10 working days)',
};

export const GROUPS: Record<AwardProductGroup, Pair> = {
  handicraft: ['Thủ công mỹ nghệ', 'Handicrafts'],
  'agro-food': [
    'Chế biến nông, lâm, thủy sản và thực phẩm',
    'Processed agro-forestry-fishery products and food',
  ],
  machinery: ['Máy móc, dụng cụ và phụ tùng cơ khí', 'Machinery, tools and mechanical parts'],
  other: ['Sản phẩm khác', 'Other products'],
};
export const AWARD_GROUPS = Object.keys(GROUPS) as AwardProductGroup[];

export const pick = ([vi, en]: Pair, lang: Lang): string => (lang === 'vi' ? vi : en);

/** "Cấp tỉnh" / "Provincial"; a commune round before 07/2025 (a 3-digit district code) says district. */
export function levelText(round: Pick<AwardRoundView, 'level' | 'levelLabel' | 'localUnitCode'>, lang: Lang) {
  if (lang === 'vi') return round.levelLabel.charAt(0).toUpperCase() + round.levelLabel.slice(1);
  if (round.level === 'commune') return round.localUnitCode?.length === 3 ? 'District' : 'Commune';
  return LEVELS[round.level][1];
}

export function stateText(round: Pick<AwardRoundView, 'state' | 'stateLabel'>, lang: Lang): string {
  return lang === 'vi' ? round.stateLabel : STATES[round.state][1];
}

export function deadlineText(deadline: { kind: AwardDeadlineKind; label: string }, lang: Lang): string {
  return lang === 'vi' ? deadline.label : DEADLINES_EN[deadline.kind];
}

export function groupText(group: string, lang: Lang): string {
  const pair = GROUPS[group as AwardProductGroup];
  return pair ? pick(pair, lang) : group;
}
