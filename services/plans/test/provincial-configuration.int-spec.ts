import type { FundingNormView, PlanView, Principal, ProgrammeView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { usePlansContext } from './support/plans-context';

/**
 * A province runs its own KCĐP procedure (domain notes §5): its own programmes and its own versions of the
 * funding norms, against a real plans app fed by real project events on the test broker.
 */
describe('provincial configuration: programmes and funding norms of a province', () => {
  const { as, db, createPlan, announceProjects } = usePlansContext('plans_provincial_config');
  const outboxTypes = async (key: string) =>
    (
      await db.rows<{ type: string }>(`SELECT type FROM outbox WHERE message_key = $1 ORDER BY seq`, [key])
    ).map((r) => r.type);

  const programme = (overrides: Record<string, unknown> = {}) => ({
    code: 'KCDP-40-2081-2085',
    nameVi: 'Chương trình khuyến công tỉnh Nghệ An giai đoạn 2081–2085',
    nameEn: 'Nghệ An industrial promotion programme 2081–2085',
    provinceCode: '40',
    firstYear: 2081,
    lastYear: 2085,
    legalBasis: {
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2080-12-15',
      issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
    },
    contentGroups: [
      {
        code: 'G1',
        nameVi: 'Mô hình trình diễn, máy móc tiên tiến',
        nameEn: 'Demonstration models and machinery',
        activityContents: [3],
      },
      { code: 'G2', nameVi: 'Đào tạo nghề', nameEn: 'Vocational training', activityContents: [1, 2] },
    ],
    targets: [
      {
        contentGroupCode: 'G1',
        indicatorVi: 'Mô hình trình diễn kỹ thuật',
        indicatorEn: 'Demonstration models',
        targetValue: 12,
        unit: 'mô hình',
      },
      {
        contentGroupCode: 'G2',
        indicatorVi: 'Lao động được đào tạo',
        indicatorEn: 'Workers trained',
        targetValue: 1500,
        unit: 'người',
      },
    ],
    ...overrides,
  });
  const createProgramme = (who: Principal, body: Record<string, unknown>) =>
    as(who).post<ProgrammeView>('/api/v1/programmes', body);

  describe('programmes', () => {
    let ngheAn: ProgrammeView;

    beforeAll(async () => {
      const created = await createProgramme(officer('40'), programme());
      expect(created.status).toBe(201);
      ngheAn = created.body;
    });

    it('lets a province officer create their province’s programme, with an event and an audit record', async () => {
      expect(ngheAn).toMatchObject({
        code: 'KCDP-40-2081-2085',
        level: 'provincial',
        provinceCode: '40',
        firstYear: 2081,
        lastYear: 2085,
        legalBasis: { decisionNumber: '1234/QĐ-UBND', decisionDate: '2080-12-15' },
        contentGroups: [
          { code: 'G1', activityContents: [3] },
          { code: 'G2', activityContents: [1, 2] },
        ],
      });
      expect(ngheAn.targets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ contentGroupCode: 'G1', targetValue: 12, unit: 'mô hình' }),
          expect.objectContaining({ contentGroupCode: 'G2', targetValue: 1500 }),
        ]),
      );
      expect(await outboxTypes(ngheAn.id)).toEqual(['plans.programme.created', 'audit.record.appended']);
      const [event] = await db.rows<{ envelope: { provinceCode: string; payload: Record<string, unknown> } }>(
        `SELECT envelope FROM outbox WHERE type = 'plans.programme.created' AND message_key = $1`,
        [ngheAn.id],
      );
      expect(event.envelope).toMatchObject({
        provinceCode: '40',
        payload: { programmeId: ngheAn.id, firstYear: 2081, lastYear: 2085, level: 'provincial' },
      });
    });

    it('keeps another province out: it cannot create it (403) nor see it (404, absent from its list)', async () => {
      const foreign = await createProgramme(
        officer('01'),
        programme({ code: 'KCDP-40-2096-2099', firstYear: 2096, lastYear: 2099 }),
      );
      expect(foreign.status).toBe(403);
      expect((await db.rows(`SELECT 1 FROM programme WHERE code = 'KCDP-40-2096-2099'`)).length).toBe(0);

      expect((await as(officer('01')).get(`/api/v1/programmes/${ngheAn.id}`)).status).toBe(404);
      expect((await as(officer('40')).get(`/api/v1/programmes/${ngheAn.id}`)).status).toBe(200);
      const seenBy = async (who: Principal) =>
        (await as(who).get<ProgrammeView[]>('/api/v1/programmes')).body.map((p) => p.code);
      expect(await seenBy(officer('01'))).toEqual(['KCQG-2021-2025', 'KCQG-2026-2030']);
      expect(await seenBy(officer('40'))).toEqual(['KCQG-2021-2025', 'KCQG-2026-2030', 'KCDP-40-2081-2085']);
      expect(await seenBy(central)).toContain('KCDP-40-2081-2085');
      expect((await as(officer('01')).get('/api/v1/programmes?provinceCode=40')).status).toBe(403);
    });

    it('refuses an overlapping programme of the same province (409) and a code already used', async () => {
      const overlapping = await createProgramme(
        officer('40'),
        programme({ code: 'KCDP-40-2085-2089', firstYear: 2085, lastYear: 2089 }),
      );
      expect(overlapping.status).toBe(409);
      expect(overlapping.body.code).toBe('programme.overlap');
      expect(overlapping.body.detail).toMatch(/KCDP-40-2081-2085/);

      const sameCode = await createProgramme(central, programme({ provinceCode: '01', firstYear: 2081 }));
      expect(sameCode.status).toBe(409);
      expect(sameCode.body.code).toBe('programme.duplicate-code');
      expect((await db.rows(`SELECT 1 FROM programme WHERE province_code = '01'`)).length).toBe(0);
    });

    it('lets only one of two parallel overlapping programmes in: the exclusion constraint decides', async () => {
      const replies = await Promise.all(
        [2086, 2088, 2090].map((firstYear) =>
          createProgramme(
            officer('40'),
            programme({ code: `KCDP-40-${firstYear}`, firstYear, lastYear: firstYear + 3 }),
          ),
        ),
      );
      // 2086–2089, 2088–2091 and 2090–2093 pairwise overlap in a chain: either the middle one or both ends win.
      const won = replies.flatMap((r) => (r.status === 201 ? [r.body.firstYear] : [])).sort();
      expect([[2088], [2086, 2090]]).toContainEqual(won);
      for (const r of replies.filter((reply) => reply.status !== 201)) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('programme.overlap');
      }
      const [{ n }] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM programme WHERE province_code = '40' AND first_year BETWEEN 2086 AND 2090`,
      );
      expect(n).toBe(won.length);
    });

    it('refuses bad programmes with 4xx naming the field', async () => {
      const cases: [Record<string, unknown>, number, string][] = [
        [{ firstYear: 2070, lastYear: 2069 }, 400, 'body.lastYear'],
        [{ firstYear: 2060, lastYear: 2070 }, 422, 'lastYear'],
        [{ firstYear: 2060, lastYear: 2062, provinceCode: '99' }, 422, 'provinceCode'],
        [
          {
            firstYear: 2060,
            lastYear: 2062,
            targets: [{ ...programme().targets[0], contentGroupCode: 'G9' }],
          },
          422,
          'targets[0].contentGroupCode',
        ],
        [{ firstYear: 2060, lastYear: 2062, nationalContentGroups: true }, 400, 'body.contentGroups'],
      ];
      for (const [overrides, status, field] of cases) {
        const reply = await as(central).post<{ field?: string; errors?: { field: string }[] }>(
          '/api/v1/programmes',
          programme({ code: 'KCDP-BAD', ...overrides }),
        );
        expect({ overrides, status: reply.status }).toEqual({ overrides, status });
        const fields = reply.body.errors?.map((e) => e.field) ?? [reply.body.field];
        expect(fields).toContain(field);
      }
      expect((await db.rows(`SELECT 1 FROM programme WHERE code = 'KCDP-BAD'`)).length).toBe(0);
    });

    it('reuses the national content groups of the period when asked to', async () => {
      const reply = await createProgramme(
        officer('01'),
        programme({
          code: 'KCDP-01-2026-2030',
          provinceCode: '01',
          firstYear: 2026,
          lastYear: 2030,
          contentGroups: [],
          nationalContentGroups: true,
          targets: [{ ...programme().targets[0], contentGroupCode: 'ND3' }],
        }),
      );
      expect(reply.status).toBe(201);
      expect(reply.body.contentGroups.map((g) => g.code)).toEqual([
        'ND1',
        'ND2',
        'ND3',
        'ND4',
        'ND5',
        'ND6',
        'ND7',
        'ND8',
        'ND9',
      ]);
      expect(reply.body.targets).toMatchObject([{ contentGroupCode: 'ND3', targetValue: 12 }]);
    });

    it('lets a provincial plan name its province’s programme, and refuses it to the national plan', async () => {
      const provincial = await as(officer('40')).post<PlanView>('/api/v1/plans', {
        year: 2082,
        level: 'provincial',
        provinceCode: '40',
        budgetVnd: 5_000_000_000,
        programmeId: ngheAn.id,
      });
      expect(provincial.status).toBe(201);
      expect(provincial.body.programmeId).toBe(ngheAn.id);

      const national = await as(central).post('/api/v1/plans', {
        year: 2082,
        level: 'national',
        budgetVnd: 1,
        programmeId: ngheAn.id,
      });
      expect(national.status).toBe(422);
      expect(national.body.code).toBe('plan.programme-of-other-owner');

      const haNoi = await as(officer('01')).post('/api/v1/plans', {
        year: 2082,
        level: 'provincial',
        provinceCode: '01',
        budgetVnd: 1,
        programmeId: ngheAn.id,
      });
      expect(haNoi.status).toBe(422);
      expect(haNoi.body.code).toBe('plan.unknown-programme');
      expect((await db.rows(`SELECT 1 FROM annual_plan WHERE year = 2082`)).length).toBe(1);
    });
  });

  describe('funding norms of a province', () => {
    const YEAR = 2083;
    // Nghệ An's own demonstration-model norm is lower than the national one (20 % against 30 % of the
    // cost); its machinery norm higher (70 % and 600 million against 50 % and 300 million per facility).
    const norm = (overrides: Record<string, unknown>) => ({
      code: 'demonstration-model',
      provinceCode: '40',
      nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
      nameEn: 'Technical demonstration model',
      activityContent: 3,
      legalBasis: 'Nghị quyết 15/2082/NQ-HĐND tỉnh Nghệ An (thử nghiệm)',
      validFrom: `${YEAR}-01-01`,
      maxPercentBp: 2000,
      maxVndPerUnit: 1_000_000_000,
      unit: 'mô hình',
      verified: false,
      ...overrides,
    });

    let nationalPlan: PlanView;
    let provincialPlan: PlanView;

    beforeAll(async () => {
      const demo = await as(officer('40')).post<FundingNormView>('/api/v1/funding-norms', norm({}));
      expect(demo.status).toBe(201);
      const machinery = await as(central).post<FundingNormView>(
        '/api/v1/funding-norms',
        norm({
          code: 'machinery-technology',
          nameVi: 'Hỗ trợ ứng dụng máy móc tiên tiến',
          nameEn: 'Advanced machinery',
          maxPercentBp: 7000,
          maxVndPerUnit: 600_000_000,
          unit: 'cơ sở',
        }),
      );
      expect(machinery.status).toBe(201);
      nationalPlan = await createPlan({ year: YEAR, level: 'national', budgetVnd: 50_000_000_000 });
      provincialPlan = await createPlan(
        { year: YEAR, level: 'provincial', provinceCode: '40', budgetVnd: 50_000_000_000 },
        officer('40'),
      );
    });

    it('publishes a province’s own version, numbered in its own scope, only by that province or the agency', async () => {
      const [stored] = await db.rows<{ version: number; province_code: string; valid_to: string | null }>(
        `SELECT version, province_code, valid_to FROM funding_norm
          WHERE code = 'demonstration-model' AND province_code = '40'`,
      );
      expect(stored).toMatchObject({ version: 1, province_code: '40', valid_to: null });
      // The national version is untouched by the province's.
      const [national] = await db.rows<{ valid_to: string | null }>(
        `SELECT valid_to FROM funding_norm WHERE code = 'demonstration-model' AND province_code IS NULL`,
      );
      expect(national.valid_to).toBeNull();

      const other = await as(officer('01')).post('/api/v1/funding-norms', norm({ validFrom: '2090-01-01' }));
      expect(other.status).toBe(403);
      const nationalByProvince = await as(officer('40')).post(
        '/api/v1/funding-norms',
        norm({ provinceCode: undefined, validFrom: '2090-01-01' }),
      );
      expect(nationalByProvince.status).toBe(403);
      const overlapping = await as(officer('40')).post(
        '/api/v1/funding-norms',
        norm({ validFrom: `${YEAR - 1}-06-01`, validTo: `${YEAR}-06-30` }),
      );
      expect(overlapping.status).toBe(409);
      expect(overlapping.body.code).toBe('funding-norm.overlap');
      const [{ n }] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM funding_norm WHERE province_code IS NOT NULL`,
      );
      expect(n).toBe(2);
    });

    it('lists the national norms plus the province’s own, and keeps another province’s out', async () => {
      const list = async (who: Principal, query = '') =>
        await as(who).get<FundingNormView[]>(
          `/api/v1/funding-norms?asOf=${YEAR}-06-01&activityContent=3${query}`,
        );
      const scoped = (norms: FundingNormView[]) => norms.map((n) => `${n.code}@${n.provinceCode ?? 'QG'}`);
      const both = [
        'demonstration-model@QG',
        'demonstration-model@40',
        'machinery-technology@QG',
        'machinery-technology@40',
      ];
      expect(scoped((await list(central, '&provinceCode=40')).body)).toEqual(both);
      expect(scoped((await list(officer('40'))).body)).toEqual(both);
      expect(scoped((await list(officer('01'))).body)).toEqual([
        'demonstration-model@QG',
        'machinery-technology@QG',
      ]);
      expect(scoped((await list(central)).body)).toEqual([
        'demonstration-model@QG',
        'machinery-technology@QG',
      ]);
      expect((await list(officer('01'), '&provinceCode=40')).status).toBe(403);
    });

    it('checks a provincial-plan claim against the province’s version in force, else the national one', async () => {
      const check = (provinceCode: string | undefined, asOf: string) =>
        as(officer('40')).post<{ withinNorm: boolean; maxSupportVnd: number; norm: FundingNormView }>(
          '/api/v1/funding-norms/check',
          {
            code: 'demonstration-model',
            provinceCode,
            asOf,
            costVnd: 2_000_000_000,
            supportVnd: 500_000_000,
          },
        );
      expect((await check('40', `${YEAR}-06-01`)).body).toMatchObject({
        withinNorm: false,
        maxSupportVnd: 400_000_000,
        norm: { provinceCode: '40', version: 1 },
      });
      expect((await check('40', `${YEAR - 1}-12-31`)).body).toMatchObject({
        withinNorm: true,
        maxSupportVnd: 600_000_000,
        norm: { provinceCode: null },
      });
      expect((await check(undefined, `${YEAR}-06-01`)).body).toMatchObject({
        withinNorm: true,
        norm: { provinceCode: null },
      });
    });

    /** One project of `plan` in province 40 as the projects service announces it, asking for `supportVnd`. */
    const seedProject = async (
      plan: PlanView,
      status: 'base-appraised' | 'ministry-appraised',
      normCode: string,
      costVnd: number,
      supportVnd: number,
    ): Promise<string> => {
      const seed = { status, normCode, costVnd, requestedVnd: supportVnd, appraisedVnd: supportVnd };
      return (await announceProjects(plan, 1, seed))[0];
    };

    const register = (plan: PlanView, projectId: string) =>
      as(plan.level === 'provincial' ? officer('40') : central).post(
        `/api/v1/plans/${plan.id}/registrations`,
        {
          provinceCode: '40',
          reportNumber: `${projectId.slice(0, 6)}/BC-SCT`,
          reportDate: `${plan.year - 1}-06-15`,
          projectIds: [projectId],
        },
      );
    const decide = (plan: PlanView, projectId: string, amountVnd: number) =>
      as(plan.level === 'provincial' ? officer('40') : central).post(`/api/v1/plans/${plan.id}/decisions`, {
        number: `${projectId.slice(0, 6)}/QĐ`,
        signedOn: `${plan.year}-01-10`,
        kind: 'initial',
        allocations: [{ projectId, fundingSource: plan.level === 'provincial' ? 'KCDP' : 'KCQG', amountVnd }],
      });
    const allocated = async (plan: PlanView) =>
      Number(
        (
          await db.rows<{ allocated: string }>(
            `SELECT allocated_vnd AS allocated FROM plan_ceiling WHERE plan_id = $1`,
            [plan.id],
          )
        )[0].allocated,
      );

    it('registers a provincial-plan project against the province’s lower cap, the national plan’s against the national one', async () => {
      // 500 million on a 2 billion model: within the national 30 % (600 million), over Nghệ An's 20 % (400).
      const provincial = await seedProject(provincialPlan, 'base-appraised', 'demonstration-model', 2e9, 5e8);
      const national = await seedProject(nationalPlan, 'base-appraised', 'demonstration-model', 2e9, 5e8);
      const refused = await register(provincialPlan, provincial);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('registration.over-norm');
      expect((await register(nationalPlan, national)).status).toBe(201);
      expect(
        (await db.rows(`SELECT 1 FROM registration WHERE plan_id = $1`, [provincialPlan.id])).length,
      ).toBe(0);
    });

    it('decides a provincial-plan allocation by the province’s cap both ways, the national plan’s by the national cap', async () => {
      // Lower provincial cap: 500 million is refused in the provincial plan and allowed in the national one.
      const lowProvincial = await seedProject(
        provincialPlan,
        'ministry-appraised',
        'demonstration-model',
        2e9,
        5e8,
      );
      const lowNational = await seedProject(
        nationalPlan,
        'ministry-appraised',
        'demonstration-model',
        2e9,
        5e8,
      );
      // Higher provincial cap: 450 million on a 1 billion machine is over the national 300 million per
      // facility, within Nghệ An's 600 million.
      const highProvincial = await seedProject(
        provincialPlan,
        'ministry-appraised',
        'machinery-technology',
        1e9,
        45e7,
      );
      const highNational = await seedProject(
        nationalPlan,
        'ministry-appraised',
        'machinery-technology',
        1e9,
        45e7,
      );

      const overProvincial = await decide(provincialPlan, lowProvincial, 5e8);
      expect(overProvincial.status).toBe(422);
      expect(overProvincial.body.code).toBe('decision.over-norm');
      expect(overProvincial.body.detail).toMatch(/400\.000\.000 VND/);
      expect((await decide(provincialPlan, lowProvincial, 4e8)).status).toBe(201);
      expect((await decide(provincialPlan, highProvincial, 45e7)).status).toBe(201);
      expect(await allocated(provincialPlan)).toBe(85e7);

      expect((await decide(nationalPlan, lowNational, 5e8)).status).toBe(201);
      const overNational = await decide(nationalPlan, highNational, 45e7);
      expect(overNational.status).toBe(422);
      expect(overNational.body.code).toBe('decision.over-norm');
      expect(overNational.body.detail).toMatch(/300\.000\.000 VND/);
      expect(await allocated(nationalPlan)).toBe(5e8);
    });
  });
});
