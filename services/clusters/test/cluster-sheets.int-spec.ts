import ExcelJS from 'exceljs';
import type { ClusterDetailView, ClusterImportView, ClusterView, Page, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { CLUSTER_SHEET_COLUMNS, CLUSTER_SHEET_NAME } from '../src/application/cluster-sheet';
import { useClustersContext } from './support/clusters-context';

const CLUSTERS = '/api/v1/clusters';
const IMPORTS = '/api/v1/clusters/imports';

/** A sheet row by column letter (A–AC), blank elsewhere. */
const row = (cells: Record<string, unknown>) =>
  CLUSTER_SHEET_COLUMNS.map(
    (_, i) => cells[i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`] ?? null,
  );

const planned = row({
  A: 'CCN-40-601',
  B: 'Cụm công nghiệp Nghi Phong',
  C: 'Xã Nghi Phong',
  D: 'Huyện Nghi Lộc',
  E: 'Thông thường',
  F: 'Có trong quy hoạch',
  G: '12/QĐ-UBND',
  H: '01/03/2025',
  M: 45,
});
const operating = row({
  A: 'CCN-40-602',
  B: 'Cụm công nghiệp Nam Cấm',
  C: 'Xã Nghi Xá',
  D: 'Huyện Nghi Lộc',
  E: 'Thông thường',
  F: 'Đang hoạt động',
  I: '88/QĐ-UBND',
  J: '14/05/2019',
  K: 'UBND tỉnh Nghệ An',
  L: 'UBND tỉnh',
  M: '62,5',
  N: 50,
  O: 46,
  P: 39.1,
  Q: 'Công ty Cổ phần Đầu tư Hạ tầng Nam Cấm',
  R: 'Doanh nghiệp',
  S: '2900123456',
  T: 'Thủ tục trước đây',
  U: 320_000_000_000,
  V: 254_000_000_000,
  W: 'Đã sử dụng',
  X: 'Đã sử dụng',
  Y: 'Đã sử dụng',
  Z: 'Đang xây dựng',
  AA: 'Có',
  AB: 1500,
  AC: 'Đã sử dụng',
});

async function workbook(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(CLUSTER_SHEET_NAME);
  sheet.addRow(CLUSTER_SHEET_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** Importing and exporting a province's cluster list, and the list's filters, against the real service. */
describe("a province's cluster list in Excel", () => {
  const { as, db, registerCluster } = useClustersContext('kc_it_clusters_sheets');
  const written = async () => {
    const [counts] = await db.rows<{ clusters: number; steps: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM industrial_cluster) AS clusters,
              (SELECT count(*)::int FROM cluster_lifecycle_step) AS steps,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const importAs = (by: Principal, contentBase64: string, dryRun: boolean) =>
    as(by).post<ClusterImportView>(IMPORTS, {
      provinceCode: '40',
      fileName: 'ccn-nghe-an.xlsx',
      contentBase64,
      dryRun,
    });

  it('names every bad cell (sheet, row, column, rule) in a dry run and changes nothing; a real run writes none of it', async () => {
    const file = await workbook([
      planned,
      operating,
      row({ A: 'CCN-40-603', B: 'Cụm A', F: 'Đang chạy', M: 30 }),
      row({
        A: 'CCN-40-604',
        B: 'Cụm B',
        F: 'Đã thành lập',
        I: '9/QĐ',
        J: '31/02/2019',
        K: 'UBND tỉnh',
        L: 'UBND tỉnh',
        M: 30,
      }),
      row({ A: 'CCN-40-605', B: 'Cụm C', M: 30, O: 20, P: 20.5 }),
      row({ A: 'ccn-40-601', B: 'Cụm D', M: 30 }),
      row({ A: 'CCN-40-607', B: 'Cụm E', M: 8 }),
      row({ A: 'CCN-40-608', B: 'Cụm F', F: 'Đang hoạt động', M: 30 }),
      row({ A: 'CCN-40-609', B: 'Cụm G', M: 'ba mươi', AB: 100 }),
    ]);
    const before = await written();
    for (const dryRun of [true, false]) {
      const reply = await importAs(officer('40'), file, dryRun);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ dryRun, rows: 9, written: false, existing: [] });
      expect(reply.body.created.map((c) => [c.row, c.code, c.clusterId])).toEqual([
        [2, 'CCN-40-601', null],
        [3, 'CCN-40-602', null],
      ]);
      expect(reply.body.problems.map((p) => [p.sheet, p.row, p.column, p.rule])).toEqual([
        [CLUSTER_SHEET_NAME, 4, 'F', 'cell.unknown-value'],
        [CLUSTER_SHEET_NAME, 5, 'J', 'cell.not-a-date'],
        [CLUSTER_SHEET_NAME, 6, 'P', 'schema.area-nesting'],
        [CLUSTER_SHEET_NAME, 7, 'A', 'sheet.duplicate-code'],
        [CLUSTER_SHEET_NAME, 8, 'M', 'cluster.size-out-of-range'],
        [CLUSTER_SHEET_NAME, 9, 'I', 'schema.establishment-decision-required'],
        [CLUSTER_SHEET_NAME, 10, 'AA', 'cell.wastewater-plant-missing'],
        [CLUSTER_SHEET_NAME, 10, 'M', 'cell.not-a-number'],
      ]);
      expect(reply.body.problems[0].message).toContain('Đang chạy');
      expect(await written()).toEqual(before);
    }
  });

  it('registers a clean list all at once, and changes nothing when the same list comes again', async () => {
    const file = await workbook([planned, operating]);
    expect((await importAs(officer('01'), file, false)).status).toBe(403);
    const before = await written();
    const dry = await importAs(officer('40'), file, true);
    expect([dry.body.written, dry.body.problems, await written()]).toEqual([false, [], before]);

    const first = await importAs(officer('40'), file, false);
    expect(first.body).toMatchObject({ written: true, problems: [], existing: [] });
    expect(first.body.created.map((c) => c.code)).toEqual(['CCN-40-601', 'CCN-40-602']);
    // Two clusters, one establishing step, three events each (registered, recorded, audit).
    expect(await written()).toEqual({
      clusters: before.clusters + 2,
      steps: before.steps + 1,
      outbox: before.outbox + 6,
    });
    const namCam = await as(central).get<ClusterDetailView>(`${CLUSTERS}/${first.body.created[1].clusterId}`);
    expect(namCam.body).toMatchObject({
      status: 'operating',
      totalAreaHa: 62.5,
      leasedAreaHa: 39.1,
      occupancy: { percentVi: '85%' },
      developer: { kind: 'enterprise', taxCode: '2900123456', selection: 'earlier-procedure' },
      investment: { registeredVnd: 320_000_000_000, realisedVnd: 254_000_000_000 },
      infrastructure: {
        drainage: 'under-construction',
        wastewaterPlant: { capacityM3PerDay: 1500, status: 'in-use' },
      },
      history: [{ step: 'establish', decision: { number: '88/QĐ-UBND', date: '2019-05-14' } }],
    });

    const again = await importAs(officer('40'), file, false);
    expect(again.body).toMatchObject({ written: false, created: [], problems: [] });
    expect(again.body.existing.map((e) => e.code)).toEqual(['CCN-40-601', 'CCN-40-602']);
    expect(await written()).toEqual({
      clusters: before.clusters + 2,
      steps: before.steps + 1,
      outbox: before.outbox + 6,
    });
  });

  it('exports the visible list with Vietnamese headers, in a form the import reads back', async () => {
    await registerCluster('CCN-01-700', { provinceCode: '01', name: 'Cụm công nghiệp Phùng Xá' });
    const res = await as(officer('40')).fetch(`${CLUSTERS}/export.xlsx`);
    expect([res.status, res.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const bytes = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, CLUSTER_SHEET_COLUMNS.length)).toEqual(
      CLUSTER_SHEET_COLUMNS.map((c) => c.header),
    );
    expect(headers.slice(CLUSTER_SHEET_COLUMNS.length)).toEqual([
      'Tỉnh/thành phố',
      'Tỷ lệ lấp đầy',
      'Số dự án thứ cấp',
      'Số doanh nghiệp',
      'Số lao động',
      'Phiên bản hồ sơ',
    ]);
    const codes: string[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) codes.push(String(sheet.getRow(r).getCell(1).value));
    expect(codes).toEqual(['CCN-40-601', 'CCN-40-602']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(
      expect.arrayContaining([
        'Đang hoạt động',
        'Có',
        'Thủ tục trước đây',
        '14/05/2019',
        '40 Nghệ An',
        '85%',
      ]),
    );
    const back = await importAs(officer('40'), bytes.toString('base64'), true);
    expect([back.body.problems, back.body.existing.map((e) => e.code)]).toEqual([
      [],
      ['CCN-40-601', 'CCN-40-602'],
    ]);
  });

  it('filters the list by occupancy range and wastewater plant', async () => {
    const codes = async (query: string) =>
      (await as(central).get<Page<ClusterView>>(`${CLUSTERS}?provinceCode=40&${query}`)).body.items.map(
        (c) => c.code,
      );
    expect(await codes('occupancyMinPercent=85')).toEqual(['CCN-40-602']);
    expect(await codes('occupancyMinPercent=85.01')).toEqual([]);
    expect(await codes('occupancyMaxPercent=84.99')).toEqual([]);
    expect(await codes('wastewaterPlant=yes')).toEqual(['CCN-40-602']);
    expect(await codes('wastewaterPlant=no')).toEqual(['CCN-40-601']);
    const bad = await as(central).get(`${CLUSTERS}?occupancyMinPercent=101`);
    expect([bad.status, bad.body.errors?.map((e) => e.field)]).toEqual([400, ['query.occupancyMinPercent']]);
  });

  it('adds, updates and removes tenant projects, each a new revision with the summary recounted', async () => {
    const [{ id }] = await db.rows<{ id: string }>(
      `SELECT id FROM industrial_cluster WHERE code = 'CCN-40-602'`,
    );
    const start = (await as(central).get<ClusterDetailView>(`${CLUSTERS}/${id}`)).body.revision;
    const added = await as(officer('40')).post<ClusterDetailView>(`${CLUSTERS}/${id}/tenants`, {
      name: 'Nhà máy gỗ Nghi Xá',
      firm: { taxCode: '2901111111', name: 'Công ty TNHH Gỗ Nghi Xá' },
      leasedAreaHa: 3.25,
      registeredVnd: 45_000_000_000,
      workers: 120,
      status: 'under-construction',
    });
    expect(added.status).toBe(201);
    const tenantId = added.body.tenants[0].id;
    const updated = await as(officer('40')).patch<ClusterDetailView>(
      `${CLUSTERS}/${id}/tenants/${tenantId}`,
      {
        expectedRevision: start + 1,
        status: 'operating',
        workers: 180,
      },
    );
    expect([updated.status, updated.body.revision, updated.body.tenantSummary]).toEqual([
      200,
      start + 2,
      {
        projects: 1,
        operatingProjects: 1,
        firms: 1,
        workers: 180,
        leasedAreaHa: 3.25,
        registeredVnd: 45_000_000_000,
        realisedVnd: 0,
      },
    ]);
    const removed = await as(officer('40')).delete<ClusterDetailView>(
      `${CLUSTERS}/${id}/tenants/${tenantId}?expectedRevision=${start + 2}`,
    );
    expect([removed.status, removed.body.revision, removed.body.tenants]).toEqual([200, start + 3, []]);
    const gone = await as(officer('40')).delete(`${CLUSTERS}/${id}/tenants/${tenantId}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'cluster.tenant-not-found']);
  });
});
