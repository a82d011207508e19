import { workingDayCalendar } from '@kc/reference-data';
import { DEPARTMENT_QUARTERLY, IMPLEMENTING_UNIT_MONTHLY } from './forms.data';
import { cellsOf, versionInForce } from './form-definition';
import { parsePeriod } from './periods';
import { replayRecordedReport, sameRecordedHistory, type RecordedVersion } from './report-history';
import { countedSubmission } from './report-workflow';

const period = parsePeriod('2026-Q1'); // last on-time day 15/04/2026
const platform = Object.fromEntries(
  cellsOf(versionInForce(DEPARTMENT_QUARTERLY, period))
    .filter((c) => c.platformSource && !/demonstrationModels|machinery/i.test(c.platformSource))
    .map((c) => [c.key, 0]),
);
const sent = (submittedAt: string, extra: Partial<RecordedVersion> = {}): RecordedVersion => ({
  values: { demonstrationModels: 1, facilitiesGivenMachinery: 2, trainees: 90, brands: 1 },
  narratives: { results: 'Đạt kế hoạch', difficulties: 'Không' },
  attachments: [
    {
      slot: 'signedReport',
      fileName: 'q1.pdf',
      mediaType: 'application/pdf',
      bytes: 1000,
      sha256: 'c'.repeat(64),
    },
  ],
  submittedAt,
  submittedBy: 'Lê Văn Cường',
  ...extra,
});
const replay = (versions: RecordedVersion[], form = DEPARTMENT_QUARTERLY) =>
  replayRecordedReport({
    form,
    period: form === DEPARTMENT_QUARTERLY ? period : parsePeriod('2026-M03'),
    subject: { provinceCode: '40', reporterId: '40' },
    platform,
    calendar: workingDayCalendar(),
    versions,
    now: '2026-06-01T00:00:00+07:00',
  });
const refusal = (versions: RecordedVersion[], form = DEPARTMENT_QUARTERLY) => {
  try {
    replay(versions, form);
    return null;
  } catch (error) {
    const e = error as { code: string; field?: string; violations?: { field: string }[] };
    return [e.code, e.field ?? e.violations?.[0]?.field];
  }
};
const approved = { outcome: 'approved' as const, at: '2026-04-20T09:00:00+07:00', by: 'Cục' };

describe('reports recorded from history', () => {
  it('computes lateness from the recorded instant, on the Vietnamese day', () => {
    expect(countedSubmission(replay([sent('2026-04-15T16:59:59Z')]))!.lateness).toMatchObject({
      onTime: true,
    });
    const late = replay([
      sent('2026-04-15T17:00:00Z', { review: { ...approved, at: '2026-04-21T09:00:00+07:00' } }),
    ]);
    expect([late.status, countedSubmission(late)!.lateness.daysLate]).toEqual(['approved', 1]);
  });

  it('judges a returned and corrected report by its first submission', () => {
    const report = replay([
      sent('2026-04-14T09:00:00+07:00', {
        review: { outcome: 'returned', at: '2026-04-16T09:00:00+07:00', by: 'Cục', reason: 'Thiếu số liệu' },
      }),
      sent('2026-04-18T09:00:00+07:00', { review: { ...approved, at: '2026-04-22T09:00:00+07:00' } }),
    ]);
    expect(report.events.map((e) => e.kind)).toEqual([
      'opened',
      'submitted',
      'returned',
      'submitted',
      'approved',
    ]);
    expect(report.versions.map((v) => v.lateness.onTime)).toEqual([true, false]);
    expect(countedSubmission(report)!.number).toBe(1);
  });

  it('refuses the future, steps out of order, a next version without a return, two-level forms', () => {
    expect(refusal([sent('2026-06-02T09:00:00+07:00')])).toEqual([
      'periodic-report.history-in-future',
      'versions[0].submittedAt',
    ]);
    expect(
      refusal([
        sent('2026-04-14T09:00:00+07:00', { review: { ...approved, at: '2026-04-13T09:00:00+07:00' } }),
      ]),
    ).toEqual(['periodic-report.time-out-of-order', 'versions[0].review.at']);
    expect(
      refusal([sent('2026-04-14T09:00:00+07:00', { review: approved }), sent('2026-04-25T09:00:00+07:00')]),
    ).toEqual(['periodic-report.returned-before-next-version', 'versions[0].review']);
    expect(refusal([sent('2026-04-14T09:00:00+07:00', { values: { trainees: 1 } })])).toEqual([
      'periodic-report.incomplete',
      'versions[0].values.demonstrationModels',
    ]);
    expect(refusal([sent('2026-03-20T09:00:00+07:00')], IMPLEMENTING_UNIT_MONTHLY)).toEqual([
      'periodic-report.history-form',
      'formId',
    ]);
  });

  it('tells an identical record from a different one, whatever the platform column', () => {
    const versions = [sent('2026-04-14T09:00:00+07:00', { review: approved })];
    const held = { ...replay(versions), platform: { boothsSupported: 7 } };
    expect(sameRecordedHistory(held, versions)).toBe(true);
    expect(sameRecordedHistory(held, [{ ...versions[0], submittedAt: '2026-04-14T02:00:00Z' }])).toBe(true);
    expect(sameRecordedHistory(held, [{ ...versions[0], submittedAt: '2026-04-14T10:00:00+07:00' }])).toBe(
      false,
    );
    expect(sameRecordedHistory(held, [{ ...versions[0], values: { trainees: 91 } }])).toBe(false);
    expect(sameRecordedHistory(held, [{ ...versions[0], review: undefined }])).toBe(false);
  });
});
