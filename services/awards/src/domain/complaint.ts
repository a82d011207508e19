import { complaintOutcomeLabels, type ComplaintOutcome } from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';

/**
 * The working-day calendar (weekends and public holidays, with their make-up days) lives in reference data; the
 * domain only asks it to count.
 */
export interface WorkingDays {
  /** The n-th working day after `date`, `date` itself not counted (n ≥ 1). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

/** Complaints about a round's results: within 15 working days of the announcement; answered within 10. */
export const COMPLAINT_WINDOW_WORKING_DAYS = 15;
export const ANSWER_WORKING_DAYS = 10;
export const ANSWER_REASON_MIN_CHARS = 10;

// The vocabulary and its labels live in the contracts, beside the views that show them.
export {
  complaintOutcomeLabels,
  complaintStatusLabels,
  type ComplaintOutcome,
  type ComplaintStatus,
} from '@kc/contracts';

export interface ComplaintAnswer {
  answeredOn: IsoDate;
  outcome: ComplaintOutcome;
  reason: string;
}

interface ComplaintFacts {
  /** The day the round's results were announced. */
  announcedOn: IsoDate;
  receivedOn: IsoDate;
  content: string;
  answerDueOn: IsoDate;
}

export type Complaint =
  | (ComplaintFacts & { status: 'submitted'; answer: null })
  | (ComplaintFacts & { status: 'answered'; answer: ComplaintAnswer });

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');
const visibleLength = (text: string) => [...text.normalize('NFC').trim()].length;

/** The last day a complaint is received: the 15th working day after the announcement, itself included. */
export function complaintDeadline(announcedOn: IsoDate, calendar: WorkingDays): IsoDate {
  return calendar.addWorkingDays(announcedOn, COMPLAINT_WINDOW_WORKING_DAYS);
}

export function submitComplaint(
  complaint: { announcedOn: IsoDate; receivedOn: IsoDate; content: string },
  calendar: WorkingDays,
): Complaint {
  const { announcedOn, receivedOn } = complaint;
  if (receivedOn < announcedOn) {
    throw new RuleViolationError(
      {
        vi: `Chỉ nhận khiếu nại sau khi công bố kết quả ngày ${viDate(announcedOn)}`,
        en: `Complaints are taken only once the results are announced on ${announcedOn}`,
      },
      'complaint.before-announcement',
      'receivedOn',
    );
  }
  const deadline = complaintDeadline(announcedOn, calendar);
  if (receivedOn > deadline) {
    throw new RuleViolationError(
      {
        vi: `Khiếu nại phải gửi trong ${COMPLAINT_WINDOW_WORKING_DAYS} ngày làm việc kể từ ngày công bố kết quả ${viDate(announcedOn)}, tức là đến hết ngày ${viDate(deadline)}`,
        en: `Complaints must come within ${COMPLAINT_WINDOW_WORKING_DAYS} working days of the announcement on ${announcedOn}, that is by ${deadline}`,
      },
      'complaint.window-closed',
      'receivedOn',
    );
  }
  const content = complaint.content.normalize('NFC').trim();
  if (content === '') {
    throw new RuleViolationError(
      { vi: 'Khiếu nại phải có nội dung', en: 'A complaint needs its content' },
      'complaint.content-required',
      'content',
    );
  }
  return {
    announcedOn,
    receivedOn,
    content,
    answerDueOn: calendar.addWorkingDays(receivedOn, ANSWER_WORKING_DAYS),
    status: 'submitted',
    answer: null,
  };
}

/**
 * Records the council's answer. Either way the answer states its grounds. A late answer is recorded, not
 * refused: the lateness shows in `isComplaintOverdueAt` for the days it was owed.
 */
export function answerComplaint(complaint: Complaint, answer: ComplaintAnswer): Complaint {
  if (complaint.status === 'answered') {
    throw new ConflictError(
      {
        vi: `Khiếu nại đã được trả lời ngày ${viDate(complaint.answer.answeredOn)}`,
        en: `The complaint was already answered on ${complaint.answer.answeredOn}`,
      },
      'complaint.already-answered',
    );
  }
  if (answer.answeredOn < complaint.receivedOn) {
    throw new RuleViolationError(
      {
        vi: `Ngày trả lời ${viDate(answer.answeredOn)} không được trước ngày nhận khiếu nại ${viDate(complaint.receivedOn)}`,
        en: `The answer date ${answer.answeredOn} may not precede the day the complaint was received, ${complaint.receivedOn}`,
      },
      'complaint.answer-before-receipt',
      'answeredOn',
    );
  }
  if (visibleLength(answer.reason) < ANSWER_REASON_MIN_CHARS) {
    throw new RuleViolationError(
      {
        vi: `Trả lời "${complaintOutcomeLabels[answer.outcome]}" phải nêu lý do, ít nhất ${ANSWER_REASON_MIN_CHARS} ký tự`,
        en: `An answer (${answer.outcome}) must state its reason in at least ${ANSWER_REASON_MIN_CHARS} characters`,
      },
      'complaint.reason-required',
      'reason',
    );
  }
  return {
    ...complaint,
    status: 'answered',
    answer: { ...answer, reason: answer.reason.normalize('NFC').trim() },
  };
}

/** Overdue on `date`: past the answer's due day and not answered by then (a later answer does not undo it). */
export function isComplaintOverdueAt(complaint: Complaint, date: IsoDate): boolean {
  const answeredBy = complaint.answer !== null && complaint.answer.answeredOn <= date;
  return !answeredBy && date > complaint.answerDueOn;
}

/** Answered after its due day: the answer stands, and the lateness is shown beside it. */
export const isAnswerLate = (complaint: Complaint): boolean =>
  complaint.answer !== null && complaint.answer.answeredOn > complaint.answerDueOn;
