import ExcelJS from 'exceljs';
import { conferenceReport } from '../../application/conference-report';
import type { ProjectGroup, YearFacts } from '../../application/year-facts';
import {
  packTitle,
  type ConferencePackScope,
  type FrozenConferencePack,
} from '../../domain/conference-packs/conference-pack';
import { pdfPageTexts } from '../../../test/support/pdf-text';
import { renderPackAnnex, SUMMARY_SHEET } from './pack-annex-xlsx';
import { renderPackReport } from './pack-report-pdf';

const CUT_OFF = new Date('2026-05-21T07:30:00Z');
/** Loading ECharts, pdfmake and exceljs and rendering twice takes seconds on a busy machine. */
const RENDERING_MS = 60_000;

const projects = (provinceCode: string, status: ProjectGroup['status'], count: number): ProjectGroup => ({
  provinceCode,
  asOf: '2018-01-01',
  status,
  count,
  requestedSupportVnd: count * 500_000_000,
  appraisedSupportVnd: count * 480_000_000,
  allocatedVnd: count * 450_000_000,
  contractedVnd: count * 450_000_000,
  advancedVnd: 0,
  paidVnd: count * 400_000_000,
  settledVnd: status === 'settled' ? count * 400_000_000 : 0,
  counterpartVnd: count * 300_000_000,
});
const groups = [projects('01', 'settled', 3), projects('40', 'in-progress', 2), projects('79', 'settled', 1)];
const facts: YearFacts = {
  plans: [{ level: 'national', provinceCode: null, asOf: null, count: 1, budgetVnd: 120_000_000_000 }],
  projects: groups,
  contents: groups.map((g) => ({ ...g, activityContent: 3 })),
  clusterRegistry: [],
  clusterPeriod: 'annual-else-six-monthly',
  clusterReports: [],
  fairs: [],
  awardRounds: [],
  booths: [],
  // Hà Nội's facilities entered five products in the regional round, three passed; Nghệ An one national entry.
  awardEntries: [
    { provinceCode: '01', asOf: '2018-03-10', level: 'regional', productGroup: 'handicraft', count: 5 },
    { provinceCode: '40', asOf: '2018-04-02', level: 'national', productGroup: 'other', count: 1 },
  ],
  awardPasses: [
    { provinceCode: '01', asOf: '2018-03-10', level: 'regional', productGroup: 'handicraft', count: 3 },
  ],
  certificatesIssued: [
    { provinceCode: '01', asOf: '2018-06-20', level: 'regional', productGroup: 'handicraft', count: 3 },
  ],
  certificatesValid: [{ provinceCode: '01', asOf: '2018-06-20', count: 3 }],
  artisanTitles: [
    { provinceCode: '01', asOf: '2018-09-02', title: 'people', count: 2 },
    { provinceCode: '79', asOf: '2018-09-02', title: 'meritorious', count: 7 },
  ],
  approvedReports: [],
};

function packOf(scope: ConferencePackScope): FrozenConferencePack {
  return {
    ...scope,
    id: '0b6f3a52-6f0e-4d55-9d7e-3f4a1c2b9e10',
    title: packTitle(scope),
    cutOff: CUT_OFF,
    frozenBy: { id: 'u-central', name: 'cuc.canbo' },
    report: conferenceReport(facts, { ...scope, now: CUT_OFF }),
  };
}

