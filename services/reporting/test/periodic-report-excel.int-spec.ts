import ExcelJS from 'exceljs';
import type { Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { provincialSystem } from './support/provincial-systems';
import { useReportingContext } from './support/reporting-context';

const FORM = 'sct-khuyen-cong-quy';
const PERIOD = '2026-Q1';

interface ReportView {
  id: string;
  status: string;
  working: {
    entered: Record<string, number>;
    explanations: Record<string, string>;
    narratives: Record<string, string>;
  } | null;
  differences: { cell: string; explained: boolean }[];
  versions: unknown[];
}
interface ImportView {
  dryRun: boolean;
  written: boolean;
  values: number;
  problems: { sheet: string; row: number; column: string | null; indicator: string | null; rule: string }[];
  report: ReportView | null;
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The indicator sheet's row of a cell key. */
function rowOf(workbook: ExcelJS.Workbook, key: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet('Chỉ tiêu')!;
  for (let r = 2; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell('A').value === key) return sheet.getRow(r);
  throw new Error(`no row for ${key}`);
}
function narrativeRow(workbook: ExcelJS.Workbook, key: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet('Thuyết minh')!;
  for (let r = 2; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell('A').value === key) return sheet.getRow(r);
  throw new Error(`no narrative row for ${key}`);
}
const base64 = async (workbook: ExcelJS.Workbook) =>
  Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

/** Issue 16's integration side against the real database: the Excel template and import; the webhook URL rule. */
describe('periodic reports: Excel template and import, webhook URLs', () => {
  const context = useReportingContext('reporting_periodic_report_excel', { consumeEvents: false });
  const { as, db, download } = context;
  const at = (instant: string) =>
    (context.service.app.get(PeriodicReportsClock).now = () => new Date(instant));
  let reportId: string;
  const template = (query = '') =>
    download(`/api/v1/report-forms/${FORM}/versions/1/template.xlsx${query}`, officer('40'));
  const importFile = (body: Record<string, unknown>, by: Principal = officer('40')) =>
    as(by).post<ImportView>(`/api/v1/periodic-reports/${reportId}/imports`, {
      fileName: 'bao-cao-quy-1.xlsx',
      ...body,
    });

  beforeAll(async () => {
    at('2026-04-02T02:00:00Z');
    const opened = await as(officer('40')).post<ReportView>('/api/v1/periodic-reports', {
      formId: FORM,
      period: PERIOD,
      provinceCode: '40',
    });
    expect(opened.status).toBe(201);
    reportId = opened.body.id;
  });

  it('serves the template of a form version: every cell with its code and unit, the narratives, protected', async () => {
    const { response, bytes } = await template();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = await workbookOf(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Chỉ tiêu', 'Thuyết minh']);
    const form = await as(officer('40')).get<{ cells: { key: string }[] }>(
      `/api/v1/report-forms/${FORM}/versions/1`,
    );
    const sheet = workbook.getWorksheet('Chỉ tiêu')!;
    expect(sheet.getRow(1).getCell('B').value).toBe('Chỉ tiêu');
    const keys = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell('A').value);
    expect(keys).toEqual(form.body.cells.map((c) => c.key));
    const money = rowOf(workbook, 'kcqgAllocatedVnd/content-3');
    expect(money.getCell('D').value).toBe('đồng / VND');
    expect(String(money.getCell('B').value)).toMatch(/KCQG|quốc gia/);
    expect(money.getCell('E').value).toBeNull(); // no report named: no platform figures
    expect(money.getCell('A').protection?.locked).not.toBe(false);
    expect(money.getCell('F').protection?.locked).toBe(false);
    expect(narrativeRow(workbook, 'results').getCell('D').value).toBe('Có / Yes');
  });

  it('fills the platform column when a report is named; only its own unit may ask', async () => {
    const { response, bytes } = await template(`?reportId=${reportId}`);
    expect(response.status).toBe(200);
    const workbook = await workbookOf(bytes);
    // The platform knows its zeros for what it projects; models and trainees stay blank.
    expect(rowOf(workbook, 'boothsSupported').getCell('E').value).toBe(0);
    expect(rowOf(workbook, 'trainees').getCell('E').value).toBeNull();
    expect(workbook.getWorksheet('Thông tin')!.getRow(6).getCell('B').value).toBe(reportId);
    const other = await download(
      `/api/v1/report-forms/${FORM}/versions/1/template.xlsx?reportId=${reportId}`,
      officer('38'),
    );
    expect(other.response.status).toBe(404);
    const wrongForm = await download(
      `/api/v1/report-forms/sct-khuyen-cong-nam/versions/1/template.xlsx?reportId=${reportId}`,
      officer('40'),
    );
    expect(wrongForm.response.status).toBe(422);
  });

  it('names every bad cell on a dry run and on a real one, and changes nothing', async () => {
    const workbook = await workbookOf((await template(`?reportId=${reportId}`)).bytes);
    rowOf(workbook, 'trainees').getCell('F').value = 'một trăm';
    rowOf(workbook, 'brands').getCell('F').value = -3;
    rowOf(workbook, 'demonstrationModels').getCell('F').value = 1.5;
    const unknown = workbook.getWorksheet('Chỉ tiêu')!.addRow(['khongCoChiTieu', '', '', '', null, 4]);
    narrativeRow(workbook, 'difficulties').getCell('F').value = 'x'.repeat(10_001);
    const before = await as(officer('40')).get<ReportView>(`/api/v1/periodic-reports/${reportId}`);
    for (const dryRun of [true, false]) {
      const reply = await importFile({ contentBase64: await base64(workbook), dryRun });
      expect([reply.status, reply.body.dryRun, reply.body.written]).toEqual([200, dryRun, false]);
      expect(reply.body.problems.map((p) => [p.sheet, p.row, p.column, p.indicator, p.rule])).toEqual([
        [
          'Chỉ tiêu',
          rowOf(workbook, 'demonstrationModels').number,
          'F',
          'demonstrationModels',
          'periodic-report-import.value-not-whole',
        ],
        [
          'Chỉ tiêu',
          rowOf(workbook, 'trainees').number,
          'F',
          'trainees',
          'periodic-report-import.value-not-a-number',
        ],
        [
          'Chỉ tiêu',
          rowOf(workbook, 'brands').number,
          'F',
          'brands',
          'periodic-report-import.value-negative',
        ],
        ['Chỉ tiêu', unknown.number, 'A', 'khongCoChiTieu', 'periodic-report-import.unknown-indicator'],
        [
          'Thuyết minh',
          narrativeRow(workbook, 'difficulties').number,
          'F',
          'difficulties',
          'periodic-report-import.narrative-too-long',
        ],
      ]);
    }
    const after = await as(officer('40')).get<ReportView>(`/api/v1/periodic-reports/${reportId}`);
    expect(after.body.working).toEqual(before.body.working);
  });

  it('sets the values, explanations and narratives all at once, and never submits', async () => {
    const workbook = await workbookOf((await template(`?reportId=${reportId}`)).bytes);
    rowOf(workbook, 'trainees').getCell('F').value = 120;
    rowOf(workbook, 'brands').getCell('F').value = '2';
    rowOf(workbook, 'demonstrationModels').getCell('F').value = 1;
    rowOf(workbook, 'facilitiesGivenMachinery').getCell('F').value = '1.250'; // written with grouping
    const booths = rowOf(workbook, 'boothsSupported');
    booths.getCell('F').value = 3;
    booths.getCell('G').value = 'Gồm gian hàng do ngân sách tỉnh hỗ trợ';
    narrativeRow(workbook, 'results').getCell('F').value = 'Hoàn thành kế hoạch quý I';
    narrativeRow(workbook, 'difficulties').getCell('F').value = 'Giải ngân chậm';
    const dry = await importFile({ contentBase64: await base64(workbook), dryRun: true });
    expect([dry.body.problems, dry.body.written, dry.body.report]).toEqual([[], false, null]);
    expect(
      (await as(officer('40')).get<ReportView>(`/api/v1/periodic-reports/${reportId}`)).body.working!.entered,
    ).not.toHaveProperty('trainees');

    const real = await importFile({ contentBase64: await base64(workbook) }, provincialSystem);
    expect([real.status, real.body.written, real.body.problems]).toEqual([200, true, []]);
    expect(real.body.report!.status).toBe('draft');
    expect(real.body.report!.versions).toEqual([]);
    expect(real.body.report!.working!.entered).toMatchObject({
      trainees: 120,
      brands: 2,
      demonstrationModels: 1,
      facilitiesGivenMachinery: 1250,
      boothsSupported: 3,
    });
    expect(real.body.report!.differences).toEqual([
      expect.objectContaining({ cell: 'boothsSupported', explained: true }),
    ]);
    expect(real.body.report!.working!.narratives).toMatchObject({ results: 'Hoàn thành kế hoạch quý I' });
  });

  it('refuses what is not the template or another report’s file, and another unit', async () => {
    const notXlsx = await importFile({ contentBase64: Buffer.from('not a workbook').toString('base64') });
    expect(notXlsx.body.problems.map((p) => p.rule)).toEqual(['periodic-report-import.not-xlsx']);
    const annual = await workbookOf(
      (await download(`/api/v1/report-forms/sct-khuyen-cong-nam/versions/1/template.xlsx`, officer('40')))
        .bytes,
    );
    const mismatch = await importFile({ contentBase64: await base64(annual), dryRun: true });
    expect(mismatch.body.problems[0]).toMatchObject({
      sheet: 'Thông tin',
      row: 1,
      rule: 'periodic-report-import.form-version-mismatch',
    });
    const bad = await importFile({ fileName: 'bao-cao.csv', contentBase64: 'AAAA' });
    expect([bad.status, bad.body as unknown as { errors: { field: string }[] }]).toMatchObject([
      400,
      { errors: [{ field: 'body.fileName' }] },
    ]);
    const workbook = await workbookOf((await template(`?reportId=${reportId}`)).bytes);
    expect((await importFile({ contentBase64: await base64(workbook) }, officer('38'))).status).toBe(404);
    expect((await importFile({ contentBase64: await base64(workbook) }, central)).status).toBe(403);
  });

  it('accepts webhooks on https only (http to this machine allowed in tests), naming the rule', async () => {
    const subscribe = (url: string) =>
      as(provincialSystem).post<{ code?: string; errors?: { field: string; code: string }[] }>(
        `/api/v1/api-clients/${provincialSystem.id}/webhooks`,
        { url, events: ['periodic-report.returned'] },
      );
    const plain = await subscribe('http://sct.nghean.example/kc-hooks');
    expect([plain.status, plain.body.code]).toEqual([422, 'webhook.https-only']);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    expect((await subscribe('https://sct.nghean.example/kc-hooks')).status).toBe(201);
    expect((await subscribe('http://127.0.0.1:9/kc-hooks')).status).toBe(201);
    const {
      rows: [{ count }],
    } = await db.query(
      `SELECT count(*)::int AS count FROM webhook_subscription WHERE url LIKE 'http://sct%'`,
    );
    expect(count).toBe(0);
  });
});
