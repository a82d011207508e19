import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import {
  type FundingNormView,
  type Principal,
  type ProjectImportView,
  type ProjectView,
} from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { SHEET_COLUMNS } from '../src/domain/project-sheet';
import { useProjectsContext } from './support/projects-context';
import { appraisal, draftBody, planCreated } from './support/projects-harness';

/** Plans' national demonstration-model norm as its migration seeds it (28/2018/TT-BTC). */
const demonstrationModel: FundingNormView = {
  code: 'demonstration-model',
  provinceCode: null,
  version: 1,
  nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
  nameEn: 'Technical demonstration model',
  activityContent: 3,
  legalBasis: 'Thông tư 28/2018/TT-BTC',
  validFrom: '2018-05-12',
  validTo: null,
  maxPercentBp: 3000,
  maxVndPerUnit: 1_000_000_000,
  unit: 'mô hình',
  priorityMultiplierPermille: 1000,
  verified: true,
};
/** Nghệ An's own version for its provincial plan: 20 % of the cost. */
const ngheAnModel: FundingNormView = {
  ...demonstrationModel,
  provinceCode: '40',
  maxPercentBp: 2000,
  legalBasis: 'Quyết định 25/2025/QĐ-UBND tỉnh Nghệ An',
  validFrom: '2026-01-01',
};

/**
 * Stands in for the plans service's GET /api/v1/funding-norms (plans' own tests cover that route against its
 * table): answers the versions in force on `asOf`, national and the asked province's, and records each
 * request, so the test sees projects ask as the caller, for the project's start date and its plan's province.
 */
async function startPlansNorms(norms: () => FundingNormView[]) {
  const asked: { asOf: string | null; provinceCode: string | null; authorization?: string }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://plans');
    if (url.pathname !== '/api/v1/funding-norms') {
      res.statusCode = 404;
      return res.end();
    }
    const asOf = url.searchParams.get('asOf');
    const provinceCode = url.searchParams.get('provinceCode');
    asked.push({ asOf, provinceCode, authorization: req.headers.authorization });
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    const inForce = norms().filter(
      (n) =>
        (n.provinceCode === null || n.provinceCode === provinceCode) &&
        n.validFrom <= day &&
        (n.validTo === null || day <= n.validTo),
    );
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(inForce));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Refusal {
  code: string;
  detail: string;
  messages: { vi: string; en: string };
  errors?: { field: string; rule: string }[];
}

