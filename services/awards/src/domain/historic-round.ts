import { CENTRAL_ROLES, type Principal } from '@kc/contracts';
import { ForbiddenError, RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import type { RoundSchedule } from './round-schedule';

/**
 * A historic round is a past round (the 2018 regional rounds, the 2023 national round…) run again through the
 * platform by the agency from its records: the dossiers entered with the day they were received, the jurors
 * scoring for real, the result announced on the day it was. Its dates are the past's, so the rules that take
 * "today" for a live round take the recorded date instead — and only the agency may give such dates.
 */

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

/** Only the agency runs a round with past dates (it holds the records; a province could backdate its own). */
export function assertMayRunHistoric(principal: Pick<Principal, 'role'>): void {
  if (CENTRAL_ROLES.includes(principal.role)) return;
  throw new ForbiddenError(
    {
      vi: 'Chỉ Cục được mở và điều hành vòng bình chọn đã diễn ra (vòng lịch sử)',
      en: 'Only the agency may open and run a historic award round',
    },
    'award-round.historic-agency-only',
    'historic',
  );
}

/** A historic round has a schedule, and its scoring closed before today. */
export function assertHistoricSchedule(schedule: RoundSchedule | null, today: IsoDate): void {
  if (!schedule) {
    throw new RuleViolationError(
      {
        vi: 'Vòng bình chọn lịch sử phải có lịch (nhận hồ sơ, chấm điểm) đã diễn ra',
        en: 'A historic round needs its (past) schedule',
      },
      'award-round.historic-needs-schedule',
      'schedule',
    );
  }
  if (schedule.scoringClosesOn >= today) {
    throw new RuleViolationError(
      {
        vi: `Vòng bình chọn lịch sử phải kết thúc chấm điểm trước hôm nay; lịch ghi ${viDate(schedule.scoringClosesOn)}`,
        en: `A historic round's scoring closed before today; its schedule says ${schedule.scoringClosesOn}`,
      },
      'award-round.historic-schedule-not-past',
      'schedule.scoringClosesOn',
    );
  }
}

/**
 * The day an entry counts as received: today in a live round (a date may not be given), the recorded day in a
 * historic one (it must be given; the entry window and the province as it then was are checked on it).
 */
export function entryReceivedOn(
  round: { historic: boolean },
  submittedOn: IsoDate | undefined,
  today: IsoDate,
): IsoDate {
  if (!round.historic) {
    if (submittedOn === undefined) return today;
    throw new RuleViolationError(
      {
        vi: 'Chỉ vòng bình chọn lịch sử nhận ngày nộp hồ sơ do người nhập ghi; vòng này lấy ngày hôm nay',
        en: 'Only a historic round takes a recorded submission date; this one uses today',
      },
      'award-entry.submitted-on-live-round',
      'submittedOn',
    );
  }
  if (submittedOn === undefined) {
    throw new RuleViolationError(
      {
        vi: 'Vòng bình chọn lịch sử cần ngày nhận hồ sơ đã ghi trong hồ sơ lưu',
        en: 'A historic round needs the day the dossier was received',
      },
      'award-entry.submitted-on-required',
      'submittedOn',
    );
  }
  return submittedOn;
}

/**
 * The announcement date: today for a live round (none may be given); for a historic round the recorded one, no
 * earlier than the close of scoring and not in the future. The complaint deadlines and the certificates' issue
 * date and validity are counted from it.
 */
export function announcementDate(
  round: { historic: boolean; scoringClosesOn: IsoDate | null },
  announcedOn: IsoDate | undefined,
  today: IsoDate,
): IsoDate {
  if (!round.historic) {
    if (announcedOn === undefined) return today;
    throw new RuleViolationError(
      {
        vi: 'Chỉ vòng bình chọn lịch sử nhận ngày công bố do người nhập ghi; vòng này công bố hôm nay',
        en: 'Only a historic round takes a recorded announcement date; this one is announced today',
      },
      'award-round.announced-on-live-round',
      'body.announcedOn',
    );
  }
  if (announcedOn === undefined) {
    throw new RuleViolationError(
      {
        vi: 'Vòng bình chọn lịch sử cần ngày đã công bố kết quả',
        en: 'A historic round needs the day its result was announced',
      },
      'award-round.announced-on-required',
      'body.announcedOn',
    );
  }
  const earliest = round.scoringClosesOn ?? announcedOn;
  if (announcedOn < earliest || announcedOn > today) {
    throw new RuleViolationError(
      {
        vi: `Ngày công bố ${viDate(announcedOn)} phải từ ngày kết thúc chấm điểm ${viDate(earliest)} đến hôm nay`,
        en: `The announcement date ${announcedOn} must fall between the close of scoring (${earliest}) and today`,
      },
      'award-round.announced-on-outside',
      'body.announcedOn',
    );
  }
  return announcedOn;
}
