import { awardRoundStateLabels, type AwardRoundState } from '@kc/contracts';
import { ConflictError } from '@kc/errors';

export type RoundState = AwardRoundState;

/** Each state has one way forward, taken explicitly by the round's authority; none goes back. */
const NEXT: Readonly<Record<RoundState, RoundState | null>> = {
  'entries-open': 'scoring',
  scoring: 'closed',
  closed: 'published',
  published: null,
};

/** Refuses a move other than the one step forward from `from`. */
export function assertTransition(from: RoundState, to: RoundState): void {
  if (NEXT[from] === to) return;
  throw new ConflictError(
    {
      vi: `Vòng bình chọn đang ở trạng thái “${awardRoundStateLabels[from]}”, không chuyển sang “${awardRoundStateLabels[to]}” được${NEXT[from] ? `: bước tiếp theo là “${awardRoundStateLabels[NEXT[from]!]}”` : ''}`,
      en: `The round is ${from}; it cannot move to ${to}${NEXT[from] ? `: its next step is ${NEXT[from]}` : ''}`,
    },
    'award-round.illegal-transition',
    'state',
  );
}

/** Refuses work that needs the round in `required` (sheets only while scoring, councils while entries open…). */
export function assertState(
  state: RoundState,
  required: RoundState,
  doing: { vi: string; en: string },
): void {
  if (state === required) return;
  throw new ConflictError(
    {
      vi: `Chỉ ${doing.vi} khi vòng bình chọn ở trạng thái “${awardRoundStateLabels[required]}”; hiện là “${awardRoundStateLabels[state]}”`,
      en: `One may ${doing.en} only while the round is ${required}; it is ${state}`,
    },
    `award-round.not-${required}`,
    'state',
  );
}