describe('the funding norm, checked where the figure is entered', () => {
  let norms: FundingNormView[] = [demonstrationModel, ngheAnModel];
  let plans: Awaited<ReturnType<typeof startPlansNorms>>;
  const sct40 = officer('40');
  const national = planCreated(2026, 'national');
  const provincial = planCreated(2026, 'provincial', '40');

  // The stand-in starts before the service, which is told its URL, and stops after it.
  beforeAll(async () => {
    plans = await startPlansNorms(() => norms);
  });
  const { as, db } = useProjectsContext('projects_norms', {
    plans: [national, provincial],
    env: () => ({ PLANS_URL: plans.url }),
  });
  afterAll(async () => {
    await plans?.close();
  });

  const projectsOf = async (planId: string) =>
    Number((await db.query(`SELECT count(*) FROM project WHERE plan_id = $1`, [planId])).rows[0].count);
  const create = (body: Record<string, unknown>, by: Principal = sct40) =>
    as(by).post<ProjectView & Refusal>('/api/v1/projects', body);

  describe('creating a project', () => {
    // Total cost 3,150,000,000: 30 % is 945,000,000, below the 1,000,000,000 per model.
    const normed = (overrides: Record<string, unknown> = {}) =>
      draftBody(national.planId, {
        normCode: 'demonstration-model',
        normUnits: 1,
        kcqgVnd: 945_000_000,
        kcdpVnd: 205_000_000,
        counterpartVnd: 2_000_000_000,
        ...overrides,
      });

    it('accepts support up to the cap, asking plans as the caller for the start date', async () => {
      plans.asked.length = 0;
      const reply = await create(normed());
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ normCode: 'demonstration-model', requestedSupportVnd: 945_000_000 });
      expect(plans.asked).toEqual([
        { asOf: '2026-04-01', provinceCode: null, authorization: expect.stringMatching(/^Bearer /) },
      ]);
    });

    it('refuses support above the cap on the money field, naming the norm, its basis and the cap', async () => {
      const before = await projectsOf(national.planId);
      const reply = await create(normed({ kcqgVnd: 945_000_001, counterpartVnd: 1_999_999_999 }));
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('project.above-funding-norm');
      expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'kcqgVnd' })]);
      expect(reply.body.messages.vi).toBe(
        'Kinh phí KCQG đề nghị 945.000.001 VND vượt mức hỗ trợ tối đa 945.000.000 VND của định mức ' +
          '"Xây dựng mô hình trình diễn kỹ thuật" (mã demonstration-model, Thông tư 28/2018/TT-BTC, ' +
          'phiên bản 1 hiệu lực từ 12/05/2018): 30 % tổng kinh phí 3.150.000.000 VND',
      );
      expect(reply.body.messages.en).toContain('above the 945.000.000 VND cap of funding norm');
      expect(await projectsOf(national.planId)).toBe(before);
    });

    it('refuses an unknown norm code on normCode, listing the codes in force and the route', async () => {
      const reply = await create(normed({ normCode: 'MH-TRINH-DIEN' }));
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('project.unknown-funding-norm');
      expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'normCode' })]);
      expect(reply.body.messages.vi).toContain('Các mã có hiệu lực: demonstration-model.');
      expect(reply.body.messages.vi).toContain('GET /api/v1/funding-norms?asOf=2026-04-01');
    });

    it('holds a provincial plan’s project to its province’s own version, on the KCĐP field', async () => {
      plans.asked.length = 0;
      // 20 % of 3,000,000,000 = 600,000,000: within the national norm, above Nghệ An's own.
      const body = draftBody(provincial.planId, {
        normCode: 'demonstration-model',
        normUnits: 1,
        kcqgVnd: 0,
        kcdpVnd: 600_000_001,
        counterpartVnd: 2_399_999_999,
      });
      const reply = await create(body);
      expect(reply.status).toBe(422);
      expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'kcdpVnd' })]);
      expect(reply.body.messages.vi).toContain('vượt mức hỗ trợ tối đa 600.000.000 VND');
      expect(reply.body.messages.vi).toContain('Quyết định 25/2025/QĐ-UBND tỉnh Nghệ An');
      expect(plans.asked).toEqual([expect.objectContaining({ asOf: '2026-04-01', provinceCode: '40' })]);
      expect((await create({ ...body, kcdpVnd: 600_000_000, counterpartVnd: 2_400_000_000 })).status).toBe(
        201,
      );
    });

    it('asks nothing of plans for a project that names no norm', async () => {
      plans.asked.length = 0;
      expect((await create(draftBody(national.planId))).status).toBe(201);
      expect(plans.asked).toEqual([]);
    });
  });

  describe('the Excel import', () => {
    const download = async (principal: Principal) => {
      const res = await as(principal).fetch('/api/v1/projects/import-template.xlsx');
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      return workbook;
    };
    const column = (field: string) => SHEET_COLUMNS.findIndex((c) => c.field === field);
    /** A row of the sheet (column A first) with the template's own example values, then `over` by field. */
    const row = (over: Record<string, unknown>) =>
      SHEET_COLUMNS.map((c) => (c.field !== null && c.field in over ? over[c.field] : c.example));

    it('lists the norm codes plans has in force in the guide, the example among them', async () => {
      const guide = (await download(sct40)).getWorksheet('Hướng dẫn')!;
      const lines: unknown[][] = [];
      guide.eachRow((r) => lines.push((r.values as unknown[]).slice(1)));
      const heading = lines.findIndex((l) => String(l[0]).startsWith('Mã định mức (cột O)'));
      expect(heading).toBeGreaterThan(0);
      const listed = lines.slice(heading + 1, heading + 3);
      expect(listed).toEqual([
        ['', 'demonstration-model', 'Quốc gia', expect.stringContaining('tối đa 30 % tổng kinh phí')],
        ['', 'demonstration-model', 'Tỉnh 40', expect.stringContaining('Quyết định 25/2025/QĐ-UBND')],
      ]);
      const example = lines.find((l) => l[1] === 'Mã định mức')![3];
      expect(listed.map((l) => l[1])).toContain(example);
    });

    it('names the row and column of an unknown code and of support above the cap', async () => {
      const workbook = await download(central);
      const sheet = workbook.worksheets[0];
      const rows = [
        row({ title: 'Mô hình trình diễn sản xuất gạch không nung' }),
        row({ title: 'Mô hình trình diễn mã định mức cũ', normCode: 'MH-TRINH-DIEN' }),
        row({ title: 'Mô hình trình diễn vượt định mức', kcqgVnd: 600_000_001 }),
      ];
      rows.forEach((cells, i) => (sheet.getRow(3 + i).values = cells as ExcelJS.CellValue[]));
      const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const reply = await as(central).post<ProjectImportView>('/api/v1/projects/imports', {
        planId: national.planId,
        fileName: 'dang-ky-2026.xlsx',
        contentBase64,
        dryRun: false,
        mode: 'valid-rows',
      });
      expect(reply.status).toBe(200);
      const letter = (field: string) => String.fromCharCode(65 + column(field));
      expect(reply.body.problems).toEqual([
        expect.objectContaining({
          row: 4,
          column: letter('normCode'),
          field: 'normCode',
          rule: 'project.unknown-funding-norm',
          message: expect.stringContaining('Không có định mức mã "MH-TRINH-DIEN"'),
        }),
        expect.objectContaining({
          row: 5,
          column: letter('kcqgVnd'),
          field: 'kcqgVnd',
          rule: 'project.above-funding-norm',
          message: expect.stringMatching(
            /600\.000\.001 VND vượt mức hỗ trợ tối đa 600\.000\.000 VND của định mức "Xây dựng mô hình trình diễn kỹ thuật" \(mã demonstration-model, Thông tư 28\/2018\/TT-BTC/,
          ),
        }),
      ]);
      expect(reply.body.created.map((c) => c.row)).toEqual([3]);
    });
  });

  describe('the base appraisal', () => {
    it('refuses to pass a project above the norm in force now, and lets it fail', async () => {
      const created = await create(
        draftBody(national.planId, {
          normCode: 'demonstration-model',
          normUnits: 1,
          kcqgVnd: 900_000_000,
          kcdpVnd: 0,
          counterpartVnd: 2_100_000_000,
          beneficiaries: [],
        }),
      );
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await as(sct40).post(`/api/v1/projects/${id}/register`, {})).status).toBe(200);
      // The agency corrects the norm retroactively: 25 % from the day it first applied.
      norms = [{ ...demonstrationModel, version: 2, maxPercentBp: 2500 }];
      try {
        const passed = await as(sct40).post<Refusal>(`/api/v1/projects/${id}/base-appraisal`, appraisal());
        expect(passed.status).toBe(422);
        expect(passed.body.code).toBe('project.above-funding-norm');
        expect(passed.body.errors).toEqual([expect.objectContaining({ field: 'kcqgVnd' })]);
        expect(passed.body.messages.vi).toContain('vượt mức hỗ trợ tối đa 750.000.000 VND');
        expect(passed.body.messages.vi).toContain('phiên bản 2');
        const status = async () =>
          (await db.query(`SELECT status FROM project WHERE id = $1`, [id])).rows[0].status;
        expect(await status()).toBe('registered');
        const failed = await as(sct40).post<ProjectView>(
          `/api/v1/projects/${id}/base-appraisal`,
          appraisal('failed'),
        );
        expect([failed.status, failed.body.status]).toEqual([200, 'rejected']);
      } finally {
        norms = [demonstrationModel, ngheAnModel];
      }
    });
  });
});
