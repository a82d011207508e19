import { dirname, join } from 'node:path';
import pdfMake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  artisanTitleLabels,
  artisanTitles,
  awardLevelLabels as AWARD_LEVEL_VI,
  conferenceAwardLevels,
  conferenceFigures,
  projectStatuses,
  projectStatusLabels,
  type ConferenceFigureKey,
  type ConferenceFigures,
  type ConferenceReport,
  type ConferenceTotals,
} from '@kc/contracts';
import {
  CONTENT_FIGURES,
  figureLabel,
  labelWithoutUnit,
  unitsLine,
  type FrozenConferencePack,
} from '../../domain/conference-packs/conference-pack';
import {
  countText,
  cutOffLine,
  oneDecimalText,
  percentText,
  hectaresText,
  vietnamDateTimeText,
  vndText,
} from '../../domain/conference-packs/pack-text';
import {
  allocatedByUnitChart,
  CHART_WIDTH,
  completionByContentChart,
  moneyByStageChart,
  PACK_COLOURS,
} from './pack-charts';

// Roboto, as pdfmake ships it, has every Vietnamese letter; nothing is fetched at run time, and the documents
// may read no other file or URL.
const ROBOTO = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
const FONT_FILES = {
  normal: join(ROBOTO, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO, 'Roboto-MediumItalic.ttf'),
};
const READABLE = new Set<string>(Object.values(FONT_FILES));
pdfMake.setFonts({ Roboto: FONT_FILES });
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((path) => READABLE.has(path));

const INK = '#1c2b3a';
const MUTED = '#5b6b7b';
const RULE = '#d0d7e2';
const [ACCENT] = PACK_COLOURS;
const UNIT_CHART_TOP = 15;

/** The breakdowns of a row (by status, level and group, title): each is several numbers, not one cell. */
type BreakdownKey =
  | 'projectsByStatus'
  | 'awardEntries'
  | 'awardPasses'
  | 'awardCertificates'
  | 'artisanTitlesConferred';
/** The single-number figures of a row. */
type UnitFigureKey = Exclude<keyof ConferenceFigures, BreakdownKey>;
const measureOf = (key: ConferenceFigureKey) => conferenceFigures.find((f) => f.key === key)!.measure;

/** A figure with its unit, as a sentence would say it: 1.150.000.000 đ, 50,0 %, 262. */
function figureText(key: ConferenceFigureKey, value: number | null): string {
  if (value === null) return '—';
  const measure = measureOf(key);
  if (measure === 'centi-ha') return `${hectaresText(value)} ha`;
  return measure === 'vnd' ? vndText(value) : measure === 'percent' ? percentText(value) : countText(value);
}

/** A table cell: the header names the unit (đồng, %), so the cell holds the number only. */
function cellText(key: ConferenceFigureKey, value: number | null): string {
  if (value === null) return '—';
  const measure = measureOf(key);
  if (measure === 'centi-ha') return hectaresText(value);
  return measure === 'percent' ? oneDecimalText(value) : countText(value);
}

const tableLayout: CustomTableLayout = {
  fillColor: (row) => (row === 0 ? ACCENT : row % 2 === 0 ? '#f3f6fa' : null),
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

const header = (text: string): TableCell => ({ text, style: 'tableHeader' });
const number = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });

/** The headline figures of the pack, as tiles of three across. */
const HEADLINE: readonly (keyof ConferenceTotals & ConferenceFigureKey)[] = [
  'plansAllLevels',
  'planBudgetAllLevelsVnd',
  'projects',
  'projectsInPlan',
  'projectsCompleted',
  'completionPercent',
  'allocatedVnd',
  'contractedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'counterpartVnd',
];

function headline(totals: ConferenceTotals): Content {
  const tiles = HEADLINE.map(
    (key): TableCell => ({
      stack: [
        { text: labelWithoutUnit(figureLabel(key)), color: MUTED, fontSize: 8 },
        { text: figureText(key, totals[key] as number | null), bold: true, fontSize: 13, color: INK },
      ],
      fillColor: '#eef3f9',
      margin: [6, 5, 6, 5],
    }),
  );
  const body: TableCell[][] = [];
  for (let i = 0; i < tiles.length; i += 3) body.push(tiles.slice(i, i + 3));
  return {
    table: { widths: ['*', '*', '*'], body },
    layout: {
      hLineWidth: () => 3,
      vLineWidth: () => 3,
      hLineColor: () => '#ffffff',
      vLineColor: () => '#ffffff',
    },
    margin: [-3, 4, -3, 10],
  };
}

/**
 * Figures of every unit in rows, the unattributed remainder when there is one, and the total: a landscape page
 * of its own (34 units fit one).
 */
