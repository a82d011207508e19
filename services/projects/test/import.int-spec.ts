import ExcelJS from 'exceljs';
import { planCreatedV1, type Principal, type ProjectImportView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { EXPORT_COLUMNS } from '../src/application/project-export.service';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/** The province registration sheet in, the filtered list out, through the real service and database. */
describe('Excel import and export of projects', () => {
  const plan = planCreated(2027, 'national');
  const planId = plan.planId;
  const { as, db, deliver } = useProjectsContext('projects_import', { plans: [plan] });

  const download = async (path: string, by: Principal = central) => {
    const res = await as(by).fetch(path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  const row = (title: string, over: Record<number, unknown> = {}) => {
    const cells: unknown[] = [
      null,
      title,
      'Thường',
      '3',
      'Trung tâm Khuyến công Nghệ An',
      'Công ty TNHH Cơ khí Vinh',
      '40',
      'Xã Diễn Châu',
      '01/03/2027',
      '30/11/2027',
      600_000_000,
      0,
      1_400_000_000,
      0,
      null,
      null,
      'Lựa chọn',
      'Mô hình, máy móc thiết bị',
      null,
    ];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v;
    return cells;
  };

  /** The template as served, filled with the given rows from row 3. */
  async function sheet(rows: unknown[][]): Promise<string> {
    const template = await download('/api/v1/projects/import-template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    rows.forEach(
      (cells, i) =>
        (ws.getRow(3 + i).values = cells.map((c, n) => (n === 0 ? i + 1 : c)) as ExcelJS.CellValue[]),
    );
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  }

  const send = (
    contentBase64: string,
    dryRun: boolean,
    mode: 'all' | 'valid-rows',
    by: Principal = central,
    into = planId,
  ) =>
    as(by).post<ProjectImportView>('/api/v1/projects/imports', {
      planId: into,
      fileName: 'dang-ky-nghe-an-2027.xlsx',
      contentBase64,
      dryRun,
      mode,
    });

  const counts = async () => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM project WHERE plan_id = $1) AS projects,
              (SELECT count(*)::int FROM project_import WHERE plan_id = $1) AS imports,
              (SELECT count(*)::int FROM outbox) AS outbox`,
      [planId],
    );
    return rows[0] as { projects: number; imports: number; outbox: number };
  };

  it('serves the template with the Vietnamese headers', async () => {
    const template = await download('/api/v1/projects/import-template.xlsx');
    expect(template.status).toBe(200);
    expect(template.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0].getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['STT', 'Tên đề án', 'Loại đề án', 'Nội dung khuyến công']);
  });

  it('reports every bad row and cell, writes only what the mode allows, and takes the same file once', async () => {
    const content = await sheet([
      row('Mô hình trình diễn sản xuất gạch không nung'),
      row('Hỗ trợ máy móc chế biến nước mắm', { 8: '31/02/2027', 10: 'sáu trăm triệu' }),
      row('Đào tạo nghề mây tre đan', { 3: '1', 17: 'Đào tạo, sự kiện, truyền thông' }),
      row('Đề án điểm chỉ có một nội dung', { 2: 'Điểm' }),
      row('Ứng dụng máy sấy năng lượng mặt trời', {
        18: '2901234567 | Hợp tác xã Chè Thanh Chương | Hợp tác xã',
      }),
      row('', { 1: null, 6: '4O' }),
    ]);
    const before = await counts();

    // Dry run: all problems, nothing written (not even an outbox row).
    const dry = await send(content, true, 'all');
    expect(dry.status).toBe(200);
    const cells = dry.body.problems.map((p) => [p.row, p.column, p.field, p.rule]);
    expect(cells).toEqual(
      expect.arrayContaining([
        [4, 'I', 'startDate', 'date'],
        [4, 'K', 'kcqgVnd', 'vnd'],
        [8, 'B', 'title', 'required'],
        [8, 'G', 'provinceCode', 'province-code'],
      ]),
    );
    // The flagship rule is the registration use case's: the dry run meets it too.
    expect(dry.body.problems.filter((p) => p.row === 6)).toHaveLength(1);
    expect(new Set(dry.body.problems.map((p) => p.row))).toEqual(new Set([4, 6, 8]));
    expect(dry.body).toMatchObject({
      rows: 6,
      validRows: 3,
      invalidRows: 3,
      written: false,
      created: [],
      importId: null,
    });
    expect(await counts()).toEqual(before);

    // Mode all: a sheet with bad rows writes nothing.
    const all = await send(content, false, 'all');
    expect(all.body).toMatchObject({ written: false, created: [], invalidRows: 3 });
    expect(all.body.problems).toEqual(dry.body.problems);
    expect(await counts()).toEqual(before);

    // Mode valid-rows: the three good rows are created and registered.
    const valid = await send(content, false, 'valid-rows');
    expect(valid.body).toMatchObject({ written: true, replayed: false, validRows: 3, invalidRows: 3 });
    expect(valid.body.created.map((c) => c.row)).toEqual([3, 5, 7]);
    const after = await counts();
    expect(after.projects).toBe(before.projects + 3);
    expect(after.imports).toBe(1);
    const stored = await db.query(
      `SELECT status, count(*)::int AS n FROM project WHERE plan_id = $1 GROUP BY status`,
      [planId],
    );
    expect(stored.rows).toEqual([{ status: 'registered', n: 3 }]);

    // The same file again (any mode, even from parallel clients): the first result, nothing new.
    const again = await Promise.all([send(content, false, 'all'), send(content, false, 'valid-rows')]);
    for (const a of again) {
      expect(a.body).toEqual({ ...valid.body, replayed: true });
    }
    expect(await counts()).toEqual(after);
  });

  it('writes a fully valid sheet in mode all, concurrent identical sends creating it once', async () => {
    const content = await sheet([row('Hỗ trợ máy đóng gói chè'), row('Hỗ trợ dây chuyền sấy lạc')]);
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 4 }, () => send(content, false, 'all')));
    expect(answers.filter((a) => !a.body.replayed)).toHaveLength(1);
    const first = answers.find((a) => !a.body.replayed)!.body;
    expect(first).toMatchObject({ written: true, invalidRows: 0 });
    for (const a of answers) expect(a.body.created).toEqual(first.created);
    expect((await counts()).projects).toBe(before.projects + 2);
  });

  it("limits a province officer to their own province's rows", async () => {
    const content = await sheet([row('Đề án của tỉnh khác', { 6: '38' })]);
    const answer = await send(content, true, 'all', officer('40'));
    expect(answer.body.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'G', rule: 'auth.other-province' }),
    ]);
  });

  it("tells a province officer importing into another province's plan which plans they may add to", async () => {
    const haTinh = planCreated(2027, 'provincial', '42');
    await deliver(planCreatedV1, haTinh);
    const content = await sheet([row('Đề án vào kế hoạch tỉnh khác')]);
    const answer = await send(content, true, 'all', officer('40'), haTinh.planId);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'project.unknown-plan',
      messages: {
        vi:
          `Kế hoạch ${haTinh.planId} không có hoặc không phải kế hoạch mà tỉnh 40 được đưa đề án vào: cán bộ ` +
          'Sở Công Thương chỉ đưa đề án vào kế hoạch quốc gia hoặc kế hoạch của tỉnh mình',
        en:
          `plan ${haTinh.planId} does not exist or is not one province 40 may add projects to: a province ` +
          "officer adds projects only to the national plan or their own province's plan",
      },
    });
  });

  it('refuses a file that is not a workbook', async () => {
    const answer = await send(Buffer.from('not a workbook').toString('base64'), true, 'all');
    expect([answer.status, answer.body.code]).toEqual([422, 'import.not-xlsx']);
  });

  it('exports the filtered list with Vietnamese headers and money as numbers', async () => {
    await db.query(`UPDATE project SET kind = 'ordinary' WHERE plan_id = $1`, [planId]);
    const file = await download(`/api/v1/projects/export.xlsx?planId=${planId}&q=may`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const titles: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) titles.push(String(ws.getRow(r).getCell(3).value));
    // "may" finds "máy" and "mây" (diacritics ignored), not the plan's other projects ("sấy lạc", "gạch …").
    expect(titles.sort()).toEqual(
      ['Hỗ trợ máy đóng gói chè', 'Đào tạo nghề mây tre đan', 'Ứng dụng máy sấy năng lượng mặt trời'].sort(),
    );
    const money = ws.getRow(2).getCell(13).value;
    expect(typeof money).toBe('number');
    expect(ws.getRow(2).getCell(25).value).toBe('Đã đăng ký');
    const other = await download(`/api/v1/projects/export.xlsx?planId=${planId}`, officer('01'));
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.bytes as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0].rowCount).toBe(1);
  });
});
