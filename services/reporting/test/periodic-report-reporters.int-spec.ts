import { randomUUID } from 'node:crypto';
import type { CompletenessView, Principal, ReportCalendarView } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { ReminderSchedulerService } from '../src/application/periodic-reports/reminder-scheduler.service';
import { useReportingContext } from './support/reporting-context';

type View = {
  id: string;
  status: string;
  awaiting: string | null;
  reporterId: string;
  provinceCode: string;
  working: { entered: Record<string, number> } | null;
  platform: Record<string, number>;
  versions: { onTime: boolean; daysLate: number }[];
  code?: string;
};

const MONTHLY = 'don-vi-thuc-hien-thang';
const HOLDERS = 'chu-giay-chung-nhan-nam';
const MARCH = '2026-M03'; // last on-time day 24/03/2026: "before the 25th", not moved

// The projects reporting's projection knows (plan 2026 unless told), and what each owes for March 2026.
const P1 = randomUUID(); // Nghệ An, under contract since February: owes March
const P2 = randomUUID(); // Nghệ An, the same centre's second project, signed 05/03: owes March too
const P3 = randomUUID(); // Nghệ An, signed 26/03, after the report day: owes April first
const P4 = randomUUID(); // Nghệ An, in the plan without a contract: owes nothing
const P5 = randomUUID(); // Hồ Chí Minh City, under contract: owes March — until it is stopped on 05/03
const P6 = randomUUID(); // Đà Nẵng, stopped on 10/03 before the report day: owes no March report
const P7 = randomUUID(); // recorded under Nam Định (36) in 2025, extended into 2026: Ninh Bình (37) owes March
const P8 = randomUUID(); // Huế, signed 12/03 — known only later in the month

const sctLead: Principal = { ...officer('40'), id: 'u-sct-40-lanh-dao', name: 'sct.40.lanhdao' };
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'khach', role: 'viewer', scopes: [] };

/**
 * Issue 16, the reporters besides the departments: the implementing units' monthly progress report (one per
 * project in execution, filed by the province, reviewed by the province then the agency) and the certificate
 * holders' annual report (one per holding facility, filed by the business itself, reviewed by the province).
 */
