import { DomainError } from '@kc/errors';
import { workingDayCalendar } from '@kc/reference-data';
import { cellsOf, type FormDefinition } from './form-definition';
import { DEPARTMENT_QUARTERLY, IMPLEMENTING_UNIT_MONTHLY } from './forms.data';
import { parsePeriod } from './periods';
import {
  approvedContent,
  approveReport,
  countedSubmission,
  editReport,
  openReport,
  reopenReport,
  returnReport,
  submitReport,
  withdrawReport,
  workingDifferences,
  type PeriodicReport,
} from './report-workflow';

const calendar = workingDayCalendar();
const form = DEPARTMENT_QUARTERLY;
const SHA = 'a'.repeat(64);

/** The platform knows every figure it has a source for: zeros, except some money and booths. */
const platform = (): Record<string, number> => ({
  ...Object.fromEntries(
    cellsOf(form.versions[0])
      .filter((c) => c.platformSource)
      .map((c) => [c.key, 0]),
  ),
  'projectsApproved/content-3': 2,
  'kcqgAllocatedVnd/content-3': 1_200_000_000,
  boothsSupported: 24,
});

const open = (): PeriodicReport =>
  openReport({
    form,
    period: parsePeriod('2026-Q1'),
    subject: { provinceCode: '40', reporterId: '40' },
    platform: { ...platform(), 'some-other-form-figure': 7 },
    calendar,
    by: 'sct.40',
    at: '2026-03-20T08:00:00+07:00',
  });

/** A draft ready to submit: the pre-filled figures kept, the rest entered, narratives and the signed report given. */
const ready = (report = open(), f: FormDefinition = form): PeriodicReport =>
  editReport(report, f, {
    entered: { ...report.working!.entered, trainees: 120, brands: 2 },
    narratives: { results: 'Hoàn thành kế hoạch quý I', difficulties: 'Không có' },
    attachments: [
      {
        slot: 'signedReport',
        fileName: 'bao-cao-quy-1.pdf',
        mediaType: 'application/pdf',
        bytes: 48_213,
        sha256: SHA,
      },
    ],
  });

const submitted = (at = '2026-04-10T15:00:00+07:00') => submitReport(ready(), form, { by: 'sct.40', at });
const approved = () =>
  approveReport(submitted(), { by: 'cuc.canbo', at: '2026-04-20T09:00:00+07:00', level: 'agency' });

function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    if (error instanceof DomainError)
      return `${error.kind}: ${error.code}${error.field ? ` @ ${error.field}` : ''}`;
    throw error;
  }
  throw new Error('not refused');
}

describe('opening a report', () => {
  it('pins the form version in force and its deadline, and pre-fills the platform’s figures only', () => {
    const report = open();
    expect(report).toMatchObject({
      formId: form.id,
      formVersion: 1,
      period: '2026-Q1',
      status: 'draft',
      reviewChain: ['agency'],
    });
    expect(report.deadline.lastOnTimeDay).toBe('2026-04-15');
    expect(report.platform).not.toHaveProperty('some-other-form-figure');
    expect(report.working!.entered).toEqual(platform());
    expect(workingDifferences(report, form)).toEqual([]);
  });

  it('shows a changed figure as a difference beside the platform’s', () => {
    const report = editReport(open(), form, { entered: { ...platform(), boothsSupported: 27 } });
    expect(workingDifferences(report, form)).toEqual([
      expect.objectContaining({ cell: 'boothsSupported', platform: 24, entered: 27, delta: 3 }),
    ]);
  });

  it('refuses content the form does not have or values that are not whole numbers', () => {
    expect(refusal(() => editReport(open(), form, { entered: { trainees: -3 } }))).toBe(
      'rule-violated: periodic-report.invalid-content',
    );
    expect(
      refusal(() =>
        editReport(open(), form, {
          attachments: [
            {
              slot: 'signedReport',
              fileName: 'x.exe',
              mediaType: 'application/x-msdownload',
              bytes: 10,
              sha256: SHA,
            },
          ],
        }),
      ),
    ).toBe('rule-violated: periodic-report.invalid-content');
  });
});

