import { workingDayCalendar } from '@kc/reference-data';
import { deadlineOf } from './deadlines';
import { DEPARTMENT_QUARTERLY } from './forms.data';
import { parsePeriod } from './periods';
import { defaultReminderPolicy, noticeKey, noticeSchedule, unsent } from './reminders';

const deadline = deadlineOf(
  parsePeriod('2026-Q1'),
  DEPARTMENT_QUARTERLY.versions[0].deadline,
  workingDayCalendar(),
);
const target = { formId: DEPARTMENT_QUARTERLY.id, period: '2026-Q1', provinceCode: '40' };
const schedule = (submittedAt: string | null, through = '2026-12-31') =>
  noticeSchedule({ deadline, policy: defaultReminderPolicy, target, submittedAt, through });

describe('reminders and notices', () => {
  it('remind 7 and 2 days before, on the day, then every 3 days until 10 notices after', () => {
    const notices = schedule(null);
    expect(notices.map((n) => [n.kind, n.day])).toEqual([
      ['reminder', '2026-04-08'],
      ['reminder', '2026-04-13'],
      ['due-today', '2026-04-15'],
      ...['04-18', '04-21', '04-24', '04-27', '04-30', '05-03', '05-06', '05-09', '05-12', '05-15'].map(
        (d) => ['overdue', `2026-${d}`],
      ),
    ]);
    expect(notices[0]).toMatchObject({ sendAt: '2026-04-08T08:00:00+07:00', offset: -7 });
  });

  it('stop once the report is in: a notice due at or after the submission is not sent', () => {
    expect(
      schedule('2026-04-19T10:00:00+07:00')
        .map((n) => n.day)
        .at(-1),
    ).toBe('2026-04-18');
    expect(schedule('2026-04-15T08:00:00+07:00').map((n) => n.kind)).toEqual(['reminder', 'reminder']);
    expect(schedule('2026-04-15T08:00:01+07:00').map((n) => n.kind)).toEqual([
      'reminder',
      'reminder',
      'due-today',
    ]);
    expect(schedule('2026-04-01T09:00:00+07:00')).toEqual([]);
  });

  it('list only what is due by the scheduler’s day', () => {
    expect(schedule(null, '2026-04-14').map((n) => n.day)).toEqual(['2026-04-08', '2026-04-13']);
  });

  it('give each notice one key, the same every time it is computed, so none is sent twice', () => {
    const first = schedule(null);
    expect(new Set(first.map((n) => n.key)).size).toBe(first.length);
    expect(schedule(null).map((n) => n.key)).toEqual(first.map((n) => n.key));
    expect(first[2].key).toBe('periodic-report:sct-khuyen-cong-quy:2026-Q1:40:due-today:2026-04-15');
    expect(noticeKey({ ...target, provinceCode: '01' }, 'due-today', '2026-04-15')).not.toBe(first[2].key);
    // A reporter inside the unit (a project, a facility) has keys of its own; the unit's report keeps its keys.
    expect(noticeKey({ ...target, reporterId: '2900000001' }, 'due-today', '2026-04-15')).toBe(
      'periodic-report:sct-khuyen-cong-quy:2026-Q1:40:2900000001:due-today:2026-04-15',
    );
    const sent = new Set(first.slice(0, 3).map((n) => n.key));
    expect(unsent(schedule(null, '2026-04-21'), sent).map((n) => n.day)).toEqual([
      '2026-04-18',
      '2026-04-21',
    ]);
  });

  it('refuse a policy that cannot be followed', () => {
    expect(() =>
      noticeSchedule({
        deadline,
        policy: { ...defaultReminderPolicy, overdueEvery: 0 },
        target,
        submittedAt: null,
        through: '2026-12-31',
      }),
    ).toThrow(RangeError);
    expect(() =>
      noticeSchedule({
        deadline,
        policy: { ...defaultReminderPolicy, sendAt: '8:00' },
        target,
        submittedAt: null,
        through: '2026-12-31',
      }),
    ).toThrow(RangeError);
  });
});
