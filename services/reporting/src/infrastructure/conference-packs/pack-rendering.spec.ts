import ExcelJS from 'exceljs';
import { conferenceReport } from '../../application/conference-report';
import type { ProjectGroup, YearFacts } from '../../application/year-facts';
import {
  packTitle,
  type ConferencePackScope,
  type FrozenConferencePack,
} from '../../domain/conference-packs/conference-pack';
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
  clusters: [],
  fairs: [],
  awardRounds: [],
  booths: [],
  certificatesIssued: [],
  certificatesValid: [],
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
