import ExcelJS from 'exceljs';
import type { ClusterReportImportView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';
import { figures, operatingCluster, REPORTS, reportCalls, setClock } from './support/report-givens';

const IMPORTS = '/api/v1/cluster-report-imports';
const H1_2026 = { kind: 'six-monthly', year: 2026 } as const;
const HEADER = [
  'Mã CCN',
  'Tổng diện tích (ha)',
  'Đất công nghiệp (ha)',
  'Đất cho thuê được (ha)',
  'Đất đã cho thuê (ha)',
  'Vốn hạ tầng đăng ký (đồng)',
  'Vốn hạ tầng thực hiện (đồng)',
  'Số dự án',
  'Dự án đang hoạt động',
  'Số doanh nghiệp',
  'Số lao động',
  'Trạm XLNT tập trung',
  'Công suất XLNT (m³/ngày)',
];

async function sheet(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Báo cáo CCN');
  ws.addRow(HEADER);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const good = (code: string) => [
  code,
  50,
  40,
  36,
  27.25,
  120_000_000_000,
  95_000_000_000,
  20,
  15,
  18,
  1500,
  'Đang vận hành',
  800,
];

/** A period's cluster reports in and out of Excel, against the real service and database. */
describe('cluster reports from and to Excel', () => {
  const context = useClustersContext('kc_it_cluster_report_import');
  const { as, db } = context;
  const calls = reportCalls(as);
  const sct = officer('46');
  const importAs = (body: Record<string, unknown>) =>
    as(sct).post<ClusterReportImportView>(IMPORTS, {
      provinceCode: '46',
      period: H1_2026,
      fileName: 'bao-cao-ccn.xlsx',
      ...body,
    });
  const written = async () =>
    (
      await db.rows<{ n: number }>(
        `SELECT (SELECT count(*) FROM cluster_report)::int + (SELECT count(*) FROM outbox)::int AS n`,
      )
    )[0].n;

  beforeAll(async () => {
    for (const code of ['CCN-46-001', 'CCN-46-002', 'CCN-46-003'])
      await operatingCluster(context.db, code, '46');
    await operatingCluster(context.db, 'CCN-48-001', '48');
  });
  beforeEach(() => setClock(context.service, '2026-06-18T03:00:00Z'));
  afterEach(() => setClock(context.service, null));

  it('a dry run names every bad cell by sheet, row, column and rule, and changes nothing', async () => {
    const before = await written();
    const contentBase64 = await sheet([
      good('CCN-46-001'),
      ['CCN-46-002', 50, 40, 41, 27.255, 'nhiều', 95_000_000_000, 20, 21, 18, 1500, 'Có', null],
      ['CCN-48-001', ...good('x').slice(1)],
      ['CCN-46-001', ...good('x').slice(1)],
      ['CCN-46-003', 50, 40, 36, 27, 1, 1, 20, 15, 18, 1500, 'Không có', 300],
    ]);
    const reply = await importAs({ contentBase64, dryRun: true });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ dryRun: true, rows: 5, written: false });
    expect(reply.body.problems.map((p) => [p.sheet, p.row, p.column, p.rule])).toEqual([
      ['Báo cáo CCN', 3, 'E', 'two-decimals'],
      ['Báo cáo CCN', 3, 'F', 'non-negative-number'],
      ['Báo cáo CCN', 3, 'L', 'plant-status'],
      ['Báo cáo CCN', 4, 'A', 'unknown-cluster'],
      ['Báo cáo CCN', 5, 'A', 'duplicate-cluster'],
      ['Báo cáo CCN', 6, 'M', 'no-plant-no-capacity'],
    ]);
    expect(await written()).toBe(before);

    // Cells that read but do not hang together are named too (leasable above industrial, more firms than projects).
    const inconsistent = await importAs({
      contentBase64: await sheet([['CCN-46-002', 50, 40, 41, 27, 1, 1, 20, 15, 21, 1500, 'Quy hoạch', 500]]),
      dryRun: true,
    });
    expect(inconsistent.body.problems.map((p) => [p.row, p.column, p.field, p.rule])).toEqual([
      [2, 'D', 'areas.leasableCentiHa', 'area-nesting'],
      [2, 'J', 'tenants.firms', 'tenant-counts'],
    ]);
    expect(await written()).toBe(before);
  });

  it('a real run writes all rows or, with one bad row, none; the good sheet opens and submits every report', async () => {
    const before = await written();
    const oneBad = await importAs({
      contentBase64: await sheet([
        good('CCN-46-001'),
        ['CCN-46-002', 50, 40, 36, 27, 1, 1, 20, 15, 18, -5, 'Không có', null],
      ]),
      submit: true,
    });
    expect([oneBad.body.written, oneBad.body.problems.map((p) => [p.row, p.column, p.rule])]).toEqual([
      false,
      [[3, 'K', 'non-negative-number']],
    ]);
    expect(await written()).toBe(before);

    const reply = await importAs({
      contentBase64: await sheet([good('CCN-46-001'), good('CCN-46-002')]),
      submit: true,
    });
    expect([reply.status, reply.body.written, reply.body.problems]).toEqual([200, true, []]);
    const [first] = reply.body.reports;
    const report = await calls.get(sct, first.reportId!);
    expect(report.body).toMatchObject({ clusterCode: 'CCN-46-001', status: 'submitted' });
    expect(report.body.versions[0]).toMatchObject({ figures: figures(), submittedBy: 'sct.46', late: false });

    // A submitted report is not overwritten by a second import: the whole sheet is refused.
    const again = await importAs({ contentBase64: await sheet([good('CCN-46-003'), good('CCN-46-001')]) });
    expect(again.body.written).toBe(false);
    expect(again.body.problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [3, 'A', 'cluster-report.illegal-transition'],
    ]);
    const none = await db.rows(
      `SELECT r.id FROM cluster_report r JOIN industrial_cluster c ON c.id = r.cluster_id WHERE c.code = 'CCN-46-003'`,
    );
    expect(none).toEqual([]);
  });

  it('only the province’s department imports its reports; the agency and other provinces are refused', async () => {
    const contentBase64 = await sheet([good('CCN-46-003')]);
    const body = { provinceCode: '46', period: H1_2026, fileName: 'a.xlsx', contentBase64, dryRun: true };
    expect((await as(officer('48')).post(IMPORTS, body)).status).toBe(403);
    expect((await as(central).post(IMPORTS, body)).status).toBe(403);
    const notXlsx = await importAs({ contentBase64: Buffer.from('không phải excel').toString('base64') });
    expect([notXlsx.status, notXlsx.body.code]).toEqual([422, 'cluster-report-import.not-xlsx']);
  });

  it('exports the period as .xlsx whose figure columns read back the same through the import', async () => {
    const response = await as(sct).fetch(
      `${REPORTS}/export.xlsx?provinceCode=46&periodKind=six-monthly&year=2026`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const ws = workbook.getWorksheet('Báo cáo CCN')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[1], r[5], r[11], r[12], r[16]])).toEqual([
      ['CCN-46-001', 27.25, 1500, 'Đang vận hành', 'Đã gửi'],
      ['CCN-46-002', 27.25, 1500, 'Đang vận hành', 'Đã gửi'],
      ['CCN-46-003', undefined, undefined, undefined, 'Chưa lập báo cáo'],
    ]);
    // Another province's export is refused, not answered empty.
    expect(
      (
        await as(officer('48')).fetch(
          `${REPORTS}/export.xlsx?provinceCode=46&periodKind=six-monthly&year=2026`,
        )
      ).status,
    ).toBe(403);
    // The exported sheet's first rows re-import cleanly into a province's next draft (dry run).
    const reimport = await importAs({
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
      dryRun: true,
    });
    // Rows 2–3 are submitted reports (refused as such); row 4 has no figures (named cell by cell).
    expect(reimport.body.problems.filter((p) => p.row < 4).map((p) => p.rule)).toEqual([
      'cluster-report.illegal-transition',
      'cluster-report.illegal-transition',
    ]);
  });
});
