import type { ProjectDetailView, ProjectView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/**
 * Creating and registering a project, as the statements that write them answer: the answer is what GET then
 * shows, and the outbox holds exactly the step's events and its one audit entry, written in the same commit.
 */
describe('project create and register writes', () => {
  const sct40 = officer('40');
  const plan = planCreated(2026, 'national');
  const { as, db, createProject } = useProjectsContext('kc_it_projects_writes', { plans: [plan] });

  const facility = (taxCode: string) => ({ taxCode, name: `Cơ sở ${taxCode}`, legalForm: 'enterprise' });
  const register = (id: string) => as(sct40).post<ProjectView>(`/api/v1/projects/${id}/register`);
  const shown = async (id: string): Promise<ProjectView> => {
    const reply = await as(sct40).get<ProjectDetailView>(`/api/v1/projects/${id}`);
    expect(reply.status).toBe(200);
    const { beneficiaries: _b, appraisals: _a, adjustments: _j, ...view } = reply.body;
    return view;
  };
  const outbox = (id: string) =>
    db.rows<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [id],
    );
  const claims = (id: string) =>
    db.rows(
      `SELECT tax_code, activity_content, lower(period)::text AS start, (upper(period) - 1)::text AS end,
              active, exemption_id FROM beneficiary_funding WHERE project_id = $1
        ORDER BY tax_code, activity_content`,
      [id],
    );

  it('answers with what GET shows, and writes one event and one audit entry per step', async () => {
    const created = await createProject(plan.planId, {
      activityContents: [5, 3],
      beneficiaries: [facility('2900777002'), facility('2900777001')],
    });
    expect(created).toEqual(await shown(created.id));
    expect(created).toMatchObject({ status: 'draft', activityContents: [3, 5], allocatedSupportVnd: 0 });
    expect(await outbox(created.id)).toEqual([
      {
        type: 'projects.project.status-changed',
        payload: expect.objectContaining({ from: null, to: 'draft', action: 'create' }),
      },
      {
        type: 'audit.record.appended',
        payload: expect.objectContaining({ action: 'project.create', resourceId: created.id }),
      },
    ]);

    const registered = await register(created.id);
    expect(registered.status).toBe(200);
    expect(registered.body).toEqual(await shown(created.id));
    expect(registered.body).toMatchObject({ status: 'registered', createdAt: created.createdAt });
    const events = await outbox(created.id);
    expect(events.slice(2)).toEqual([
      {
        type: 'projects.project.status-changed',
        payload: expect.objectContaining({
          from: 'draft',
          to: 'registered',
          action: 'register',
          at: registered.body.updatedAt,
        }),
      },
      {
        type: 'projects.project.registered',
        payload: expect.objectContaining({
          code: created.code,
          activityContents: [3, 5],
          beneficiaryTaxCodes: ['2900777001', '2900777002'],
        }),
      },
      {
        type: 'audit.record.appended',
        payload: expect.objectContaining({ action: 'project.register', resourceId: created.id }),
      },
    ]);
    const claim = (taxCode: string, content: number) => ({
      tax_code: taxCode,
      activity_content: content,
      start: '2026-04-01',
      end: '2026-11-30',
      active: true,
      exemption_id: null,
    });
    expect(await claims(created.id)).toEqual([
      claim('2900777001', 3),
      claim('2900777001', 5),
      claim('2900777002', 3),
      claim('2900777002', 5),
    ]);
  });

  it('registers a draft once under parallel requests; the others are told it is no longer a draft', async () => {
    const draft = await createProject(plan.planId, { beneficiaries: [facility('2900777101')] });
    const replies = await Promise.all(Array.from({ length: 6 }, () => register(draft.id)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of replies.filter((r) => r.status === 409))
      expect(r.body).toMatchObject({ code: 'project.illegal-transition' });
    const [row] = await db.rows(`SELECT status, version FROM project WHERE id = $1`, [draft.id]);
    expect(row).toEqual({ status: 'registered', version: 2 });
    expect((await outbox(draft.id)).map((e) => e.type)).toEqual([
      'projects.project.status-changed',
      'audit.record.appended',
      'projects.project.status-changed',
      'projects.project.registered',
      'audit.record.appended',
    ]);
    expect(await claims(draft.id)).toHaveLength(1);
  });

  it('refuses a registration whose later claim collides, naming it, and writes nothing', async () => {
    const holder = await createProject(plan.planId, {
      activityContents: [5],
      beneficiaries: [facility('2900777202')],
    });
    expect((await register(holder.id)).status).toBe(200);
    // Its claims in order: (…201, 3), (…201, 5), (…202, 3), (…202, 5); only the last one collides.
    const draft = await createProject(plan.planId, {
      activityContents: [3, 5],
      beneficiaries: [facility('2900777201'), facility('2900777202')],
    });
    const refused = await register(draft.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'project.double-funding' });
    expect(refused.body.detail).toContain(`2900777202 is already supported for activity content 5`);
    expect(refused.body.detail).toContain(holder.code);
    expect(await shown(draft.id)).toEqual(draft);
    expect(await claims(draft.id)).toEqual([]);
    expect(await outbox(draft.id)).toHaveLength(2);
  });

  it('answers another province’s officer as if the project did not exist, writing nothing', async () => {
    const draft = await createProject(plan.planId, { beneficiaries: [facility('2900777301')] });
    const other = await as(officer('01')).post(`/api/v1/projects/${draft.id}/register`);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ code: 'project.not-found' });
    expect(await shown(draft.id)).toEqual(draft);
    expect(await outbox(draft.id)).toHaveLength(2);
    expect((await as(central).post(`/api/v1/projects/${draft.id}/register`)).status).toBe(200);
  });
});
