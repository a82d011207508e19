import type { Principal } from '@kc/contracts';
import {
  announcementDate,
  assertHistoricSchedule,
  assertMayRunHistoric,
  entryReceivedOn,
} from './historic-round';

const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return `${(error as { code: string }).code} @ ${(error as { field: string }).field}`;
  }
};
const today = '2026-12-07';
const schedule2018 = {
  entriesOpenOn: '2018-05-02',
  entriesCloseOn: '2018-07-31',
  scoringClosesOn: '2018-09-14',
};
const historic = { historic: true, scoringClosesOn: schedule2018.scoringClosesOn };
const live = { historic: false, scoringClosesOn: '2026-12-31' };

describe('historic rounds', () => {
  it('are the agency’s alone', () => {
    expect(codeOf(() => assertMayRunHistoric({ role: 'central-officer' }))).toBeNull();
    for (const role of ['province-officer', 'business', 'juror'] as Principal['role'][]) {
      expect(codeOf(() => assertMayRunHistoric({ role }))).toBe(
        'award-round.historic-agency-only @ historic',
      );
    }
  });

  it('have a schedule whose scoring closed before today', () => {
    expect(codeOf(() => assertHistoricSchedule(schedule2018, today))).toBeNull();
    expect(codeOf(() => assertHistoricSchedule(null, today))).toBe(
      'award-round.historic-needs-schedule @ schedule',
    );
    expect(codeOf(() => assertHistoricSchedule({ ...schedule2018, scoringClosesOn: today }, today))).toBe(
      'award-round.historic-schedule-not-past @ schedule.scoringClosesOn',
    );
  });

  it('take entries on their recorded day; a live round takes today and refuses a date', () => {
    expect(entryReceivedOn(historic, '2018-06-20', today)).toBe('2018-06-20');
    expect(codeOf(() => entryReceivedOn(historic, undefined, today))).toBe(
      'award-entry.submitted-on-required @ submittedOn',
    );
    expect(entryReceivedOn(live, undefined, today)).toBe(today);
    expect(codeOf(() => entryReceivedOn(live, '2026-12-01', today))).toBe(
      'award-entry.submitted-on-live-round @ submittedOn',
    );
  });

  it('are announced on the recorded day, between the close of scoring and today', () => {
    expect(announcementDate(historic, '2018-09-14', today)).toBe('2018-09-14');
    expect(announcementDate(historic, '2018-10-05', today)).toBe('2018-10-05');
    for (const [on, code] of [
      [undefined, 'award-round.announced-on-required'],
      ['2018-09-13', 'award-round.announced-on-outside'],
      ['2026-12-08', 'award-round.announced-on-outside'],
    ] as const) {
      expect(codeOf(() => announcementDate(historic, on, today))).toBe(`${code} @ body.announcedOn`);
    }
    expect(announcementDate(live, undefined, today)).toBe(today);
    expect(codeOf(() => announcementDate(live, '2026-12-01', today))).toBe(
      'award-round.announced-on-live-round @ body.announcedOn',
    );
  });
});
