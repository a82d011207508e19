import type { Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/** Monthly progress reports through the real service; the contract step is put in place with SQL. */
describe('monthly progress reports', () => {
  const plan = planCreated(2026, 'national');
  const { as, db, contractedProject } = useProjectsContext('projects_progress', { plans: [plan] });

  const contracted = () =>
    contractedProject(
      plan.planId,
      {
        title: 'Đào tạo nghề mây tre đan xã Diễn Châu',
        activityContents: [1],
        kcqgVnd: 300_000_000,
        counterpartVnd: 0,
        advanceCategory: 'training-events-media',
      },
      {
        mode: 'task-assignment',
        number: 'QĐ-12',
        signedOn: '2026-02-10',
        parties: ['Sở Công Thương Nghệ An'],
      },
    );

  const report = (id: string, month: string, percentDone: number, by: Principal = officer('40')) =>
    as(by).post<{ late?: boolean; month?: string }>(`/api/v1/projects/${id}/progress-reports`, {
      month,
      percentDone,
      spentVnd: percentDone * 1_000_000,
      narrative: `Đã thực hiện ${percentDone}% khối lượng`,
      attachments: [
        { name: 'bien-ban.pdf', mediaType: 'application/pdf', bytes: 20480, sha256: 'a'.repeat(64) },
      ],
    });

  const status = async (id: string) =>
    (await as(central).get<{ status: string; lastProgressPercent: number }>(`/api/v1/projects/${id}`)).body;

  it('moves a contracted project into progress with its first report, and only then', async () => {
    const id = await contracted();
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
    const id = await contracted();
    const past = await report(id, '2026-01', 5);
    expect([past.status, past.body.late]).toEqual([201, true]);
    const now = new Date(Date.now() + 7 * 3600_000); // the wall clock in Hà Nội
    const month = now.toISOString().slice(0, 7);
    const current = await report(id, month, 6);
    expect(current.status).toBe(201);
    expect(current.body.late).toBe(now.getUTCDate() > 25);
  });

  it('takes one report per month, even from parallel clients, and never a lower percentage', async () => {
    const id = await contracted();
    const answers = await Promise.all(Array.from({ length: 8 }, () => report(id, '2026-05', 50)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201))
      expect([a.status, a.body.code]).toEqual([409, 'progress.month-reported']);
    const lower = await report(id, '2026-06', 49);
    expect([lower.status, lower.body.code]).toEqual([422, 'progress.percent-decreased']);
    const earlier = await report(id, '2026-04', 60);
    expect([earlier.status, earlier.body.code]).toEqual([409, 'progress.month-not-after-last']);
    const list = await as(officer('40')).get<{ month: string; percentDone: number }[]>(
      `/api/v1/projects/${id}/progress-reports`,
    );
    expect(list.body.map((r) => [r.month, r.percentDone])).toEqual([['2026-05', 50]]);
    const stored = await db.query(`SELECT count(*)::int AS n FROM progress_report WHERE project_id = $1`, [
      id,
    ]);
    expect(stored.rows[0].n).toBe(1);
  });

  it("refuses bad input naming the field, and hides another province's project", async () => {
    const id = await contracted();
    const bad = await report(id, '2026-13', 101);
    expect(bad.status).toBe(400);
    const fields = (bad.body as { errors?: { field: string }[] }).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.month', 'body.percentDone']));
    const other = await report(id, '2026-05', 10, officer('01'));
    expect(other.status).toBe(404);
  });
});
