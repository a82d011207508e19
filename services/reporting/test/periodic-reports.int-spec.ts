import { randomUUID } from 'node:crypto';
import type { Principal } from '@kc/contracts';
import { central, eventually, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { ReminderSchedulerService } from '../src/application/periodic-reports/reminder-scheduler.service';
import { signedReportFile, uploadFile } from './support/attachment-files';
import { useReportingContext } from './support/reporting-context';

type View = {
  id: string;
  status: string;
  awaiting: string | null;
  platform: Record<string, number>;
  working: { entered: Record<string, number> } | null;
  differences: { cell: string; explained: boolean }[];
  versions: { number: number; submittedAt: string; onTime: boolean; daysLate: number; submittedOn: string }[];
  approvedVersion: number | null;
  reopenRequest: { id: string } | null;
  events: { kind: string }[];
  formVersion: number;
};

const FORM = 'sct-khuyen-cong-quy';
const PERIOD = '2026-Q1'; // last on-time day 15/04/2026 (a Wednesday): by the 15th of the month after
const admin: Principal = { ...central, id: 'u-central-admin', name: 'cuc.quantri', role: 'central-admin' };
const provincialSystem = (code: string, scopes: string[]): Principal => ({
  kind: 'client',
  id: `client-sct-${code}`,
  name: `He thong SCT ${code}`,
  role: 'province-officer',
  provinceCode: code,
  scopes,
});
const signedReport = signedReportFile('bao-cao-quy-1', 'bao-cao-quy-1.pdf');

/** Issue 16 against the real database: forms, the workflow's guarantees, lateness, isolation, reminders. */
describe('periodic reports of the provinces', () => {
  const context = useReportingContext('reporting_periodic_reports', { consumeEvents: false });
  const { as, db } = context;
  let clock: PeriodicReportsClock;
  const at = (instant: string) => (clock.now = () => new Date(instant));

  beforeAll(async () => {
    clock = context.service.app.get(PeriodicReportsClock);
    // The platform knows for Nghệ An (40) in 2026: one KCQG project in the plan (contents 3 and 4), two booths
    // supported at a fair certified in March, one provincial certificate issued in February.
    const project = randomUUID();
    await db.query(
      `INSERT INTO project_projection (project_id, code, title, plan_id, plan_year, plan_level, funding_source, kind,
         activity_contents, advance_category, province_code, province_as_of, start_date, end_date, status,
         status_changed_at, requested_support_vnd, counterpart_vnd, paid_vnd, registered_at)
       VALUES ($1, 'DA-40-01', 'Mô hình trình diễn', $2, 2026, 'national', 'KCQG', 'ordinary', '{3,4}',
         'model-machinery', '40', '2026-01-01', '2026-02-01', '2026-11-30', 'in-progress', now(), 900000000,
         1500000000, 200000000, now())`,
      [project, randomUUID()],
    );
    await db.query(
      `INSERT INTO allocation_projection (decision_id, project_id, funding_source, plan_id, plan_year, decision_number,
         signed_on, amount_vnd, previous_vnd)
       VALUES ($1, $2, 'KCQG', $3, 2026, '12/QĐ-BCT', '2026-01-10', 800000000, 0)`,
      [randomUUID(), project, randomUUID()],
    );
    // The money the pre-fill sums up to the period's last day: the money ledger's dated movements.
    await db.query(
      `INSERT INTO money_movement (movement_key, project_id, kind, fund, amount_vnd, moved_on, plan_year,
         province_code, province_as_of)
       VALUES ('allocation:' || $1::uuid, $1::uuid, 'allocation', 'KCQG', 800000000, '2026-01-10', 2026, '40',
               '2026-01-01'),
              ('disbursement:' || $1::uuid, $1::uuid, 'advance', 'KCQG', 200000000, '2026-03-02', 2026, '40',
               '2026-01-01')`,
      [project],
    );
    await db.query(
      `INSERT INTO booth_projection (registration_id, fair_id, fair_year, facility_tax_code, province_code,
         province_as_of, booth_count, rent_vnd, support_vnd, allocated_at, certified_at)
       VALUES ($1, $2, 2026, '2900000001', '40', '2026-03-01', 2, 24000000, 24000000,
         '2026-03-01T03:00:00Z', '2026-03-10T03:00:00Z')`,
      [randomUUID(), randomUUID()],
    );
    await db.query(
      `INSERT INTO award_certificate_projection (number, certificate_id, level, round_year, product_group,
         province_code, issued_on, valid_until)
       VALUES ('40-2026-001', $1, 'provincial', 2026, 'handicrafts', '40', '2026-02-01', '2029-12-31')`,
      [randomUUID()],
    );
  });

  const open = async (code: string, by: Principal = officer(code)) => {
    const reply = await as(by).post<View>('/api/v1/periodic-reports', {
      formId: FORM,
      period: PERIOD,
      provinceCode: code,
    });
    expect([reply.status, reply.body.code]).toEqual([201, undefined]);
    return reply.body;
  };
  /** Enters the cells the platform does not know, the narratives and the signed report. */
  const complete = async (
    id: string,
    code: string,
    by: Principal = officer(code),
    values: Record<string, number> = {},
  ) => {
    const reply = await as(by).put<View>(`/api/v1/periodic-reports/${id}/content`, {
      values: {
        ...(await as(by).get<View>(`/api/v1/periodic-reports/${id}`)).body.working!.entered,
        trainees: 120,
        brands: 2,
        demonstrationModels: 1,
        facilitiesGivenMachinery: 3,
        ...values,
      },
      narratives: { results: 'Hoàn thành tốt kế hoạch quý I', difficulties: 'Giải ngân chậm' },
      attachments: [signedReport.attachment],
    });
    expect([reply.status, reply.body.code]).toEqual([200, undefined]);
    await uploadFile(as(by), id, signedReport.bytes);
    return reply.body;
  };
  const submit = (id: string, by: Principal, key = randomUUID()) =>
    as(by).post<View>(`/api/v1/periodic-reports/${id}/submit`, undefined, { 'idempotency-key': key });

  it('serves the form catalogue and a version in full, seeded as immutable rows', async () => {
    const forms = await as(officer('40')).get<{ items: { id: string; versions: { version: number }[] }[] }>(
      '/api/v1/report-forms',
    );
    expect(forms.status).toBe(200);
    expect(forms.body.items.map((f) => f.id)).toContain(FORM);
    const version = await as(provincialSystem('40', ['reports:read'])).get<{
      cells: { key: string }[];
      deadline: { day: number };
    }>(`/api/v1/report-forms/${FORM}/versions/1`);
    expect(version.status).toBe(200);
    expect(version.body.cells.map((c) => c.key)).toContain('kcqgAllocatedVnd/content-3');
    expect(version.body.deadline.day).toBe(15);
    expect((await as(central).get(`/api/v1/report-forms/${FORM}/versions/9`)).body.code).toBe(
      'periodic-report.form-version-not-found',
    );
    await expect(
      db.query(`UPDATE report_form_version SET published_on = effective_from WHERE form_id = $1`, [FORM]),
    ).rejects.toThrow(/cannot be changed/);
  });

  it("opens a report pre-filled with the platform's figures; unknown indicators stay blank", async () => {
    at('2026-04-01T02:00:00Z');
    const report = await open('40');
    expect(report.formVersion).toBe(1);
    expect(report.platform).toMatchObject({
      'projectsApproved/content-3': 1,
      'projectsApproved/content-4': 0,
      'kcqgAllocatedVnd/content-3': 800_000_000,
      'kcqgDisbursedVnd/content-3': 200_000_000,
      counterpartVnd: 1_500_000_000,
      boothsSupported: 2,
      'productsCertified/provincial': 1,
    });
    expect(report.platform).not.toHaveProperty('trainees');
    expect(report.platform).not.toHaveProperty('demonstrationModels');
    expect(report.working!.entered).toEqual(report.platform);
    // One report per unit, form and period.
    const again = await as(officer('40')).post('/api/v1/periodic-reports', {
      formId: FORM,
      period: PERIOD,
      provinceCode: '40',
    });
    expect([again.status, again.body.code]).toEqual([409, 'periodic-report.already-open']);
  });

  it('shows a province only its own reports (404 for another unit) and lets only it draft them', async () => {
    at('2026-04-01T02:00:00Z');
    const report = await open('38');
    expect((await as(officer('40')).get(`/api/v1/periodic-reports/${report.id}`)).status).toBe(404);
    expect(
      (await as(officer('40')).put(`/api/v1/periodic-reports/${report.id}/content`, { values: {} })).status,
    ).toBe(404);
    expect((await submit(report.id, officer('40'))).status).toBe(404);
    const list = await as(officer('40')).get<{ items: { provinceCode: string }[] }>(
      `/api/v1/periodic-reports?period=${PERIOD}`,
    );
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i) => i.provinceCode === '40')).toBe(true);
    const opened = await as(officer('40')).post('/api/v1/periodic-reports', {
      formId: FORM,
      period: PERIOD,
      provinceCode: '42',
    });
    expect([opened.status, opened.body.code]).toEqual([403, 'periodic-report.reporter-only']);
    expect((await as(central).get(`/api/v1/periodic-reports/${report.id}`)).status).toBe(200);
    // Listing another unit's reports is refused, as every list of the platform refuses it.
    const otherList = await as(officer('42')).get<{ code?: string }>(
      '/api/v1/periodic-reports?provinceCode=40',
    );
    expect([otherList.status, otherList.body.code]).toEqual([403, 'auth.other-province']);
  });

  it('refuses a submission with unexplained differences, listing each one', async () => {
    at('2026-04-02T02:00:00Z');
    const { id } = (
      await as(central).get<{ items: { id: string; provinceCode: string }[] }>(
        `/api/v1/periodic-reports?provinceCode=40&period=${PERIOD}`,
      )
    ).body.items[0];
    const edited = await complete(id, '40', officer('40'), { boothsSupported: 3 });
    expect(edited.differences).toEqual([
      expect.objectContaining({ cell: 'boothsSupported', explained: false }),
    ]);
    const refused = await submit(id, officer('40'));
    expect([refused.status, refused.body.code]).toEqual([422, 'periodic-report.difference-unexplained']);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['explanations.boothsSupported']);
  });

  it('takes a submission from the province system idempotently; a submitted report cannot be edited', async () => {
    at('2026-04-10T03:00:00Z');
    const { id } = (
      await as(central).get<{ items: { id: string }[] }>(
        `/api/v1/periodic-reports?provinceCode=40&period=${PERIOD}`,
      )
    ).body.items[0];
    const system = provincialSystem('40', ['reports:read', 'reports:write']);
    await as(system).put(`/api/v1/periodic-reports/${id}/content`, {
      explanations: { boothsSupported: 'Một gian hàng do ngân sách tỉnh hỗ trợ' },
    });
    const key = randomUUID();
    const first = await submit(id, system, key);
    expect([first.status, first.body.code]).toEqual([200, undefined]);
    expect(first.body.versions).toHaveLength(1);
    expect(first.body.versions[0]).toMatchObject({ submittedAt: '2026-04-10T03:00:00.000Z', onTime: true });
    // The retry arrives later: the same answer, the first receipt time, no second version.
    at('2026-04-20T03:00:00Z');
    const retry = await submit(id, system, key);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(retry.body.versions).toEqual(first.body.versions);
    const withoutKey = await as(system).post(`/api/v1/periodic-reports/${id}/submit`);
    expect([withoutKey.status, withoutKey.body.errors?.[0]?.field]).toEqual([400, 'header.idempotency-key']);
    const noScope = await submit(id, provincialSystem('40', ['reports:read']), randomUUID());
    expect(noScope.status).toBe(403);

    const edit = await as(officer('40')).put(`/api/v1/periodic-reports/${id}/content`, {
      values: { trainees: 1 },
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'periodic-report.illegal-transition']);
    // Below the service, the database refuses too: versions are immutable, the row keeps its content.
    await expect(
      db.query(`UPDATE periodic_report_version SET content = '{}' WHERE report_id = $1`, [id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(db.query(`DELETE FROM periodic_report_version WHERE report_id = $1`, [id])).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(
      db.query(`UPDATE periodic_report SET status = 'draft', awaiting = NULL, working = '{}' WHERE id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/goes back only by a return or a withdrawal/);
  });

  it('names every bad cell and changes nothing; two concurrent retries of one submission make one version', async () => {
    at('2026-04-01T02:00:00Z');
    const report = await open('46');
    const shape = await as(officer('46')).put(`/api/v1/periodic-reports/${report.id}/content`, {
      values: { trainees: -1, brands: 1.5 },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors?.map((e) => e.field).sort()).toEqual([
      'body.values.brands',
      'body.values.trainees',
    ]);
    const rules = await as(officer('46')).put(`/api/v1/periodic-reports/${report.id}/content`, {
      values: { noSuchIndicator: 1, 'projectsApproved/content-12': 2 },
      narratives: { nope: 'x' },
    });
    expect([rules.status, rules.body.code]).toEqual([422, 'periodic-report.invalid-content']);
    expect(rules.body.errors?.map((e) => e.field).sort()).toEqual([
      'narratives.nope',
      'values.noSuchIndicator',
      'values.projectsApproved/content-12',
    ]);
    const unchanged = await as(officer('46')).get<View>(`/api/v1/periodic-reports/${report.id}`);
    expect(unchanged.body.working!.entered).toEqual(report.working!.entered);

    await complete(report.id, '46');
    at('2026-04-14T02:00:00Z');
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submit(report.id, officer('46'), key),
      submit(report.id, officer('46'), key),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort()).toEqual([
      null,
      'true',
    ]);
    const { rows } = await db.query(`SELECT number FROM periodic_report_version WHERE report_id = $1`, [
      report.id,
    ]);
    expect(rows).toEqual([{ number: 1 }]);
    const reused = await as(officer('46')).post(
      `/api/v1/periodic-reports/${randomUUID()}/submit`,
      undefined,
      {
        'idempotency-key': key,
      },
    );
    expect([reused.status, reused.body.code]).toEqual([409, 'idempotency.key-reused']);
  });

  it('computes lateness on the Vietnamese calendar day of the receipt instant', async () => {
    at('2026-04-01T02:00:00Z');
    const onTime = await open('42');
    const late = await open('44');
    await complete(onTime.id, '42');
    await complete(late.id, '44');
    at('2026-04-15T16:59:59Z'); // 23:59:59 on 15/04 in Việt Nam
    const a = await submit(onTime.id, officer('42'));
    expect(a.body.versions[0]).toMatchObject({ onTime: true, daysLate: 0, submittedOn: '2026-04-15' });
    at('2026-04-15T17:00:00Z'); // 00:00:00 on 16/04 in Việt Nam: still the 15th in UTC
    const b = await submit(late.id, officer('44'));
    expect(b.body.versions[0]).toMatchObject({ onTime: false, daysLate: 1, submittedOn: '2026-04-16' });
  });

  it('reviews, returns with a reason, approves; an approved report changes only through a recorded reopening', async () => {
    const { id } = (
      await as(central).get<{ items: { id: string }[] }>(
        `/api/v1/periodic-reports?provinceCode=42&period=${PERIOD}`,
      )
    ).body.items[0];
    at('2026-04-16T02:00:00Z');
    const provinceReview = await as(officer('42')).post(`/api/v1/periodic-reports/${id}/approve`);
    expect([provinceReview.status, provinceReview.body.code]).toEqual([
      409,
      'periodic-report.wrong-review-level',
    ]);
    const returned = await as(central).post<View>(`/api/v1/periodic-reports/${id}/return`, {
      reason: 'Thiếu số liệu nội dung 3',
    });
    expect(returned.body.status).toBe('returned');
    at('2026-04-17T02:00:00Z');
    const corrected = await submit(id, officer('42'));
    expect(corrected.body.versions.map((v) => [v.number, v.onTime])).toEqual([
      [1, true],
      [2, false],
    ]);
    const approved = await as(central).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect([approved.body.status, approved.body.approvedVersion]).toEqual(['approved', 2]);

    // Nothing but a recorded reopening moves it, not even SQL by hand.
    await expect(
      db.query(`UPDATE periodic_report SET status = 'draft', working = '{}' WHERE id = $1`, [id]),
    ).rejects.toThrow(/only through a recorded reopening/);
    const edit = await as(officer('42')).put(`/api/v1/periodic-reports/${id}/content`, {
      values: { trainees: 1 },
    });
    expect(edit.body.code).toBe('periodic-report.illegal-transition');

    const asked = await as(central).post<View>(`/api/v1/periodic-reports/${id}/reopen-requests`, {
      reason: 'Sở đề nghị điều chỉnh số gian hàng',
    });
    expect(asked.status).toBe(201);
    const requestId = asked.body.reopenRequest!.id;
    const self = await as(central).post(
      `/api/v1/periodic-reports/${id}/reopen-requests/${requestId}/approve`,
    );
    expect([self.status, self.body.code]).toEqual([422, 'periodic-report.reopen-approver']);
    const reopened = await as(admin).post<View>(
      `/api/v1/periodic-reports/${id}/reopen-requests/${requestId}/approve`,
    );
    expect([reopened.body.status, reopened.body.approvedVersion]).toEqual(['draft', 2]);
    expect(reopened.body.events.map((e) => e.kind)).toEqual([
      'opened',
      'submitted',
      'returned',
      'submitted',
      'approved',
      'reopened',
    ]);
    const {
      rows: [event],
    } = await db.query(`SELECT body FROM periodic_report_event WHERE report_id = $1 AND kind = 'reopened'`, [
      id,
    ]);
    expect(event.body).toMatchObject({ requestedBy: central.id, approvedBy: admin.id });
    // Each step's integration event went to the outbox in the step's transaction (opening and reopening stay inside).
    const { rows: outbox } = await db.query<{
      type: string;
      topic: string;
      envelope: { payload: Record<string, unknown> };
    }>(
      // Not the audit of the signed report's upload (periodic-report-files.int-spec.ts): the workflow's steps.
      `SELECT type, topic, envelope FROM outbox WHERE message_key = $1
          AND envelope -> 'payload' ->> 'action' IS DISTINCT FROM 'periodic-report.attachment-upload' ORDER BY seq`,
      [id],
    );
    expect(outbox.map((r) => r.type)).toEqual([
      'reporting.periodic-report.submitted',
      'reporting.periodic-report.returned',
      'reporting.periodic-report.submitted',
      'reporting.periodic-report.approved',
      // The reopening publishes no event but is audited through the outbox (the edge's change signal).
      'audit.record.appended',
    ]);
    expect(outbox.slice(0, 4).every((r) => r.topic === 'reporting.periodic-report.events')).toBe(true);
    expect(outbox[3].envelope.payload).toMatchObject({ version: 2, final: true, figures: { trainees: 120 } });
    expect(outbox[1].envelope.payload).toMatchObject({ reason: 'Thiếu số liệu nội dung 3', level: 'agency' });
    // The relay publishes them to the broker (polled with a deadline, not slept for).
    await eventually(async () => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS left FROM outbox WHERE message_key = $1 AND published_at IS NULL`,
        [id],
      );
      return rows[0].left === 0;
    });

    const notices = await as(officer('42')).get<{
      items: { kind: string; reportId: string; id: string; read: boolean }[];
    }>('/api/v1/notifications');
    expect(
      notices.body.items
        .filter((n) => n.reportId === id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['approved', 'returned']);
    const read = await as(officer('42')).post<{ read: boolean }>(
      `/api/v1/notifications/${notices.body.items[0].id}/read`,
    );
    expect(read.body.read).toBe(true);
    expect(
      (await as(officer('40')).post(`/api/v1/notifications/${notices.body.items[0].id}/read`)).status,
    ).toBe(404);
  });

  it('shows completeness per unit, region and nation, and the calendar of what is due', async () => {
    at('2026-04-20T02:00:00Z');
    const panel = await as(central).get<{
      nation: {
        units: number;
        onTime: { count: number };
        late: { count: number };
        overdue: { count: number };
      };
      regions: Record<string, { units: number }>;
      units: { provinceCode: string; timeliness: string }[];
    }>(`/api/v1/periodic-reports/completeness?formId=${FORM}&period=${PERIOD}`);
    expect(panel.status).toBe(200);
    expect(panel.body.nation.units).toBe(34);
    expect(
      panel.body.regions.north.units + panel.body.regions.central.units + panel.body.regions.south.units,
    ).toBe(34);
    const standing = Object.fromEntries(panel.body.units.map((u) => [u.provinceCode, u.timeliness]));
    expect(standing).toMatchObject({
      '40': 'on-time',
      '42': 'on-time',
      '46': 'on-time',
      '44': 'late',
      '38': 'overdue',
      '01': 'overdue',
    });
    expect([
      panel.body.nation.onTime.count,
      panel.body.nation.late.count,
      panel.body.nation.overdue.count,
    ]).toEqual([3, 1, 30]);

    const calendar = await as(officer('38')).get<{
      items: {
        formId: string;
        period: string;
        provinceCode: string;
        status: string;
        timeliness: string;
        daysLeft: number;
      }[];
    }>('/api/v1/periodic-reports/calendar?from=2026-04-01&to=2026-07-31');
    expect(calendar.status).toBe(200);
    expect(calendar.body.items.every((i) => i.provinceCode === '38')).toBe(true);
    expect(calendar.body.items).toContainEqual(
      expect.objectContaining({
        formId: FORM,
        period: PERIOD,
        status: 'draft',
        timeliness: 'overdue',
        daysLeft: -5,
      }),
    );
    expect(calendar.body.items).toContainEqual(
      expect.objectContaining({
        formId: 'sct-khuyen-cong-6-thang',
        period: '2026-H1',
        timeliness: 'not-yet-due',
      }),
    );
  });

  it('records each reminder once, whether the scheduler runs twice in parallel or again later', async () => {
    const scheduler = context.service.app.get(ReminderSchedulerService);
    at('2026-07-08T02:00:00Z'); // 09:00 on 08/07: 7 days before 15/07, the Q2 deadline
    const [first, second] = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    const { rows } = await db.query(
      `SELECT key FROM notice WHERE form_id = $1 AND period = '2026-Q2' AND kind = 'reminder'`,
      [FORM],
    );
    expect(rows).toHaveLength(34);
    // The six-monthly report of H1 falls due the same day: 34 more, and nothing else (older notices are stale).
    const {
      rows: [{ count }],
    } = await db.query(`SELECT count(*)::int AS count FROM notice WHERE created_at = $1`, [
      '2026-07-08T02:00:00Z',
    ]);
    expect(count).toBe(68);
    expect(first + second).toBe(68);
    expect(await scheduler.runOnce()).toBe(0);
    const mine = await as(officer('40')).get<{ items: { kind: string; period: string }[] }>(
      '/api/v1/notifications?unread=true',
    );
    expect(mine.body.items.filter((n) => n.period === '2026-Q2' && n.kind === 'reminder')).toHaveLength(1);
  });
});
