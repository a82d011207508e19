import type { AwardDeadlineKind } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import { ANSWER_WORKING_DAYS, complaintDeadline, type WorkingDays } from './complaint';

/** The dates given when a round opens. */
export interface RoundSchedule {
  entriesOpenOn: IsoDate;
  entriesCloseOn: IsoDate;
  scoringClosesOn: IsoDate;
}

/** What publication fixes: the announcement, and the complaint deadlines counted in working days from it. */
export interface Announcement {
  announcedOn: IsoDate;
  /** The 15th working day after the announcement: the last day a complaint is received. */
  complaintsCloseOn: IsoDate;
  /** 10 working days after the last day of complaints: the latest any complaint's answer is due. */
  complaintAnswersDueBy: IsoDate;
  /** The working-day calendar version both were counted on, so they can be counted again alike. */
  calendarVersion: string;
}

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

const scheduleError = (vi: string, en: string, code: string, field: string) =>
  new RuleViolationError({ vi, en }, `award-round.${code}`, `schedule.${field}`);

/**
 * Entries close on or after they open, and scoring closes after entries close. A round's dates fall between the
 * year before its year and the year after (a round announced early the next year is common; a date further out
 * is a typing mistake).
 */
export function checkSchedule(schedule: RoundSchedule, year: number): RoundSchedule {
  const first = `${year - 1}-01-01`;
  const last = `${year + 1}-12-31`;
  for (const field of ['entriesOpenOn', 'entriesCloseOn', 'scoringClosesOn'] as const) {
    const date = schedule[field];
    if (date < first || date > last) {
      throw scheduleError(
        `Ngày ${viDate(date)} của lịch vòng bình chọn năm ${year} phải trong khoảng ${viDate(first)} – ${viDate(last)}`,
        `The date ${date} of the ${year} round's schedule must fall between ${first} and ${last}`,
        'schedule-outside-years',
        field,
      );
    }
  }
  if (schedule.entriesCloseOn < schedule.entriesOpenOn) {
    throw scheduleError(
      `Hạn nhận hồ sơ ${viDate(schedule.entriesCloseOn)} không được trước ngày bắt đầu nhận ${viDate(schedule.entriesOpenOn)}`,
      `Entries cannot close (${schedule.entriesCloseOn}) before they open (${schedule.entriesOpenOn})`,
      'schedule-order',
      'entriesCloseOn',
    );
  }
  if (schedule.scoringClosesOn <= schedule.entriesCloseOn) {
    throw scheduleError(
      `Hạn kết thúc chấm điểm ${viDate(schedule.scoringClosesOn)} phải sau hạn nhận hồ sơ ${viDate(schedule.entriesCloseOn)}`,
      `Scoring must close (${schedule.scoringClosesOn}) after entries close (${schedule.entriesCloseOn})`,
      'schedule-order',
      'scoringClosesOn',
    );
  }
  return schedule;
}

/** The announcement on `announcedOn` and its deadlines, counted on `calendar`. */
export function announce(
  announcedOn: IsoDate,
  calendar: WorkingDays & { version: { id: string } },
): Announcement {
  const complaintsCloseOn = complaintDeadline(announcedOn, calendar);
  return {
    announcedOn,
    complaintsCloseOn,
    complaintAnswersDueBy: calendar.addWorkingDays(complaintsCloseOn, ANSWER_WORKING_DAYS),
    calendarVersion: calendar.version.id,
  };
}

/** Every date known so far, in the order of the round's life. */
export function roundDeadlines(
  schedule: RoundSchedule,
  announcement: Omit<Announcement, 'calendarVersion'> | null,
): { kind: AwardDeadlineKind; on: IsoDate }[] {
  const dates: { kind: AwardDeadlineKind; on: IsoDate }[] = [
    { kind: 'entries-open', on: schedule.entriesOpenOn },
    { kind: 'entries-close', on: schedule.entriesCloseOn },
    { kind: 'scoring-close', on: schedule.scoringClosesOn },
  ];
  if (announcement) {
    dates.push(
      { kind: 'announcement', on: announcement.announcedOn },
      { kind: 'complaints-close', on: announcement.complaintsCloseOn },
      { kind: 'complaint-answers-due', on: announcement.complaintAnswersDueBy },
    );
  }
  return dates;
}
