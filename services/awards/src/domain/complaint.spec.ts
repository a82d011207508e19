import { ConflictError, RuleViolationError } from '@kc/errors';
import { nextDay } from '@kc/reference-data';
import {
  answerComplaint,
  complaintDeadline,
  isAnswerLate,
  isComplaintOverdueAt,
  submitComplaint,
  type Complaint,
  type WorkingDays,
} from './complaint';

// A small calendar for the tests: weekends off, and the spring 2026 holidays (Hùng Kings' day observed on Monday
// 27 April, 30 April, 1 May).
const holidays = new Set(['2026-04-27', '2026-04-30', '2026-05-01']);
const isWorkingDay = (date: string) => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
};
const calendar: WorkingDays = {
  addWorkingDays(date, n) {
    let day = date;
    for (let counted = 0; counted < n; ) {
      day = nextDay(day);
      if (isWorkingDay(day)) counted += 1;
    }
    return day;
  },
};

const announcedOn = '2026-04-13'; // a Monday
const content = 'Đề nghị chấm lại sản phẩm số 12';

const refusal = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    if (error instanceof ConflictError) return `conflict ${error.code}`;
    throw error;
  }
  return undefined;
};

describe('the test calendar', () => {
  it('skips weekends and the listed holidays', () => {
    expect(calendar.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    expect(calendar.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
  });
});

describe('complaint window', () => {
  it('ends on the 15th working day after the announcement, holidays not counted', () => {
    expect(complaintDeadline(announcedOn, calendar)).toBe('2026-05-07');
  });

  it('takes a complaint on the announcement day and on the last day', () => {
    expect(submitComplaint({ announcedOn, receivedOn: announcedOn, content }, calendar).status).toBe(
      'submitted',
    );
    expect(submitComplaint({ announcedOn, receivedOn: '2026-05-07', content }, calendar).status).toBe(
      'submitted',
    );
  });

  it('refuses a complaint the day after the last day', () => {
    expect(refusal(() => submitComplaint({ announcedOn, receivedOn: '2026-05-08', content }, calendar))).toBe(
      'complaint.window-closed @ receivedOn',
    );
  });

  it('refuses a complaint before the announcement', () => {
    expect(refusal(() => submitComplaint({ announcedOn, receivedOn: '2026-04-12', content }, calendar))).toBe(
      'complaint.before-announcement @ receivedOn',
    );
  });

  it('refuses a complaint without content', () => {
    expect(
      refusal(() => submitComplaint({ announcedOn, receivedOn: announcedOn, content: '  ' }, calendar)),
    ).toBe('complaint.content-required @ content');
  });
});

describe('answer', () => {
  const received: Complaint = submitComplaint({ announcedOn, receivedOn: '2026-05-07', content }, calendar);
  const rejection = {
    answeredOn: '2026-05-20',
    outcome: 'rejected' as const,
    reason: 'Điểm đã được chấm đúng quy chế',
  };

  it('is due on the 10th working day after receipt', () => {
    expect(received.answerDueOn).toBe('2026-05-21');
  });

  it('records the outcome and moves the complaint to answered', () => {
    expect(answerComplaint(received, rejection)).toMatchObject({ status: 'answered', answer: rejection });
    const upheld = { answeredOn: '2026-05-08', outcome: 'upheld' as const, reason: 'Sai sót khi cộng điểm' };
    expect(answerComplaint(received, upheld)).toMatchObject({ status: 'answered', answer: upheld });
  });

  it('needs a reason of at least 10 characters', () => {
    expect(refusal(() => answerComplaint(received, { ...rejection, reason: 'Không đạt' }))).toBe(
      'complaint.reason-required @ reason',
    );
  });

  it('refuses an answer dated before receipt', () => {
    expect(refusal(() => answerComplaint(received, { ...rejection, answeredOn: '2026-05-06' }))).toBe(
      'complaint.answer-before-receipt @ answeredOn',
    );
  });

  it('answers once', () => {
    const answered = answerComplaint(received, rejection);
    expect(refusal(() => answerComplaint(answered, rejection))).toBe('conflict complaint.already-answered');
  });

  it('records a late answer, marked late; one on the due day is in time', () => {
    const late = answerComplaint(received, { ...rejection, answeredOn: '2026-06-01' });
    expect([late.status, isAnswerLate(late)]).toEqual(['answered', true]);
    expect(isAnswerLate(answerComplaint(received, { ...rejection, answeredOn: '2026-05-21' }))).toBe(false);
    expect(isAnswerLate(received)).toBe(false);
  });
});

describe('overdue', () => {
  const received = submitComplaint({ announcedOn, receivedOn: '2026-05-07', content }, calendar);

  it('is not overdue through the due day, and overdue after it while unanswered', () => {
    expect(isComplaintOverdueAt(received, '2026-05-21')).toBe(false);
    expect(isComplaintOverdueAt(received, '2026-05-22')).toBe(true);
  });

  it('was overdue between the due day and a late answer, and no longer after it', () => {
    const late = answerComplaint(received, {
      answeredOn: '2026-05-25',
      outcome: 'rejected',
      reason: 'Điểm đã được chấm đúng quy chế',
    });
    expect(isComplaintOverdueAt(late, '2026-05-22')).toBe(true);
    expect(isComplaintOverdueAt(late, '2026-05-25')).toBe(false);
  });

  it('is never overdue when answered in time', () => {
    const onTime = answerComplaint(received, {
      answeredOn: '2026-05-21',
      outcome: 'upheld',
      reason: 'Sai sót khi cộng điểm',
    });
    expect(isComplaintOverdueAt(onTime, '2026-05-21')).toBe(false);
    expect(isComplaintOverdueAt(onTime, '2026-12-31')).toBe(false);
  });
});