describe('rendering a frozen conference pack', () => {
  // Only the date is faked: the renderers' own timers and microtasks run as usual.
  beforeEach(() =>
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    }),
  );
  afterEach(() => jest.useRealTimers());

  it(
    'gives the same bytes of both files whatever the clock says when rendering',
    async () => {
      const pack = packOf({ level: 'national', region: null, year: 2018, grouping: 'current' });
      jest.setSystemTime(new Date('2026-05-21T07:31:00Z'));
      const first = await Promise.all([renderPackReport(pack), renderPackAnnex(pack)]);
      jest.setSystemTime(new Date('2027-01-09T23:59:58Z'));
      const again = await Promise.all([renderPackReport(pack), renderPackAnnex(pack)]);

      expect(first[0].subarray(0, 5).toString()).toBe('%PDF-');
      expect(first[0].equals(again[0])).toBe(true);
      expect(first[1].equals(again[1])).toBe(true);
    },
    RENDERING_MS,
  );

  it(
    'spells out the award figures by level and the artisan titles by title, in the annex and the report',
    async () => {
      const pack = packOf({ level: 'national', region: null, year: 2018, grouping: 'current' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(await renderPackAnnex(pack)).buffer);
      /** Label and value of each figure line of a sheet, by its key. */
      const lines = (sheet: string) => {
        const found = new Map<string, [unknown, unknown]>();
        workbook.getWorksheet(sheet)!.eachRow((row) => {
          const key = row.getCell(3).value;
          if (typeof key === 'string' && /^[a-zA-Z]+\./.test(key)) {
            found.set(key, [row.getCell(1).value, row.getCell(2).value]);
          }
        });
        return found;
      };
      const totals = lines(SUMMARY_SHEET);
      expect(totals.get('awardEntries.byLevel.regional')).toEqual([
        'Sản phẩm tham gia bình chọn: cấp khu vực',
        5,
      ]);
      expect(totals.get('awardEntries.byLevel.national')?.[1]).toBe(1);
      expect(totals.get('awardPasses.byLevel.regional')).toEqual(['Sản phẩm đạt bình chọn: cấp khu vực', 3]);
      expect(totals.get('awardPasses.byLevel.national')?.[1]).toBe(0);
      expect(totals.get('awardCertificates.issued.byLevel.regional')?.[1]).toBe(3);
      expect(totals.get('artisanTitlesConferred.people')).toEqual([
        'Danh hiệu nghệ nhân được phong tặng: Nghệ nhân nhân dân',
        2,
      ]);
      expect(totals.get('artisanTitlesConferred.meritorious')?.[1]).toBe(7);
      const haNoi = lines('Hà Nội');
      expect(haNoi.get('awardPasses.byLevel.regional')?.[1]).toBe(3);
      expect(haNoi.get('artisanTitlesConferred.meritorious')?.[1]).toBe(0);

      // The totals table's lines, page by page, without what every page repeats (title, cut-off, header row).
      const furniture = (line: string) =>
        line === pack.title || line.startsWith('Số liệu chốt lúc 21/05/2026') || line === 'Chỉ tiêuSố liệu';
      const pdf = (await pdfPageTexts(await renderPackReport(pack)))
        .flatMap((page) => page.split('\n'))
        .filter((line) => !furniture(line));
      const partsOf = (heading: string, count: number) => {
        const at = pdf.indexOf(heading);
        return pdf.slice(at + 1, at + 1 + count);
      };
      const levels = (values: number[]) =>
        ['Cấp xã (cấp huyện trước 07/2025)', 'Cấp tỉnh', 'Cấp khu vực', 'Cấp quốc gia'].map(
          (level, i) => `${level}${values[i]}`,
        );
      expect(partsOf('Sản phẩm tham gia bình chọn', 4)).toEqual(levels([0, 0, 5, 1]));
      expect(partsOf('Sản phẩm đạt bình chọn', 4)).toEqual(levels([0, 0, 3, 0]));
      expect(partsOf('Danh hiệu nghệ nhân được phong tặng', 2)).toEqual([
        'Nghệ nhân ưu tú7',
        'Nghệ nhân nhân dân2',
      ]);
    },
    RENDERING_MS,
  );

  it(
    'gives the annex a sheet for each unit of the pack’s grouping, after the summary',
    async () => {
      const pack = packOf({ level: 'regional', region: 'north', year: 2018, grouping: 'historical' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Uint8Array.from(await renderPackAnnex(pack)).buffer);

      const names = workbook.worksheets.map((sheet) => sheet.name);
      expect(names[0]).toBe(SUMMARY_SHEET);
      // The northern units of 1 January 2018 (the 63-unit map), Hà Tây long gone into Hà Nội.
      expect(names.slice(1)).toEqual(pack.report.units.map((unit) => unit.nameVi));
      expect(names).toEqual(expect.arrayContaining(['Hà Nội', 'Nam Định', 'Hà Nam']));
      expect(workbook.created).toEqual(CUT_OFF);
    },
    RENDERING_MS,
  );
});
