import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  XLSX_MEDIA_TYPE,
  type ConferencePackPage,
  type ConferencePackView,
  type ConferenceReport,
  type EventEnvelope,
  type Principal,
} from '@kc/contracts';
import { central, eventually, officer } from '@kc/testing';
import { pdfPageTexts } from './support/pdf-text';
import { useReportingContext } from './support/reporting-context';
import { daysAgo, envelope, projectEventsOf, TO_PLAN } from './support/reporting-events';

// A year no other test uses, so the figures below are this file's alone even on the shared broker.
const YEAR = 2079;
const PLANS = 'plans.plan.events';
const PROJECTS = 'projects.project.events';
const PACKS = '/api/v1/conference-packs';
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };

const planId = randomUUID();
const ids = { haNoi: randomUUID(), hcm: randomUUID(), haNoiLater: randomUUID() };
const { project, registered, walk, contracted, disbursed } = projectEventsOf({ planId, year: YEAR });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A moment as a reader in Việt Nam (UTC+7) reads it: dd/MM/yyyy and HH:mm. */
function vietnamClock(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`,
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`,
  };
}

function cutOffLine(iso: string): string {
  const { date, time } = vietnamClock(iso);
  return `Số liệu chốt lúc ${date} ${time} (giờ Việt Nam)`;
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  return workbook;
}

/** A sheet's figures by key (column C), as the annex lays them out: label, value, key. */
function figuresOf(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  const figures = new Map<string, unknown>();
  sheet.eachRow((row) => {
    const key = row.getCell(3).value;
    if (typeof key === 'string' && /^[a-zA-Z.-]+$/.test(key) && key !== 'Mã chỉ tiêu')
      figures.set(key, row.getCell(2).value);
  });
  return figures;
}