describe('submitting', () => {
  it('freezes the content as version 1, on time up to 23:59:59 on the last day', () => {
    const report = submitted('2026-04-15T23:59:59+07:00');
    expect(report).toMatchObject({ status: 'submitted', awaiting: 'agency', working: null });
    expect(report.versions[0]).toMatchObject({
      number: 1,
      submittedBy: 'sct.40',
      lateness: { submittedOn: '2026-04-15', onTime: true, daysLate: 0 },
    });
    expect(Object.isFrozen(report.versions[0].content.entered)).toBe(true);
    expect(() => {
      (report.versions[0].content.entered as Record<string, number>).trainees = 1;
    }).toThrow(TypeError);
  });

  it('is still taken after the deadline, and marked late by Vietnamese calendar days', () => {
    expect(submitted('2026-04-16T00:00:00+07:00').versions[0].lateness).toEqual({
      submittedOn: '2026-04-16',
      onTime: false,
      daysLate: 1,
    });
    expect(submitted('2026-04-22T17:00:00Z').versions[0].lateness).toMatchObject({
      submittedOn: '2026-04-23',
      daysLate: 8,
    });
  });

  it('is refused before the quarter ends', () => {
    expect(
      refusal(() => submitReport(ready(), form, { by: 'sct.40', at: '2026-03-30T23:59:59+07:00' })),
    ).toBe('rule-violated: periodic-report.not-yet-open @ at');
  });

  it('is refused while a required figure, text or file is missing, listing each', () => {
    const incomplete = editReport(open(), form, { entered: { ...platform(), trainees: 5 } });
    let error: unknown;
    try {
      submitReport(incomplete, form, { by: 'sct.40', at: '2026-04-02T10:00:00+07:00' });
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('periodic-report.incomplete');
    expect((error as { violations: { field: string }[] }).violations.map((v) => v.field)).toEqual([
      'values.brands',
      'narratives.results',
      'narratives.difficulties',
      'attachments.signedReport',
    ]);
  });

  it('is refused while a difference from the platform is unexplained, naming the indicator; kept with its explanation', () => {
    const changed = editReport(ready(), form, {
      entered: { ...ready().working!.entered, 'kcqgAllocatedVnd/content-3': 1_150_000_000 },
    });
    let error: unknown;
    try {
      submitReport(changed, form, { by: 'sct.40', at: '2026-04-02T10:00:00+07:00' });
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('periodic-report.difference-unexplained');
    expect((error as { violations: { field: string }[] }).violations.map((v) => v.field)).toEqual([
      'explanations.kcqgAllocatedVnd/content-3',
    ]);
    const explained = editReport(changed, form, {
      explanations: {
        'kcqgAllocatedVnd/content-3': 'Điều chỉnh giảm theo quyết định số 12',
        trainees: 'không chênh lệch',
      },
    });
    const report = submitReport(explained, form, { by: 'sct.40', at: '2026-04-02T10:00:00+07:00' });
    expect(report.versions[0].content.explanations).toEqual({
      'kcqgAllocatedVnd/content-3': 'Điều chỉnh giảm theo quyết định số 12',
    });
    expect(report.versions[0].platform['kcqgAllocatedVnd/content-3']).toBe(1_200_000_000);
  });

  it('cannot edit what was submitted', () => {
    expect(refusal(() => editReport(submitted(), form, { entered: {} }))).toBe(
      'conflict: periodic-report.illegal-transition @ status',
    );
    expect(
      refusal(() => submitReport(submitted(), form, { by: 'sct.40', at: '2026-04-11T10:00:00+07:00' })),
    ).toBe('conflict: periodic-report.illegal-transition @ status');
  });
});

describe('after the deadline the submission is locked', () => {
  it('may be withdrawn by its reporter until the deadline, not after', () => {
    const withdrawn = withdrawReport(submitted(), { by: 'sct.40', at: '2026-04-15T23:59:59+07:00' });
    expect(withdrawn).toMatchObject({ status: 'draft', awaiting: null });
    expect(withdrawn.working!.entered).toEqual(withdrawn.versions[0].content.entered);
    expect(countedSubmission(withdrawn)).toBeNull();
    expect(
      refusal(() => withdrawReport(submitted(), { by: 'sct.40', at: '2026-04-16T00:00:00+07:00' })),
    ).toBe('conflict: periodic-report.locked-after-deadline @ at');
  });

  it('may not be withdrawn once a reviewer has acted', () => {
    const chain = openReport({
      form: IMPLEMENTING_UNIT_MONTHLY,
      period: parsePeriod('2026-M03'),
      subject: { provinceCode: '40', reporterId: 'ttkc-40' },
      platform: { disbursedVnd: 300_000_000 },
      calendar,
      by: 'ttkc.40',
      at: '2026-03-10T08:00:00+07:00',
    });
    const filled = editReport(chain, IMPLEMENTING_UNIT_MONTHLY, { narratives: { progress: 'Đúng tiến độ' } });
    const sent = submitReport(filled, IMPLEMENTING_UNIT_MONTHLY, {
      by: 'ttkc.40',
      at: '2026-03-20T08:00:00+07:00',
    });
    const forwarded = approveReport(sent, {
      by: 'sct.40',
      at: '2026-03-21T08:00:00+07:00',
      level: 'province',
    });
    expect(refusal(() => withdrawReport(forwarded, { by: 'ttkc.40', at: '2026-03-21T09:00:00+07:00' }))).toBe(
      'conflict: periodic-report.already-reviewed @ status',
    );
  });
});

describe('review, level by level', () => {
  const monthly = (): { report: PeriodicReport; form: FormDefinition } => {
    const f = IMPLEMENTING_UNIT_MONTHLY;
    const report = openReport({
      form: f,
      period: parsePeriod('2026-M03'),
      subject: { provinceCode: '40', reporterId: 'ttkc-40' },
      platform: { disbursedVnd: 300_000_000 },
      calendar,
      by: 'ttkc.40',
      at: '2026-03-10T08:00:00+07:00',
    });
    const filled = editReport(report, f, { narratives: { progress: 'Đúng tiến độ' } });
    return { report: submitReport(filled, f, { by: 'ttkc.40', at: '2026-03-24T23:59:59+07:00' }), form: f };
  };

  it('goes to the province, then the agency; only the last approval makes it count', () => {
    const { report } = monthly();
    expect(report).toMatchObject({ awaiting: 'province', versions: [{ lateness: { onTime: true } }] });
    expect(
      refusal(() =>
        approveReport(report, { by: 'cuc.canbo', at: '2026-03-25T08:00:00+07:00', level: 'agency' }),
      ),
    ).toBe('conflict: periodic-report.wrong-review-level @ level');
    const forwarded = approveReport(report, {
      by: 'sct.40',
      at: '2026-03-25T08:00:00+07:00',
      level: 'province',
    });
    expect(forwarded).toMatchObject({ status: 'submitted', awaiting: 'agency', approvedVersion: null });
    const done = approveReport(forwarded, {
      by: 'cuc.canbo',
      at: '2026-03-26T08:00:00+07:00',
      level: 'agency',
    });
    expect(done).toMatchObject({ status: 'approved', awaiting: null, approvedVersion: 1 });
    expect(done.events.map((e) => e.kind)).toEqual(['opened', 'submitted', 'approved', 'approved']);
  });

  it('is returned from any level with a reason; the correction is version 2 and the period stays on time', () => {
    const { report, form: f } = monthly();
    const forwarded = approveReport(report, {
      by: 'sct.40',
      at: '2026-03-25T08:00:00+07:00',
      level: 'province',
    });
    expect(
      refusal(() =>
        returnReport(forwarded, {
          by: 'cuc.canbo',
          at: '2026-03-26T08:00:00+07:00',
          level: 'agency',
          reason: ' ',
        }),
      ),
    ).toBe('rule-violated: periodic-report.reason-required @ reason');
    const returned = returnReport(forwarded, {
      by: 'cuc.canbo',
      at: '2026-03-26T08:00:00+07:00',
      level: 'agency',
      reason: 'Số giải ngân chưa khớp chứng từ',
    });
    expect(returned).toMatchObject({ status: 'returned', awaiting: null });
    const corrected = editReport(returned, f, {
      entered: { disbursedVnd: 280_000_000 },
      explanations: { disbursedVnd: 'Một chứng từ bị trả lại' },
    });
    const resent = submitReport(corrected, f, { by: 'ttkc.40', at: '2026-03-30T08:00:00+07:00' });
    expect(resent.versions.map((v) => [v.number, v.lateness.onTime, v.content.entered.disbursedVnd])).toEqual(
      [
        [1, true, 300_000_000],
        [2, false, 280_000_000],
      ],
    );
    expect(resent.awaiting).toBe('province');
    expect(countedSubmission(resent)?.number).toBe(1);
  });

  it('is never reviewed by the person who submitted it', () => {
    const { report } = monthly();
    expect(
      refusal(() =>
        approveReport(report, { by: 'ttkc.40', at: '2026-03-25T08:00:00+07:00', level: 'province' }),
      ),
    ).toBe('rule-violated: periodic-report.self-review @ by');
  });

  it('records steps in time order only', () => {
    expect(
      refusal(() =>
        approveReport(submitted(), { by: 'cuc.canbo', at: '2026-04-10T07:59:59Z', level: 'agency' }),
      ),
    ).toBe('rule-violated: periodic-report.time-out-of-order @ at');
  });
});

describe('reopening an approved report', () => {
  const request = {
    requestedBy: 'sct.40',
    reason: 'Bổ sung số liệu nghiệm thu muộn',
    at: '2026-05-04T09:00:00+07:00',
  };

  it('needs a reason and an approver other than the person asking', () => {
    expect(refusal(() => reopenReport(approved(), { ...request, approvedBy: 'sct.40' }))).toBe(
      'rule-violated: periodic-report.reopen-approver @ approvedBy',
    );
    expect(refusal(() => reopenReport(approved(), { ...request, approvedBy: '' }))).toBe(
      'rule-violated: periodic-report.reopen-approver @ approvedBy',
    );
    expect(
      refusal(() => reopenReport(approved(), { ...request, reason: '', approvedBy: 'cuc.truong' })),
    ).toBe('rule-violated: periodic-report.reason-required @ reason');
    expect(refusal(() => reopenReport(submitted(), { ...request, approvedBy: 'cuc.truong' }))).toBe(
      'conflict: periodic-report.illegal-transition @ status',
    );
  });

  it('keeps the approved version counting until the correction is approved, and keeps every version', () => {
    const reopened = reopenReport(approved(), { ...request, approvedBy: 'cuc.truong' });
    expect(reopened).toMatchObject({ status: 'draft', approvedVersion: 1 });
    expect(reopened.events.at(-1)).toEqual({
      kind: 'reopened',
      version: 1,
      ...request,
      approvedBy: 'cuc.truong',
    });
    const v1 = approvedContent(reopened);
    const fixed = editReport(reopened, form, { entered: { ...reopened.working!.entered, trainees: 135 } });
    const resent = submitReport(fixed, form, { by: 'sct.40', at: '2026-05-05T09:00:00+07:00' });
    expect(approvedContent(resent)).toBe(v1);
    const reapproved = approveReport(resent, {
      by: 'cuc.canbo',
      at: '2026-05-06T09:00:00+07:00',
      level: 'agency',
    });
    expect(reapproved.approvedVersion).toBe(2);
    expect(reapproved.versions.map((v) => v.content.entered.trainees)).toEqual([120, 135]);
    expect(countedSubmission(reapproved)?.lateness.onTime).toBe(true);
  });
});

describe('a new form version', () => {
  it('does not change a report opened under the old one', () => {
    const v1 = form.versions[0];
    const stricter = {
      ...v1,
      version: 2,
      effectiveFrom: '2026-03-25',
      publishedOn: '2026-03-25',
      narratives: v1.narratives.map((n) => ({ ...n, required: true })),
    };
    const republished: FormDefinition = { ...form, versions: [v1, stricter] };
    const at = '2026-04-02T10:00:00+07:00';
    // A report opened now falls under version 2, where the proposals are required too…
    const underV2 = ready(
      openReport({
        form: republished,
        period: parsePeriod('2026-Q1'),
        subject: { provinceCode: '01', reporterId: '01' },
        platform: platform(),
        calendar,
        by: 'sct.01',
        at: '2026-03-26T08:00:00+07:00',
      }),
      republished,
    );
    expect(underV2.formVersion).toBe(2);
    expect(refusal(() => submitReport(underV2, republished, { by: 'sct.01', at }))).toBe(
      'rule-violated: periodic-report.incomplete',
    );
    // …while the report opened under version 1 before it was published keeps version 1's rules.
    const sent = submitReport(ready(), republished, { by: 'sct.40', at });
    expect([sent.status, sent.formVersion]).toEqual(['submitted', 1]);
    expect(refusal(() => submitReport(ready(), { ...form, id: 'another-form' }, { by: 'sct.40', at }))).toBe(
      'conflict: periodic-report.form-version-mismatch @ formVersion',
    );
  });
});
