import { Client } from 'pg';
import { central, officer } from '@kc/testing';
import { client, type BootedService } from '@kc/service-testing';
import { bootProjects, deliverPlanEvent, planCreated } from './support/projects-harness';
import { planCreatedV1 } from '@kc/contracts';

/** Monthly progress reports through the real service; the contract step is put in place with SQL. */
describe('monthly progress reports', () => {
  let svc: BootedService;
  let db: Client;
  let call: ReturnType<typeof client>;
  let agency: string;
  let province: string;
  const plan = planCreated(2026, 'national');
  const planId = plan.planId;

  beforeAll(async () => {
    svc = await bootProjects('projects_progress');
    call = client(svc.url);
    agency = await svc.tokenFor(central);
    province = await svc.tokenFor(officer('40'));
    db = new Client({ connectionString: svc.databaseUrl });
    await db.connect();
    await deliverPlanEvent(svc, planCreatedV1, plan);
  });

  afterAll(async () => {
    await db?.end();
    await svc?.close();
  });

  async function contractedProject(): Promise<string> {
    const created = await call<{ id: string }>('POST', '/api/v1/projects', {
      token: agency,
      body: {
        planId,
        title: 'Đào tạo nghề mây tre đan xã Diễn Châu',
        kind: 'ordinary',
        activityContents: [1],
        implementingUnit: 'Trung tâm Khuyến công Nghệ An',
        provinceCode: '40',
        startDate: '2026-02-01',
        endDate: '2026-11-30',
        kcqgVnd: 300_000_000,
        kcdpVnd: 0,
        counterpartVnd: 0,
        otherVnd: 0,
        procurementMode: 'selection',
        advanceCategory: 'training-events-media',
      },
    });
    const id = created.body.id;
    expect((await call('POST', `/api/v1/projects/${id}/register`, { token: agency })).status).toBe(200);
    await db.query(
      `UPDATE project SET status = 'contracted', appraised_support_vnd = 300000000, allocated_support_vnd = 300000000,
              contract_mode = 'task-assignment', contract_number = 'QĐ-12', contract_signed_on = '2026-02-10',
              contract_parties = ARRAY['Sở Công Thương Nghệ An'], contract_value_vnd = 300000000
        WHERE id = $1`,
      [id],
    );
    return id;
  }

  const report = (id: string, month: string, percentDone: number, token = province) =>
    call<{ code?: string; late?: boolean; month?: string }>(
      'POST',
      `/api/v1/projects/${id}/progress-reports`,
      {
        token,
        body: {
          month,
          percentDone,
          spentVnd: percentDone * 1_000_000,
          narrative: `Đã thực hiện ${percentDone}% khối lượng`,
          attachments: [
            { name: 'bien-ban.pdf', mediaType: 'application/pdf', bytes: 20480, sha256: 'a'.repeat(64) },
          ],
        },
      },
    );

  const status = async (id: string) =>
    (
      await call<{ status: string; lastProgressPercent: number }>('GET', `/api/v1/projects/${id}`, {
        token: agency,
      })
    ).body;

  it('moves a contracted project into progress with its first report, and only then', async () => {
    const id = await contractedProject();
    expect((await status(id)).status).toBe('contracted');
    expect((await report(id, '2026-03', 10)).status).toBe(201);
    expect(await status(id)).toMatchObject({ status: 'in-progress', lastProgressPercent: 10 });
    expect((await report(id, '2026-04', 30)).status).toBe(201);
    const { rows } = await db.query(
      `SELECT envelope->'payload'->>'from' AS "from", envelope->'payload'->>'to' AS "to" FROM outbox
        WHERE type = 'projects.project.status-changed' AND message_key = $1 ORDER BY created_at`,
      [id],
    );
    // create, register, then one step into progress (the second report changes no status).
    expect(rows.map((r) => `${r.from}→${r.to}`)).toEqual([
      'null→draft',
      'draft→registered',
      'contracted→in-progress',
    ]);
    const reported = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'projects.progress.reported' AND message_key = $1`,
      [id],
    );
    expect(reported.rows[0].n).toBe(2);
  });

  it('flags a report received after the 25th of its month (Vietnamese time) as late', async () => {
    const id = await contractedProject();
    const past = await report(id, '2026-01', 5);
    expect([past.status, past.body.late]).toEqual([201, true]);
    const now = new Date(Date.now() + 7 * 3600_000); // the wall clock in Hà Nội
    const month = now.toISOString().slice(0, 7);
    const current = await report(id, month, 6);
    expect(current.status).toBe(201);
    expect(current.body.late).toBe(now.getUTCDate() > 25);
  });

  it('takes one report per month, even from parallel clients, and never a lower percentage', async () => {
    const id = await contractedProject();
    const answers = await Promise.all(Array.from({ length: 8 }, () => report(id, '2026-05', 50)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201))
      expect([a.status, a.body.code]).toEqual([409, 'progress.month-reported']);
    const lower = await report(id, '2026-06', 49);
    expect([lower.status, lower.body.code]).toEqual([422, 'progress.percent-decreased']);
    const earlier = await report(id, '2026-04', 60);
    expect([earlier.status, earlier.body.code]).toEqual([409, 'progress.month-not-after-last']);
    const list = await call<{ month: string; percentDone: number }[]>(
      'GET',
      `/api/v1/projects/${id}/progress-reports`,
      {
        token: province,
      },
    );
    expect(list.body.map((r) => [r.month, r.percentDone])).toEqual([['2026-05', 50]]);
    const stored = await db.query(`SELECT count(*)::int AS n FROM progress_report WHERE project_id = $1`, [
      id,
    ]);
    expect(stored.rows[0].n).toBe(1);
  });

  it("refuses bad input naming the field, and hides another province's project", async () => {
    const id = await contractedProject();
    const bad = await report(id, '2026-13', 101);
    expect(bad.status).toBe(400);
    const fields = (bad.body as { errors?: { field: string }[] }).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.month', 'body.percentDone']));
    const other = await report(id, '2026-05', 10, await svc.tokenFor(officer('01')));
    expect(other.status).toBe(404);
  });
});