describe('conference packs', () => {
  const { as, db, publish, freezePack, download } = useReportingContext('reporting_conference_packs');
  const nationalView = async () =>
    (await as(central).get<ConferenceReport>(`/api/v1/conferences/national?year=${YEAR}`)).body;
  let live: ConferenceReport;
  let pack: ConferencePackView;
  let before: number;
  let first: { pdf: Buffer; xlsx: Buffer };

  beforeAll(async () => {
    const { haNoi, hcm } = ids;
    await publish(
      PLANS,
      envelope('plans.plan.created', 1, planId, null, {
        planId,
        name: `Kế hoạch khuyến công quốc gia năm ${YEAR}`,
        year: YEAR,
        level: 'national',
        provinceCode: null,
        budgetVnd: 5_000_000_000,
      }),
    );
    // Hà Nội: done and settled. Hồ Chí Minh: under way, an advance drawn.
    await publish(
      PROJECTS,
      registered(haNoi, '01', 1),
      ...walk(haNoi, '01', TO_PLAN),
      contracted(haNoi, '01', 300_000_000),
      ...walk(haNoi, '01', ['in-plan', 'contracted', 'in-progress', 'accepted', 'liquidated']),
      disbursed(haNoi, '01', 'payment', 300_000_000, 300_000_000),
      envelope('projects.project.settled', 1, haNoi, '01', {
        ...project(haNoi, '01'),
        settledVnd: 295_000_000,
        settledOn: daysAgo(5),
        late: false,
      }),
      ...walk(haNoi, '01', ['liquidated', 'settled']),
      registered(hcm, '79', 1),
      ...walk(hcm, '79', TO_PLAN),
      contracted(hcm, '79', 800_000_000),
      ...walk(hcm, '79', ['in-plan', 'contracted', 'in-progress']),
      disbursed(hcm, '79', 'advance', 400_000_000, 400_000_000),
    );
    await publish(
      PLANS,
      envelope('plans.assignment.decided', 1, planId, null, {
        decisionId: randomUUID(),
        planId,
        planYear: YEAR,
        number: '126/QĐ-BCT',
        signedOn: daysAgo(105),
        kind: 'initial',
        allocations: [
          {
            projectId: haNoi,
            provinceCode: '01',
            fundingSource: 'KCQG',
            amountVnd: 300_000_000,
            previousVnd: 0,
          },
          {
            projectId: hcm,
            provinceCode: '79',
            fundingSource: 'KCQG',
            amountVnd: 850_000_000,
            previousVnd: 0,
          },
        ],
      }),
    );
    live = await eventually(async () => {
      const report = await nationalView();
      const t = report.totals;
      return t?.projectsByStatus?.settled === 1 &&
        t.projectsByStatus['in-progress'] === 1 &&
        t.advancedVnd === 400_000_000 &&
        t.allocatedVnd === 1_150_000_000 &&
        t.settledVnd === 295_000_000
        ? report
        : undefined;
    });

    before = Date.now();
    pack = await freezePack({ level: 'national', year: YEAR });
    const [pdf, xlsx] = await Promise.all([
      download(pack.files.report.href, viewer),
      download(pack.files.annex.href, viewer),
    ]);
    first = { pdf: pdf.bytes, xlsx: xlsx.bytes };
  }, 120_000);

  it('freezes the national figures as the conference view shows them, with who froze them and when', async () => {
    expect(pack).toMatchObject({
      level: 'national',
      region: null,
      year: YEAR,
      grouping: 'current',
      title: `Báo cáo số liệu hội nghị khuyến công toàn quốc năm ${YEAR}`,
      frozenBy: { id: central.id, name: central.name },
      totals: live.totals,
    });
    expect(Date.parse(pack.cutOff)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(pack.cutOff)).toBeLessThanOrEqual(Date.parse(pack.createdAt));
    expect(pack.files.report).toMatchObject({
      href: `${PACKS}/${pack.id}/report.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: first.pdf.length,
      sha256: sha256(first.pdf),
    });
    expect(pack.files.annex).toMatchObject({
      href: `${PACKS}/${pack.id}/annex.xlsx`,
      mediaType: XLSX_MEDIA_TYPE,
      sizeBytes: first.xlsx.length,
      sha256: sha256(first.xlsx),
    });
    // Every signed-in role reads published figures.
    expect((await as(viewer).get(`${PACKS}/${pack.id}`)).body).toEqual(pack);

    const [audit] = await db.rows<{ envelope: EventEnvelope<Record<string, unknown>> }>(
      `SELECT envelope FROM outbox WHERE message_key = $1 AND type = 'audit.record.appended'`,
      [pack.id],
    );
    expect(audit.envelope).toMatchObject({
      producer: 'reporting',
      actor: { kind: 'user', id: central.name, role: 'central-officer' },
      payload: { action: 'conference-pack.freeze', resourceType: 'conference-pack', resourceId: pack.id },
    });
  });

  it('serves a PDF that carries the cut-off and "Trang x/y" on every page and the headline figures the Vietnamese way', async () => {
    const { response } = await download(pack.files.report.href, officer('40'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const { date, time } = vietnamClock(pack.cutOff);
    const frozen = `${date.replaceAll('/', '-')} ${time.replace(':', 'h')}`;
    expect(pack.files.report.fileName).toBe(
      `Báo cáo số liệu hội nghị khuyến công toàn quốc năm ${YEAR} - chốt ${frozen}.pdf`,
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-so-lieu-hoi-nghi-khuyen-cong-toan-quoc-nam-${YEAR}-chot-` +
        `${frozen.replace(' ', '-')}.pdf"; filename*=UTF-8''${encodeURIComponent(pack.files.report.fileName)}`,
    );

    const pages = await pdfPageTexts(first.pdf);
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(text).toContain(cutOffLine(pack.cutOff));
      expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    const [cover] = pages;
    expect(cover).toContain(`Báo cáo số liệu hội nghị khuyến công toàn quốc năm ${YEAR}`);
    expect(cover).toContain('34 đơn vị cấp tỉnh');
    for (const figure of [
      '1.150.000.000 đ', // allocated
      '1.100.000.000 đ', // contracted
      '400.000.000 đ', // advances outstanding
      '700.000.000 đ', // paid
      '295.000.000 đ', // settled
      '50,0 %', // one of the two projects in the plan completed
    ]) {
      expect(cover).toContain(figure);
    }
    const all = pages.join('\n');
    expect(all).toContain('Hồ Chí Minh');
    expect(all).toContain('Kinh phí được giao (đồng)');
  });

  it('serves an Excel annex with one sheet per unit whose figures add up to the totals', async () => {
    const { response } = await download(pack.files.annex.href);
    expect(response.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="phu-luc-so-lieu-theo-don-vi-hoi-nghi-khuyen-cong-toan-quoc-nam-${YEAR}-`,
      ),
    );

    const workbook = await workbookOf(first.xlsx);
    const [summary, ...unitSheets] = workbook.worksheets;
    expect(summary.name).toBe('Tổng hợp');
    expect(unitSheets.map((s) => s.name)).toEqual(live.units.map((u) => u.nameVi));
    expect(unitSheets).toHaveLength(34);

    const totals = figuresOf(summary);
    const units = unitSheets.map(figuresOf);
    expect(totals.get('allocatedVnd')).toBe(1_150_000_000);
    expect(units[unitSheets.findIndex((s) => s.name === 'Hà Nội')].get('settledVnd')).toBe(295_000_000);
    // Rates (completion, occupancy, coverage) are recomputed from the sums, never added up.
    const additive = [...units[0].keys()].filter((key) => !key.endsWith('Percent'));
    expect(additive).toEqual(expect.arrayContaining(['projects', 'paidVnd', 'projectsByStatus.settled']));
    for (const key of additive) {
      const sum = units.reduce((total, figures) => total + (figures.get(key) as number), 0);
      expect([key, sum]).toEqual([key, totals.get(key)]);
    }
  });

  it('gives the same bytes by id later, also after new events changed the figures', async () => {
    const again = await download(pack.files.report.href);
    expect(again.bytes.equals(first.pdf)).toBe(true);

    await publish(PROJECTS, registered(ids.haNoiLater, '01', 2));
    await eventually(async () => (await nationalView()).totals.projects === 3 || undefined);

    const [pdf, xlsx] = await Promise.all([
      download(pack.files.report.href),
      download(pack.files.annex.href),
    ]);
    expect(pdf.bytes.equals(first.pdf)).toBe(true);
    expect(xlsx.bytes.equals(first.xlsx)).toBe(true);
    expect(pdf.response.headers.get('etag')).toBe(`"${pack.files.report.sha256}"`);
    expect((await as(central).get<ConferencePackView>(`${PACKS}/${pack.id}`)).body.totals.projects).toBe(2);
    // A client holding the file is told it still stands. (fetch adds `no-cache` to a conditional request
    // unless told otherwise, and no-cache asks the server not to answer 304.)
    const notModified = await as(central).fetch(pack.files.report.href, {
      'if-none-match': `"${pack.files.report.sha256}"`,
      'cache-control': 'max-age=0',
    });
    expect(notModified.status).toBe(304);

    // The database holds the bytes to it too.
    await expect(
      db.query(`UPDATE conference_pack_file SET file_name = 'x' WHERE pack_id = $1`, [pack.id]),
    ).rejects.toThrow(/conference packs are frozen/);
    await expect(db.query(`DELETE FROM conference_pack WHERE id = $1`, [pack.id])).rejects.toThrow(
      /conference packs are frozen/,
    );
  });

  it("freezes a regional pack with only the region's units, listed before the older national one", async () => {
    const south = await freezePack({ level: 'regional', region: 'south', year: YEAR });
    expect(south).toMatchObject({
      level: 'regional',
      region: 'south',
      title: `Báo cáo số liệu hội nghị khuyến công khu vực miền Nam năm ${YEAR}`,
      totals: expect.objectContaining({ projects: 1, allocatedVnd: 850_000_000, nationalPlans: null }),
    });
    const regional = (
      await as(central).get<ConferenceReport>(`/api/v1/conferences/regional/south?year=${YEAR}`)
    ).body;
    const workbook = await workbookOf((await download(south.files.annex.href)).bytes);
    const unitSheets = workbook.worksheets.slice(1).map((s) => s.name);
    expect(unitSheets).toEqual(regional.units.map((u) => u.nameVi));
    expect(unitSheets).toContain('Hồ Chí Minh');
    expect(unitSheets).not.toContain('Hà Nội');
    expect(unitSheets.length).toBeLessThan(34);

    const list = (await as(viewer).get<ConferencePackPage>(PACKS)).body;
    expect(list).toMatchObject({ page: 1, limit: 50, total: 2 });
    expect(list.items.map((p) => p.id)).toEqual([south.id, pack.id]);
    expect(list.items[1]).toEqual(pack);
    const national = (await as(viewer).get<ConferencePackPage>(`${PACKS}?level=national&year=${YEAR}`)).body;
    expect(national.items.map((p) => p.id)).toEqual([pack.id]);
  });

  it('refuses a malformed body with 400 naming each field and the rule it breaks', async () => {
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ level: 'regional', year: YEAR }, [['body.region', 'required-for-level']]],
      [{ level: 'national', region: 'north', year: YEAR }, [['body.region', 'absent-for-level']]],
      [{ level: 'regional', region: 'west', year: YEAR }, [['body.region', 'invalid_value']]],
      [{ level: 'national', year: 1999 }, [['body.year', 'too_small']]],
      [{ level: 'national', year: 2005, grouping: 'historical' }, [['body.year', 'not-before-coverage']]],
      [{ level: 'provincial', year: YEAR }, [['body.level', 'invalid_value']]],
      [
        { level: 'national', year: YEAR, cutOff: '2020-01-01T00:00:00Z' },
        [['body.cutOff', 'unrecognized_keys']],
      ],
    ];
    for (const [body, fields] of cases) {
      const reply = await as(central).post(PACKS, body);
      expect({
        body,
        status: reply.status,
        type: reply.headers.get('content-type')?.split(';')[0],
        fields: reply.body.errors?.map((e) => [e.field, e.rule]),
      }).toEqual({ body, status: 400, type: 'application/problem+json', fields });
    }
  });

  it('lets only the agency freeze a pack', async () => {
    for (const who of [viewer, officer('01')]) {
      const reply = await as(who).post(PACKS, { level: 'national', year: YEAR });
      expect([reply.status, reply.body.code]).toEqual([403, 'auth.forbidden']);
    }
  });

  it('answers 404 for an id no pack has, and 400 for what is not an id', async () => {
    const unknown = randomUUID();
    for (const path of [
      `${PACKS}/${unknown}`,
      `${PACKS}/${unknown}/report.pdf`,
      `${PACKS}/${unknown}/annex.xlsx`,
    ]) {
      const reply = await as(viewer).get(path);
      expect([path, reply.status, reply.body.code]).toEqual([path, 404, 'conference-pack.not-found']);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await as(viewer).get(`${PACKS}/not-an-id/report.pdf`)).status).toBe(400);
  });
});
