import { RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import { viDate } from './decision';

export type FindingSeverity = 'minor' | 'major' | 'critical';

export interface FollowUpAction {
  description: string;
  dueOn: IsoDate;
  /** The finding (1-based) it answers, if one. */
  finding: number | null;
}

/**
 * An inspection is recorded after it took place: not dated in the future. Each action is due on or after the
 * inspection and points at a finding that exists.
 */
export function checkInspection(
  inspectedOn: IsoDate,
  findings: number,
  actions: readonly FollowUpAction[],
  today: IsoDate,
): void {
  if (inspectedOn > today) {
    throw new RuleViolationError(
      {
        vi: `Ngày kiểm tra ${viDate(inspectedOn)} không được sau hôm nay (${viDate(today)})`,
        en: `The inspection date ${inspectedOn} cannot be after today (${today})`,
      },
      'cluster-inspection.in-future',
      'inspectedOn',
    );
  }
  actions.forEach((action, i) => {
    if (action.dueOn < inspectedOn) {
      throw new RuleViolationError(
        {
          vi: `Hạn của biện pháp ${i + 1} (${viDate(action.dueOn)}) không được trước ngày kiểm tra (${viDate(inspectedOn)})`,
          en: `Action ${i + 1} is due (${action.dueOn}) before the inspection (${inspectedOn})`,
        },
        'cluster-inspection.due-before-inspection',
        `actions.${i}.dueOn`,
      );
    }
    if (action.finding !== null && action.finding > findings) {
      throw new RuleViolationError(
        {
          vi: `Biện pháp ${i + 1} dẫn chiếu phát hiện số ${action.finding}, nhưng chỉ có ${findings} phát hiện`,
          en: `Action ${i + 1} refers to finding ${action.finding}, but there are ${findings}`,
        },
        'cluster-inspection.unknown-finding',
        `actions.${i}.finding`,
      );
    }
  });
}

/** A completion is dated between the inspection and today. */
export function checkCompletion(completedOn: IsoDate, inspectedOn: IsoDate, today: IsoDate): void {
  if (completedOn > today || completedOn < inspectedOn) {
    throw new RuleViolationError(
      {
        vi: `Ngày hoàn thành ${viDate(completedOn)} phải từ ngày kiểm tra (${viDate(inspectedOn)}) đến hôm nay (${viDate(today)})`,
        en: `The completion date ${completedOn} must fall between the inspection (${inspectedOn}) and today (${today})`,
      },
      'cluster-inspection.completion-date',
      'completedOn',
    );
  }
}

export const actionOverdue = (dueOn: IsoDate, completedOn: IsoDate | null, today: IsoDate): boolean =>
  completedOn === null && today > dueOn;