describe('periodic reports of implementing units and certificate holders', () => {
  const context = useReportingContext('reporting_periodic_reporters', { consumeEvents: false });
  const { as, db } = context;
  let clock: PeriodicReportsClock;
  const at = (instant: string) => (clock.now = () => new Date(instant));

  const project = (
    id: string,
    over: {
      province?: string;
      asOf?: string;
      planYear?: number;
      status?: string;
      start?: string;
      end?: string;
      contracted?: string | null;
      stopped?: string | null;
    } = {},
  ) =>
    db.query(
      `INSERT INTO project_projection (project_id, code, title, plan_id, plan_year, plan_level, funding_source, kind,
         activity_contents, advance_category, province_code, province_as_of, start_date, end_date, status,
         status_changed_at, requested_support_vnd, counterpart_vnd, contracted_on, contract_value_vnd, stopped_on,
         registered_at)
       VALUES ($1, $2, 'Đề án khuyến công', $3, $4, 'national', 'KCQG', 'ordinary', '{3}', 'model-machinery', $5,
         $6, $7, $8, $9, '2026-01-15T02:00:00Z', 500000000, 200000000, $10, CASE WHEN $10::date IS NULL THEN NULL ELSE 450000000 END, $11, '2026-01-05T02:00:00Z')`,
      [
        id,
        `DA-${id.slice(0, 8)}`,
        randomUUID(),
        over.planYear ?? 2026,
        over.province ?? '40',
        over.asOf ?? '2026-01-01',
        over.start ?? '2026-02-01',
        over.end ?? '2026-11-30',
        over.status ?? 'in-progress',
        over.contracted === undefined ? '2026-02-10' : over.contracted,
        over.stopped ?? null,
      ],
    );
  const certificate = (
    number: string,
    holder: [string, string] | null,
    province: string,
    issued: string,
    until: string,
  ) =>
    db.query(
      `INSERT INTO award_certificate_projection (number, certificate_id, level, round_year, product_group,
         province_code, issued_on, valid_until, holder_tax_code, holder_name)
       VALUES ($1, $2, 'provincial', $3, 'handicraft', $4, $5, $6, $7, $8)`,
      [
        number,
        randomUUID(),
        Number(issued.slice(0, 4)),
        province,
        issued,
        until,
        holder?.[0] ?? null,
        holder?.[1] ?? null,
      ],
    );

  beforeAll(async () => {
    clock = context.service.app.get(PeriodicReportsClock);
    await project(P1);
    await project(P2, { start: '2026-03-01', contracted: '2026-03-05' });
    await project(P3, { start: '2026-03-01', contracted: '2026-03-26', status: 'contracted' });
    await project(P4, { contracted: null, status: 'in-plan' });
    await project(P5, { province: '79', contracted: '2026-01-20' });
    await project(P6, { province: '48', status: 'stopped', stopped: '2026-03-10' });
    await project(P7, {
      province: '36',
      asOf: '2025-01-01',
      planYear: 2025,
      start: '2025-09-01',
      end: '2026-06-30',
      contracted: '2025-10-01',
      status: 'extended',
    });
    // Certificates valid in 2025: two Nghệ An facilities, one expired before it, one whose holder is not known.
    await certificate(
      '40-2024-001',
      ['2900000001', 'HTX Mây tre đan Nghệ An'],
      '40',
      '2024-06-01',
      '2026-12-31',
    );
    await certificate(
      '40-2025-002',
      ['2900000002', 'Cơ sở nón lá Nghệ An'],
      '40',
      '2025-05-01',
      '2027-12-31',
    );
    await certificate('01-2021-001', ['0100000003', 'Cơ sở gốm Hà Nội'], '01', '2021-05-01', '2024-12-31');
    await certificate('38-2024-009', null, '38', '2024-09-01', '2026-12-31');
    // P1's money as the ledger dates it: an advance in February, a payment in March, one in April (not March's).
    for (const [key, project, kind, amount, on] of [
      ['p1-advance', P1, 'advance', 120_000_000, '2026-02-20'],
      ['p1-march', P1, 'payment', 80_000_000, '2026-03-18'],
      ['p1-april', P1, 'payment', 50_000_000, '2026-04-03'],
      ['p2-advance', P2, 'advance', 90_000_000, '2026-03-06'],
    ] as const)
      await db.query(
        `INSERT INTO money_movement (movement_key, project_id, kind, fund, amount_vnd, moved_on, plan_year,
           province_code, province_as_of)
         VALUES ($1, $2, $3, 'KCQG', $4, $5, 2026, '40', '2026-01-01')`,
        [key, project, kind, amount, on],
      );
  });

  const panel = (form: string, period: string, by: Principal = central, provinceCode?: string) =>
    as(by).get<CompletenessView>(
      `/api/v1/periodic-reports/completeness?formId=${form}&period=${period}` +
        (provinceCode ? `&provinceCode=${provinceCode}` : ''),
    );
  const openFor = (by: Principal, body: Record<string, string>) =>
    as(by).post<View>('/api/v1/periodic-reports', body);
  const submit = (id: string, by: Principal) =>
    as(by).post<View>(`/api/v1/periodic-reports/${id}/submit`, undefined, {
      'idempotency-key': randomUUID(),
    });
  /** Files a project's March progress report as the province (the figures the platform has, or ours). */
  const fileProgress = async (projectId: string, provinceCode: string) => {
    const opened = await openFor(officer(provinceCode), {
      formId: MONTHLY,
      period: MARCH,
      provinceCode,
      reporterId: projectId,
    });
    expect([opened.status, opened.body.code]).toEqual([201, undefined]);
    const edited = await as(officer(provinceCode)).put<View>(
      `/api/v1/periodic-reports/${opened.body.id}/content`,
      {
        values: { disbursedVnd: opened.body.working!.entered.disbursedVnd ?? 150_000_000, trainees: 40 },
        narratives: { progress: 'Đã lắp đặt thiết bị, đang chạy thử' },
      },
    );
    expect([edited.status, edited.body.code]).toEqual([200, undefined]);
    const sent = await submit(opened.body.id, officer(provinceCode));
    expect([sent.status, sent.body.code]).toEqual([200, undefined]);
    return sent.body;
  };

  it('expects a progress report from each project in execution in the month, and follows the projects', async () => {
    at('2026-03-02T02:00:00Z');
    const first = await panel(MONTHLY, MARCH);
    expect(first.status).toBe(200);
    expect(first.body.reporter).toBe('implementing-unit');
    expect(first.body.reporters.map((r) => r.reporterId).sort()).toEqual([P1, P2, P5, P7].sort());
    expect(first.body.reporters.find((r) => r.reporterId === P7)).toMatchObject({
      provinceCode: '37',
      regionCode: 'north',
      timeliness: 'not-yet-due',
    });
    const unitsOf = (view: CompletenessView, code: string) =>
      view.provinces.find((p) => p.provinceCode === code)!.counts.units;
    expect([unitsOf(first.body, '40'), unitsOf(first.body, '37'), unitsOf(first.body, '79')]).toEqual([
      2, 1, 1,
    ]);

    // The province sees its own projects in its calendar, not another province's.
    const calendar = await as(officer('40')).get<ReportCalendarView>(
      '/api/v1/periodic-reports/calendar?from=2026-03-01&to=2026-03-31',
    );
    expect(calendar.status).toBe(200);
    expect(
      calendar.body.items
        .filter((i) => i.formId === MONTHLY)
        .map((i) => i.reporterId)
        .sort(),
    ).toEqual([P1, P2].sort());
    expect(calendar.body.items.every((i) => i.provinceCode === '40')).toBe(true);

    // Who owes nothing cannot open one; a project files in its own unit.
    const notYet = await openFor(officer('40'), {
      formId: MONTHLY,
      period: MARCH,
      provinceCode: '40',
      reporterId: P3,
    });
    expect([notYet.status, notYet.body.code]).toEqual([422, 'periodic-report.reporter-not-expected']);
    const elsewhere = await openFor(officer('40'), {
      formId: MONTHLY,
      period: MARCH,
      provinceCode: '40',
      reporterId: P5,
    });
    expect([elsewhere.status, elsewhere.body.code]).toEqual([422, 'periodic-report.reporter-unit']);
    const noReporter = await openFor(officer('40'), { formId: MONTHLY, period: MARCH, provinceCode: '40' });
    expect([noReporter.status, noReporter.body.code]).toEqual([422, 'periodic-report.reporter-id-required']);

    // The projects move on: P5 is stopped before the report day, P8 (Huế) is signed on 12/03.
    await db.query(
      `UPDATE project_projection SET status = 'stopped', stopped_on = '2026-03-05' WHERE project_id = $1`,
      [P5],
    );
    await project(P8, { province: '46', start: '2026-03-01', contracted: '2026-03-12' });
    const later = await panel(MONTHLY, MARCH);
    expect(later.body.reporters.map((r) => r.reporterId).sort()).toEqual([P1, P2, P7, P8].sort());
    expect([unitsOf(later.body, '79'), unitsOf(later.body, '46'), later.body.regions.central.units]).toEqual([
      0, 1, 1,
    ]);
  });

  it('has the province file its implementing unit’s report, review it, then the agency approve it', async () => {
    at('2026-03-20T02:00:00Z');
    const report = await fileProgress(P1, '40');
    // Pre-filled with what was disbursed on this project up to 31 March, not the province's nor April's.
    expect(report.platform.disbursedVnd).toBe(200_000_000);
    expect([report.status, report.awaiting, report.reporterId, report.versions[0].onTime]).toEqual([
      'submitted',
      'province',
      P1,
      true,
    ]);
    const id = report.id;
    // The agency waits for the province; the filer never reviews its own report; another unit does not see it.
    const early = await as(central).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect([early.status, early.body.code]).toEqual([409, 'periodic-report.wrong-review-level']);
    const own = await as(officer('40')).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect(own.body.code).toBe('periodic-report.self-review');
    expect((await as(officer('38')).post(`/api/v1/periodic-reports/${id}/approve`)).status).toBe(404);
    expect((await as(business('2900000001')).get(`/api/v1/periodic-reports/${id}`)).status).toBe(404);

    at('2026-03-21T02:00:00Z');
    const reviewed = await as(sctLead).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect([reviewed.status, reviewed.body.status, reviewed.body.awaiting]).toEqual([
      200,
      'submitted',
      'agency',
    ]);
    at('2026-03-23T02:00:00Z');
    const approved = await as(central).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
  });

  it('counts each province’s reporters, and adds them up per region and for the nation', async () => {
    at('2026-03-26T02:00:00Z');
    await fileProgress(P2, '40'); // two days late, awaiting the province
    at('2026-03-28T02:00:00Z');
    const { body } = await panel(MONTHLY, MARCH);
    expect(body.units).toEqual([]);
    expect(body.provinces).toHaveLength(34);
    const of = (code: string) => body.provinces.find((p) => p.provinceCode === code)!.counts;
    expect([of('40').units, of('40').onTime.count, of('40').late.count, of('40').approved.count]).toEqual([
      2, 1, 1, 1,
    ]);
    expect([of('37').overdue.count, of('46').overdue.count]).toEqual([1, 1]);
    expect([
      body.nation.units,
      body.nation.onTime.count,
      body.nation.late.count,
      body.nation.overdue.count,
      body.nation.awaitingProvince.count,
      body.nation.approved.count,
    ]).toEqual([4, 1, 1, 2, 1, 1]);
    const regions = Object.values(body.regions);
    for (const key of [
      'submitted',
      'onTime',
      'late',
      'overdue',
      'notYetDue',
      'approved',
      'awaitingProvince',
    ] as const) {
      const provinces = body.provinces.reduce((sum, p) => sum + p.counts[key].count, 0);
      const byRegion = regions.reduce((sum, c) => sum + c[key].count, 0);
      expect([key, provinces, byRegion]).toEqual([key, body.nation[key].count, body.nation[key].count]);
    }
    expect(body.provinces.reduce((sum, p) => sum + p.counts.units, 0)).toBe(body.nation.units);
    expect(regions.reduce((sum, c) => sum + c.units, 0)).toBe(body.nation.units);
    // Each province's counts sit in its region.
    expect(body.regions.central.units).toBe(
      body.provinces.filter((p) => p.regionCode === 'central').reduce((sum, p) => sum + p.counts.units, 0),
    );

    // Who reported what: a unit sees its own rows, the agency one unit on asking, a viewer the counts only.
    const mine = await panel(MONTHLY, MARCH, officer('40'));
    expect(mine.body.reporters.map((r) => r.reporterId).sort()).toEqual([P1, P2].sort());
    expect(mine.body.nation.units).toBe(4);
    expect((await panel(MONTHLY, MARCH, central, '37')).body.reporters.map((r) => r.reporterId)).toEqual([
      P7,
    ]);
    const seen = await panel(MONTHLY, MARCH, viewer);
    expect([seen.status, seen.body.reporters, seen.body.nation.units]).toEqual([200, [], 4]);
  });

  it('lets a certificate holder file its own annual report, hidden from another holder, reviewed by the province', async () => {
    at('2026-01-20T02:00:00Z');
    const holder = business('2900000001');
    const other = business('2900000002');
    const calendar = await as(holder).get<ReportCalendarView>(
      '/api/v1/periodic-reports/calendar?from=2026-01-01&to=2026-03-31',
    );
    expect(
      calendar.body.items.map((i) => [i.formId, i.period, i.reporterId, i.provinceCode, i.status]),
    ).toEqual([[HOLDERS, '2025-Y', '2900000001', '40', 'not-opened']]);

    const body = { formId: HOLDERS, period: '2025-Y', provinceCode: '40', reporterId: '2900000001' };
    const forOther = await openFor(holder, { ...body, reporterId: '2900000002' });
    expect([forOther.status, forOther.body.code]).toEqual([403, 'periodic-report.reporter-only']);
    const byProvince = await openFor(officer('40'), body);
    expect([byProvince.status, byProvince.body.code]).toEqual([403, 'periodic-report.reporter-only']);
    const expired = await openFor(business('0100000003'), {
      ...body,
      provinceCode: '01',
      reporterId: '0100000003',
    });
    expect([expired.status, expired.body.code]).toEqual([422, 'periodic-report.reporter-not-expected']);

    const opened = await openFor(holder, body);
    expect([opened.status, opened.body.code]).toEqual([201, undefined]);
    const id = opened.body.id;
    const edited = await as(holder).put<View>(`/api/v1/periodic-reports/${id}/content`, {
      values: { revenueVnd: 1_250_000_000, workers: 35 },
      narratives: { changes: 'Mở rộng mẫu mã giỏ mây' },
    });
    expect([edited.status, edited.body.code]).toEqual([200, undefined]);
    const sent = await submit(id, holder);
    expect([sent.status, sent.body.status, sent.body.awaiting, sent.body.versions[0].onTime]).toEqual([
      200,
      'submitted',
      'province',
      true,
    ]);

    // Another holder neither sees nor touches it, nor finds it in its list.
    expect((await as(other).get(`/api/v1/periodic-reports/${id}`)).status).toBe(404);
    expect(
      (await as(other).put(`/api/v1/periodic-reports/${id}/content`, { values: { workers: 1 } })).status,
    ).toBe(404);
    expect((await as(other).get<{ total: number }>('/api/v1/periodic-reports')).body.total).toBe(0);
    expect((await as(holder).get<{ total: number }>('/api/v1/periodic-reports')).body.total).toBe(1);

    // The province reviews (the only level of this form): approved, and the holder is told.
    at('2026-01-22T02:00:00Z');
    const approved = await as(officer('40')).post<View>(`/api/v1/periodic-reports/${id}/approve`);
    expect([approved.status, approved.body.status]).toEqual([200, 'approved']);
    const told = await as(holder).get<{ items: { kind: string; reporterId: string | null }[] }>(
      '/api/v1/notifications',
    );
    expect(told.body.items).toEqual([
      expect.objectContaining({ kind: 'approved', reporterId: '2900000001' }),
    ]);
    expect((await as(other).get<{ total: number }>('/api/v1/notifications')).body.total).toBe(0);

    const holders = await panel(HOLDERS, '2025-Y');
    expect([
      holders.body.nation.units,
      holders.body.nation.onTime.count,
      holders.body.nation.approved.count,
      holders.body.holdersUnknown,
    ]).toEqual([2, 1, 1, 1]);
    expect((await panel(HOLDERS, '2025-Y', other)).body.reporters.map((r) => r.reporterId)).toEqual([
      '2900000002',
    ]);
  });

  it('records each reminder once, per reporter, whatever the parallel runs', async () => {
    const scheduler = context.service.app.get(ReminderSchedulerService);
    at('2026-03-17T02:00:00Z'); // 09:00 on 17/03, 7 days before the March report day (24/03)
    const [first, second] = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    const { rows } = await db.query(
      `SELECT reporter_id, province_code FROM notice WHERE form_id = $1 AND period = $2 AND kind = 'reminder'`,
      [MONTHLY, MARCH],
    );
    // P1 and P2 were filed after 17/03 (on 20/03 and 26/03), so all four in execution are reminded.
    expect(rows.map((r) => r.reporter_id as string).sort()).toEqual([P1, P2, P7, P8].sort());
    const {
      rows: [{ count }],
    } = await db.query(`SELECT count(*)::int AS count FROM notice WHERE created_at = $1`, [
      '2026-03-17T02:00:00Z',
    ]);
    // February's report is overdue for the four projects in execution on 24/02 (P6 stopped only on 10/03): its
    // notices of 14/03 (caught up) and 17/03. The two runs recorded everything once between them.
    const { rows: february } = await db.query(
      `SELECT DISTINCT reporter_id FROM notice WHERE form_id = $1 AND period = '2026-M02' AND kind = 'overdue'`,
      [MONTHLY],
    );
    expect(february.map((r) => r.reporter_id as string).sort()).toEqual([P1, P5, P6, P7].sort());
    expect([count, first + second]).toEqual([4 + 4 * 2, 4 + 4 * 2]);
    expect(await scheduler.runOnce()).toBe(0);
    const forProvince = await as(officer('40')).get<{
      items: { formId: string; period: string; kind: string; reporterId: string }[];
    }>('/api/v1/notifications?unread=true');
    expect(
      forProvince.body.items
        .filter((n) => n.formId === MONTHLY && n.period === MARCH && n.kind === 'reminder')
        .map((n) => n.reporterId)
        .sort(),
    ).toEqual([P1, P2].sort());

    // The holders' reminder a week before their deadline: only the holder that has not filed yet, only to it.
    at('2026-01-26T02:00:00Z');
    const [a, b] = await Promise.all([scheduler.runOnce(), scheduler.runOnce()]);
    const { rows: holderRows } = await db.query(
      `SELECT reporter_id FROM notice WHERE form_id = $1 AND kind = 'reminder'`,
      [HOLDERS],
    );
    expect(holderRows.map((r) => r.reporter_id as string)).toEqual(['2900000002']);
    const { rows: recorded } = await db.query(
      `SELECT count(*)::int AS count FROM notice WHERE created_at = $1`,
      ['2026-01-26T02:00:00Z'],
    );
    expect(a + b).toBe(recorded[0].count);
    const reminded = await as(business('2900000002')).get<{ items: { kind: string; formId: string }[] }>(
      '/api/v1/notifications',
    );
    expect(reminded.body.items.map((n) => [n.kind, n.formId])).toEqual([['reminder', HOLDERS]]);
    expect(
      (
        await as(business('2900000001')).get<{ items: { kind: string }[] }>('/api/v1/notifications')
      ).body.items.map((n) => n.kind),
    ).toEqual(['approved']);
  });

  it('counts a monthly progress report sent to the projects service as the month’s report: no reminder, not overdue', async () => {
    const APRIL = '2026-M04'; // last on-time day 24/04/2026; owed by P1, P2, P3 (signed 26/03), P7 and P8
    /** A row as reporting projects `projects.project.progress-reported`, with the projects service's own flag. */
    const progressReceived = (projectId: string, month: string, receivedAt: string, late: boolean) =>
      db.query(
        `INSERT INTO progress_report_projection (project_id, month, report_id, percent_done, spent_vnd, received_at, late)
         VALUES ($1, $2, $3, 40, 120000000, $4, $5)`,
        [projectId, month, randomUUID(), receivedAt, late],
      );
    const noticesOf = async (period: string, where = 'TRUE', parameters: unknown[] = []) =>
      (
        await db.query(
          `SELECT reporter_id, kind, to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day
             FROM notice WHERE form_id = $1 AND period = $2 AND ${where} ORDER BY reporter_id, kind, day`,
          [MONTHLY, period, ...parameters],
        )
      ).rows as { reporter_id: string; kind: string; day: string }[];
    const scheduler = context.service.app.get(ReminderSchedulerService);

    // P8 sent March's progress report only on 02/04 (late), P1 April's on 20/04 (on time).
    await progressReceived(P8, '2026-03', '2026-04-02T03:00:00Z', true);
    await progressReceived(P1, '2026-04', '2026-04-20T03:00:00Z', false);
    at('2026-04-22T02:00:00Z'); // 09:00 on 22/04: two days before April's report day
    await scheduler.runOnce();
    expect((await noticesOf(APRIL, `kind = 'reminder'`)).map((n) => n.reporter_id).sort()).toEqual(
      [P2, P3, P7, P8].sort(),
    );
    // March's overdue notice of 20/04 (caught up) goes to P7 alone: P8's progress report came in on 02/04.
    expect(
      (await noticesOf(MARCH, `kind = 'overdue' AND created_at = $3`, ['2026-04-22T02:00:00Z'])).map(
        (n) => n.reporter_id,
      ),
    ).toEqual([P7]);

    // P2's came in at 00:30 on 25/04 in Hà Nội — still 24/04 in UTC. The projects service does not flag it late
    // (it counts the 25th as on time); the form says "before the 25th", so it is one day late.
    await progressReceived(P2, '2026-04', '2026-04-24T17:30:00Z', false);
    at('2026-04-28T02:00:00Z');
    const { body } = await panel(MONTHLY, APRIL);
    const row = (id: string) => body.reporters.find((r) => r.reporterId === id)!;
    expect(
      [P1, P2, P3, P7, P8].map((id) => [row(id).timeliness, row(id).daysLate, row(id).submittedVia]),
    ).toEqual([
      ['on-time', 0, 'progress-report'],
      ['late', 1, 'progress-report'],
      ['overdue', 0, null], // P3 sent nothing
      ['overdue', 0, null],
      ['overdue', 0, null], // P8's March report does not answer April
    ]);
    // Nobody reviews a progress report in this workflow.
    expect([row(P1).review, row(P1).awaiting, row(P2).review]).toEqual(['none', null, 'none']);
    expect([
      body.nation.units,
      body.nation.submitted.count,
      body.nation.onTime.count,
      body.nation.late.count,
      body.nation.overdue.count,
      body.nation.awaitingReview.count,
    ]).toEqual([5, 2, 1, 1, 3, 0]);
    const of40 = body.provinces.find((p) => p.provinceCode === '40')!.counts;
    expect([of40.units, of40.onTime.count, of40.late.count, of40.overdue.count]).toEqual([3, 1, 1, 1]);
    // March: P8 now counts as sent, 9 days late (02/04 after 24/03), beside P1's and P2's periodic reports.
    const march = await panel(MONTHLY, MARCH);
    const p8 = march.body.reporters.find((r) => r.reporterId === P8)!;
    expect([p8.timeliness, p8.daysLate, p8.submittedVia, p8.review]).toEqual([
      'late',
      9,
      'progress-report',
      'none',
    ]);
    expect(march.body.reporters.find((r) => r.reporterId === P1)!.submittedVia).toBe('periodic-report');
    expect([march.body.nation.late.count, march.body.nation.overdue.count]).toEqual([2, 1]);

    // The province's calendar says what came in, by which channel; nothing was opened here.
    const calendar = await as(officer('40')).get<ReportCalendarView>(
      '/api/v1/periodic-reports/calendar?from=2026-04-01&to=2026-04-30',
    );
    const items = calendar.body.items.filter((i) => i.formId === MONTHLY && i.period === APRIL);
    expect(
      [P1, P2, P3].map((id) => {
        const item = items.find((i) => i.reporterId === id)!;
        return [item.status, item.reportId, item.timeliness, item.submittedVia];
      }),
    ).toEqual([
      ['not-opened', null, 'on-time', 'progress-report'],
      ['not-opened', null, 'late', 'progress-report'],
      ['not-opened', null, 'overdue', null],
    ]);

    // April's first overdue notice (27/04, caught up): to those who sent nothing; P1 and P2 get none, ever.
    await scheduler.runOnce();
    expect((await noticesOf(APRIL, `kind = 'overdue'`)).map((n) => n.reporter_id).sort()).toEqual(
      [P3, P7, P8].sort(),
    );
    expect(await noticesOf(APRIL, 'reporter_id = ANY($3)', [[P1, P2]])).toEqual([
      { reporter_id: P2, kind: 'reminder', day: '2026-04-22' }, // before its report came in
    ]);
    expect(await scheduler.runOnce()).toBe(0);
  });
});
