import { RuleViolationError, type Bilingual } from '@kc/errors';
import { isIsoDate, type IsoDate } from '@kc/reference-data';

export type DecisionAuthority =
  | 'provincial-peoples-committee'
  | 'district-peoples-committee'
  | 'commune-peoples-committee'
  | 'department-of-industry-and-trade'
  | 'other';

export const decisionAuthorityLabels: Record<DecisionAuthority, Bilingual> = {
  'provincial-peoples-committee': { vi: 'Ủy ban nhân dân cấp tỉnh', en: "the provincial People's Committee" },
  'district-peoples-committee': { vi: 'Ủy ban nhân dân cấp huyện', en: "the district People's Committee" },
  'commune-peoples-committee': { vi: 'Ủy ban nhân dân cấp xã', en: "the commune People's Committee" },
  'department-of-industry-and-trade': { vi: 'Sở Công Thương', en: 'the Department of Industry and Trade' },
  other: { vi: 'cơ quan khác', en: 'another body' },
};

/** The decision a lifecycle step rests on, as written on it. */
export interface Decision {
  /** e.g. "1234/QĐ-UBND". */
  number: string;
  date: IsoDate;
  authority: DecisionAuthority;
  /** The issuing body as named on the decision, e.g. "UBND tỉnh Nghệ An". */
  issuedBy: string;
}

export const viDate = (date: IsoDate): string => date.split('-').reverse().join('/');

const decisionError = (vi: string, en: string, code: string, field: string) =>
  new RuleViolationError({ vi, en }, `cluster.${code}`, `decision.${field}`);

/**
 * A decision is complete (number, a real date, its issuer), dated no later than `today` and not before the
 * decision of the step before it (`notBefore`), so the history reads in the order things happened.
 * Returns it with its texts trimmed and NFC-normalised.
 */
export function checkDecision(
  decision: Decision,
  when: { today: IsoDate; notBefore: IsoDate | null },
): Decision {
  const number = decision.number.normalize('NFC').trim();
  const issuedBy = decision.issuedBy.normalize('NFC').trim();
  if (!number) {
    throw decisionError(
      'Phải ghi số quyết định',
      'The decision number is required',
      'decision-incomplete',
      'number',
    );
  }
  if (!issuedBy) {
    throw decisionError(
      'Phải ghi cơ quan ban hành quyết định',
      'The body that issued the decision is required',
      'decision-incomplete',
      'issuedBy',
    );
  }
  if (!isIsoDate(decision.date)) {
    throw decisionError(
      `Ngày quyết định "${decision.date}" không phải ngày hợp lệ (YYYY-MM-DD)`,
      `Decision date "${decision.date}" is not a real date (YYYY-MM-DD)`,
      'decision-incomplete',
      'date',
    );
  }
  if (decision.date > when.today) {
    throw decisionError(
      `Quyết định ${number} ghi ngày ${viDate(decision.date)}, sau ngày hôm nay ${viDate(when.today)}`,
      `Decision ${number} is dated ${decision.date}, after today (${when.today})`,
      'decision-in-future',
      'date',
    );
  }
  if (when.notBefore !== null && decision.date < when.notBefore) {
    throw decisionError(
      `Quyết định ${number} ngày ${viDate(decision.date)} không được trước quyết định của bước trước (ngày ${viDate(when.notBefore)})`,
      `Decision ${number} of ${decision.date} cannot predate the previous step's decision (${when.notBefore})`,
      'decision-out-of-order',
      'date',
    );
  }
  return { ...decision, number, issuedBy };
}