function unitTable(report: ConferenceReport, title: string, keys: readonly UnitFigureKey[]): Content[] {
  const values = (figures: ConferenceFigures, bold = false) =>
    keys.map((key) => number(cellText(key, figures[key]), bold));
  const body: TableCell[][] = [
    [header('STT'), header('Đơn vị'), ...keys.map((key) => header(figureLabel(key)))],
    ...report.units.map((unit, i) => [
      number(String(i + 1)),
      { text: unit.nameVi } as TableCell,
      ...values(unit),
    ]),
  ];
  if (keys.some((key) => (report.unattributed[key] ?? 0) !== 0)) {
    body.push(['', { text: 'Chưa gắn với đơn vị nào', italics: true }, ...values(report.unattributed)]);
  }
  body.push(['', { text: 'Tổng cộng', bold: true }, ...values(report.totals, true)]);
  return [
    { text: title, style: 'heading', pageBreak: 'before', pageOrientation: 'landscape' },
    {
      table: { headerRows: 1, widths: [18, 92, ...keys.map(() => '*')], body, dontBreakRows: true },
      layout: tableLayout,
      fontSize: 7,
      margin: [0, 0, 0, 12],
    },
  ];
}

function contentTable(report: ConferenceReport): Content[] {
  const body: TableCell[][] = [
    [header('Mã'), header('Nội dung hoạt động'), ...CONTENT_FIGURES.map((key) => header(figureLabel(key)))],
    ...report.byContent.map((row) => [
      number(String(row.activityContent)),
      { text: row.nameVi } as TableCell,
      ...CONTENT_FIGURES.map((key) => number(cellText(key, row[key]))),
    ]),
  ];
  return [
    {
      text: 'Đề án và kinh phí theo nội dung hoạt động khuyến công',
      style: 'heading',
      pageBreak: 'before',
      pageOrientation: 'landscape',
    },
    {
      table: {
        headerRows: 1,
        widths: [18, 120, ...CONTENT_FIGURES.map(() => '*')],
        body,
        dontBreakRows: true,
      },
      layout: tableLayout,
      fontSize: 7.5,
    },
    {
      text: 'Một đề án có thể thuộc nhiều nội dung hoạt động: các dòng không cộng lại thành tổng.',
      style: 'note',
    },
  ];
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Every total the report holds, in the glossary's order, the breakdowns spelled out line by line. */
function totalsTable(totals: ConferenceTotals): Content[] {
  const body: TableCell[][] = [[header('Chỉ tiêu'), header('Số liệu')]];
  const part = (label: string, value: number): TableCell[] => [
    { text: label, margin: [10, 0, 0, 0] },
    number(countText(value)),
  ];
  for (const figure of conferenceFigures) {
    const breakdown = (lines: TableCell[][]) =>
      body.push([{ text: figure.labelVi, colSpan: 2, bold: true }, ''], ...lines);
    if (figure.key === 'projectsByStatus') {
      breakdown(
        projectStatuses.map((status) => part(projectStatusLabels[status], totals.projectsByStatus[status])),
      );
      continue;
    }
    if (figure.key === 'awardEntries' || figure.key === 'awardPasses') {
      const counts = totals[figure.key];
      breakdown(
        conferenceAwardLevels.map((level) => part(capitalised(AWARD_LEVEL_VI[level]), counts.byLevel[level])),
      );
      continue;
    }
    if (figure.key === 'awardCertificates') {
      const certificates = totals.awardCertificates;
      breakdown([
        ...conferenceAwardLevels.map((level) =>
          part(`Cấp trong năm, ${AWARD_LEVEL_VI[level]}`, certificates.issued.byLevel[level]),
        ),
        part('Còn hiệu lực ngày 31/12', certificates.validAtYearEnd),
      ]);
      continue;
    }
    if (figure.key === 'artisanTitlesConferred') {
      breakdown(
        artisanTitles.map((title) => part(artisanTitleLabels[title], totals.artisanTitlesConferred[title])),
      );
      continue;
    }
    body.push([
      { text: labelWithoutUnit(figure.labelVi) },
      number(figureText(figure.key, totals[figure.key])),
    ]);
  }
  return [
    { text: 'Toàn bộ số liệu tổng hợp', style: 'heading', pageBreak: 'before', pageOrientation: 'portrait' },
    { table: { headerRows: 1, widths: ['*', 150], body, dontBreakRows: true }, layout: tableLayout },
  ];
}

function glossaryTable(): Content[] {
  const body: TableCell[][] = [
    [header('Chỉ tiêu'), header('Cách tính')],
    ...conferenceFigures.map((f): TableCell[] => [{ text: f.labelVi, bold: true }, f.definitionVi]),
  ];
  return [
    { text: 'Giải thích chỉ tiêu', style: 'heading', pageBreak: 'before' },
    {
      table: { headerRows: 1, widths: [150, '*'], body, dontBreakRows: true },
      layout: tableLayout,
      fontSize: 8,
    },
  ];
}

function titleBlock(pack: FrozenConferencePack): Content[] {
  const row = (label: string, value: string): TableCell[] => [
    { text: label, color: MUTED },
    { text: value, bold: true },
  ];
  return [
    { text: 'BỘ SỐ LIỆU HỘI NGHỊ KHUYẾN CÔNG', color: ACCENT, bold: true, fontSize: 9, characterSpacing: 1 },
    { text: pack.title, style: 'title' },
    { text: unitsLine(pack.report), color: MUTED, margin: [0, 0, 0, 8] },
    {
      table: {
        widths: [110, '*'],
        body: [
          row('Số liệu chốt lúc', `${vietnamDateTimeText(pack.cutOff)} (giờ Việt Nam)`),
          row('Người chốt', pack.frozenBy.name),
          row('Mã bộ số liệu', pack.id),
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ];
}

const chart = (svg: string): Content => ({ svg, width: CHART_WIDTH, margin: [0, 0, 0, 8] });

/** The units allocated most (ties in the rows' order, by code), or all of them when they are few. */
function allocatedByUnit(report: ConferenceReport): Content[] {
  const allocated = report.units.filter((unit) => unit.allocatedVnd > 0);
  const shown = [...allocated].sort((a, b) => b.allocatedVnd - a.allocatedVnd).slice(0, UNIT_CHART_TOP);
  const heading =
    shown.length < allocated.length
      ? `${shown.length} đơn vị được giao kinh phí nhiều nhất (trong ${allocated.length} đơn vị được giao)`
      : 'Kinh phí được giao theo đơn vị';
  return [
    { text: heading, style: 'heading', pageBreak: 'before' },
    shown.length > 0
      ? chart(allocatedByUnitChart(shown))
      : {
          text: 'Chưa đơn vị nào được giao kinh phí cho các đề án của năm.',
          style: 'note',
          margin: [0, 0, 0, 12],
        },
  ];
}

/**
 * The pack's PDF report: A4, Vietnamese, the headline figures and charts first, then the tables per unit and
 * per activity content (landscape), every total and the glossary; each page carries the cut-off and "Trang x/y".
 * Dated by the cut-off, so the same pack gives the same bytes.
 */
export function renderPackReport(pack: FrozenConferencePack): Promise<Buffer> {
  const { report } = pack;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 44, 40, 48],
    language: 'vi-VN',
    info: {
      title: pack.title,
      author: pack.frozenBy.name,
      subject: cutOffLine(pack.cutOff),
      keywords: pack.id,
      creator: 'Nền tảng quản lý chương trình khuyến công',
      producer: 'pdfmake',
      creationDate: pack.cutOff,
      modDate: pack.cutOff,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: INK },
    styles: {
      title: { fontSize: 19, bold: true, color: INK, margin: [0, 4, 0, 4] },
      heading: { fontSize: 12, bold: true, color: ACCENT, margin: [0, 6, 0, 6] },
      tableHeader: { bold: true, color: '#ffffff', fontSize: 7 },
      note: { italics: true, color: MUTED, fontSize: 8, margin: [0, 4, 0, 0] },
    },
    header: (page) =>
      page === 1
        ? null
        : { text: pack.title, color: MUTED, fontSize: 8, margin: [40, 20, 40, 0], alignment: 'right' },
    footer: (page, pages) => ({
      columns: [
        { text: cutOffLine(pack.cutOff) },
        { text: `Trang ${page}/${pages}`, alignment: 'right', width: 80 },
      ],
      fontSize: 8,
      color: MUTED,
      margin: [40, 18, 40, 0],
    }),
    content: [
      ...titleBlock(pack),
      { text: 'Số liệu chính', style: 'heading' },
      headline(report.totals),
      { text: 'Kinh phí các đề án của năm theo giai đoạn', style: 'heading' },
      chart(moneyByStageChart(report)),
      ...allocatedByUnit(report),
      { text: 'Đề án được giao kế hoạch và hoàn thành theo nội dung hoạt động', style: 'heading' },
      chart(completionByContentChart(report)),
      ...unitTable(report, 'Đề án và kinh phí theo đơn vị', [
        'projects',
        'projectsInPlan',
        'projectsCompleted',
        'completionPercent',
        'allocatedVnd',
        'contractedVnd',
        'advancedVnd',
        'paidVnd',
        'settledVnd',
      ]),
      ...unitTable(report, 'Kế hoạch, đề nghị hỗ trợ và vốn đối ứng theo đơn vị', [
        'provincialPlans',
        'provincialPlanBudgetVnd',
        'requestedSupportVnd',
        'appraisedSupportVnd',
        'counterpartVnd',
      ]),
      ...unitTable(report, 'Cụm công nghiệp, hội chợ, bình chọn sản phẩm và gian hàng theo đơn vị', [
        'clustersRegistered',
        'fairsHosted',
        'provincialAwardRounds',
        'boothsAllocated',
        'boothsSupported',
        'boothSupportVnd',
      ]),
      ...unitTable(
        report,
        'Cụm công nghiệp theo đơn vị (cơ sở dữ liệu hiện tại và báo cáo được duyệt của năm)',
        [
          'clustersRegistered',
          'clustersOperating',
          'clusterTotalAreaCentiHa',
          'clusterOccupancyPercent',
          'wastewaterCoveragePercent',
          'clusterReports',
          'reportedOccupancyPercent',
        ],
      ),
      ...contentTable(report),
      ...totalsTable(report.totals),
      ...glossaryTable(),
    ],
  };
  return pdfMake.createPdf(doc).getBuffer();
}
