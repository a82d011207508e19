import type { ProjectView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/** No double funding across national and provincial projects (exclusion constraint beneficiary_funding_no_double). */
describe('double funding', () => {
  const sct40 = officer('40');
  const national = planCreated(2026, 'national');
  const provincial = planCreated(2026, 'provincial', '40');
  const { as, db, createProject, toInPlan } = useProjectsContext('kc_it_projects_double_funding', {
    plans: [national, provincial],
  });
  const facility = (taxCode: string) => [
    { taxCode, name: 'Hợp tác xã Mây tre đan Hưng Nguyên', legalForm: 'cooperative' },
  ];

  const draft = (planId: string, overrides: Record<string, unknown>) =>
    createProject(
      planId,
      planId === provincial.planId ? { kcqgVnd: 0, kcdpVnd: 300_000_000, ...overrides } : overrides,
    );
  const register = (id: string) => as(sct40).post<ProjectView>(`/api/v1/projects/${id}/register`, {});
  const state = async (id: string) => ({
    status: (await db.query(`SELECT status FROM project WHERE id = $1`, [id])).rows[0].status,
    claims: Number(
      (await db.query(`SELECT count(*) AS n FROM beneficiary_funding WHERE project_id = $1`, [id])).rows[0].n,
    ),
    events: Number(
      (await db.query(`SELECT count(*) AS n FROM outbox WHERE message_key = $1`, [id])).rows[0].n,
    ),
  });

  it('refuses the same facility, content and overlapping period across a national and a provincial project', async () => {
    const first = await draft(national.planId, {
      beneficiaries: facility('2900111111'),
      activityContents: [3, 5],
    });
    expect((await register(first.id)).status).toBe(200);

    const second = await draft(provincial.planId, {
      beneficiaries: facility('2900111111'),
      activityContents: [5],
      startDate: '2026-10-01',
      endDate: '2026-12-31',
    });
    const before = await state(second.id);
    const refused = await register(second.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'project.double-funding' });
    expect(refused.body.detail).toContain(first.code);
    expect(refused.body.detail).toContain('2900111111');
    expect(await state(second.id)).toEqual({ ...before, status: 'draft', claims: 0 });

    // Another content, or a period that does not overlap, is no double funding.
    const otherContent = await draft(provincial.planId, {
      beneficiaries: facility('2900111111'),
      activityContents: [4],
    });
    expect((await register(otherContent.id)).status).toBe(200);
    const later = await draft(provincial.planId, {
      beneficiaries: facility('2900111111'),
      activityContents: [3],
      startDate: '2026-12-01',
      endDate: '2026-12-31',
    });
    expect((await register(later.id)).status).toBe(200);
  });

  it('allows it when the agency has recorded an exemption covering the claim', async () => {
    const first = await draft(national.planId, { beneficiaries: facility('2900222222') });
    expect((await register(first.id)).status).toBe(200);
    const second = await draft(provincial.planId, { beneficiaries: facility('2900222222') });
    expect((await register(second.id)).status).toBe(409);

    const exemption = {
      taxCode: '2900222222',
      activityContent: 3,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      justification: 'Hỗ trợ bổ sung theo chỉ đạo của Bộ sau thiên tai',
      decisionNumber: '77/QĐ-BCT',
    };
    expect((await as(sct40).post('/api/v1/double-funding-exemptions', exemption)).status).toBe(403);
    expect((await as(central).post('/api/v1/double-funding-exemptions', exemption)).status).toBe(201);
    expect((await register(second.id)).status).toBe(200);
    const claim = await db.query(`SELECT exemption_id FROM beneficiary_funding WHERE project_id = $1`, [
      second.id,
    ]);
    expect(claim.rows[0].exemption_id).not.toBeNull();

    // The recorded exemption reads back with the period as it was given, for staff of any unit.
    const listed = await as(sct40).get<{ items: Record<string, unknown>[]; total: number }>(
      '/api/v1/double-funding-exemptions?taxCode=2900222222',
    );
    expect([listed.status, listed.body.total]).toEqual([200, 1]);
    expect(listed.body.items[0]).toMatchObject({
      taxCode: '2900222222',
      activityContent: 3,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      decisionNumber: '77/QĐ-BCT',
      recordedBy: expect.any(String),
    });
    const none = await as(central).get<{ total: number }>(
      '/api/v1/double-funding-exemptions?taxCode=2900222222&activityContent=4',
    );
    expect(none.body.total).toBe(0);
    const bad = await as(central).get<{ errors: { field: string }[] }>(
      '/api/v1/double-funding-exemptions?activityContent=12',
    );
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'query.activityContent']);
  });

  it('allows it once the first project is stopped', async () => {
    const first = await draft(national.planId, { beneficiaries: facility('2900333333') });
    expect((await register(first.id)).status).toBe(200);
    const second = await draft(provincial.planId, { beneficiaries: facility('2900333333') });
    expect((await register(second.id)).status).toBe(409);

    // first: → base-appraised → submitted → ministry-appraised → in-plan → stopped
    await toInPlan(first, 500_000_000);
    const stopped = await as(central).post(`/api/v1/projects/${first.id}/adjustments`, {
      kind: 'stop',
      decisionNumber: '1500/QĐ-BCT',
      decidedOn: '2026-05-01',
      reason: 'Cơ sở không còn nhu cầu',
    });
    expect(stopped.body).toMatchObject({ status: 'stopped' });
    expect((await register(second.id)).status).toBe(200);
  });

  it('lets exactly one of two parallel conflicting registrations through', async () => {
    const drafts = await Promise.all([
      draft(national.planId, { beneficiaries: facility('2900444444') }),
      draft(provincial.planId, { beneficiaries: facility('2900444444') }),
      draft(provincial.planId, { beneficiaries: facility('2900444444') }),
    ]);
    const replies = await Promise.all(drafts.map((d) => register(d.id)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const active = await db.query(
      `SELECT count(*) AS n FROM beneficiary_funding WHERE tax_code = '2900444444' AND active AND exemption_id IS NULL`,
    );
    expect(Number(active.rows[0].n)).toBe(1);
  });
});
