import ExcelJS from 'exceljs';
import {
  artisanTitleLabels,
  artisanTitles,
  awardLevelLabels as AWARD_LEVEL_VI,
  conferenceAwardLevels,
  conferenceFigures,
  projectStatuses,
  projectStatusLabels,
  type ConferenceFigureDefinition,
  type ConferenceFigures,
  type ConferenceTotals,
} from '@kc/contracts';
import { regions } from '@kc/reference-data';
import {
  CONTENT_FIGURES,
  conferenceName,
  sheetNames,
  unitsLine,
  type FrozenConferencePack,
} from '../../domain/conference-packs/conference-pack';
import { cutOffLine } from '../../domain/conference-packs/pack-text';
import { stampZipEntries } from './zip-timestamps';

export const SUMMARY_SHEET = 'Tổng hợp';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5FA8' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
const WHOLE = '#,##0';
const ONE_DECIMAL = '0.0';
const HECTARES = '#,##0.00';

/**
 * One line per figure: its Vietnamese label, its key (for those who read the annex by program) and how to read
 * the number. A breakdown becomes one line per part: per status (`projectsByStatus.settled`), per award level
 * (`awardEntries.byLevel.national`), per artisan title (`artisanTitlesConferred.people`).
 */
interface FigureLine {
  label: string;
  key: string;
  numFmt: string;
  value: (figures: ConferenceFigures & Partial<ConferenceTotals>) => number | null | undefined;
}

function linesOf(definitions: readonly ConferenceFigureDefinition[]): FigureLine[] {
  return definitions.flatMap((f): FigureLine[] => {
    if (f.key === 'projectsByStatus') {
      return projectStatuses.map((status) => ({
        label: `${f.labelVi}: ${projectStatusLabels[status]}`,
        key: `projectsByStatus.${status}`,
        numFmt: WHOLE,
        value: (figures) => figures.projectsByStatus[status],
      }));
    }
    if (f.key === 'awardEntries' || f.key === 'awardPasses') {
      const key = f.key;
      return conferenceAwardLevels.map((level) => ({
        label: `${f.labelVi}: ${AWARD_LEVEL_VI[level]}`,
        key: `${key}.byLevel.${level}`,
        numFmt: WHOLE,
        value: (figures: ConferenceFigures) => figures[key].byLevel[level],
      }));
    }
    if (f.key === 'artisanTitlesConferred') {
      return artisanTitles.map((title) => ({
        label: `${f.labelVi}: ${artisanTitleLabels[title]}`,
        key: `artisanTitlesConferred.${title}`,
        numFmt: WHOLE,
        value: (figures: ConferenceFigures) => figures.artisanTitlesConferred[title],
      }));
    }
    if (f.key === 'awardCertificates') {
      return [
        ...conferenceAwardLevels.map((level) => ({
          label: `${f.labelVi}: cấp trong năm, ${AWARD_LEVEL_VI[level]}`,
          key: `awardCertificates.issued.byLevel.${level}`,
          numFmt: WHOLE,
          value: (figures: ConferenceFigures) => figures.awardCertificates.issued.byLevel[level],
        })),
        {
          label: `${f.labelVi}: còn hiệu lực ngày 31/12`,
          key: 'awardCertificates.validAtYearEnd',
          numFmt: WHOLE,
          value: (figures) => figures.awardCertificates.validAtYearEnd,
        },
      ];
    }
    const key = f.key as keyof ConferenceTotals;
    if (f.measure === 'centi-ha') {
      // The annex shows hectares: a sheet reader sums them as they are; the key keeps the exact source figure.
      return [
        {
          label: f.labelVi,
          key: f.key,
          numFmt: HECTARES,
          value: (figures) => (figures[key] as number) / 100,
        },
      ];
    }
    return [
      {
        label: f.labelVi,
        key: f.key,
        numFmt: f.measure === 'percent' ? ONE_DECIMAL : WHOLE,
        value: (figures) => figures[key] as number | null | undefined,
      },
    ];
  });
}

const UNIT_LINES = linesOf(conferenceFigures.filter((f) => f.in === 'units'));
const TOTAL_LINES = linesOf(conferenceFigures);

function headerRow(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** Label, value, key: one row per figure; a figure that does not apply (a rate of nothing) reads "—". */
function figureRows(
  sheet: ExcelJS.Worksheet,
  lines: FigureLine[],
  figures: ConferenceFigures & Partial<ConferenceTotals>,
) {
  headerRow(sheet, ['Chỉ tiêu', 'Số liệu', 'Mã chỉ tiêu']);
  for (const line of lines) {
    const value = line.value(figures);
    const row = sheet.addRow([line.label, value ?? '—', line.key]);
    row.getCell(2).numFmt = line.numFmt;
    row.getCell(2).alignment = { horizontal: 'right' };
    row.getCell(3).font = { color: { argb: 'FF7F8C99' } };
  }
}

/** The title lines every sheet opens with: what, for which conference, frozen when and by whom. */
function heading(sheet: ExcelJS.Worksheet, title: string, lines: string[]): void {
  sheet.addRow([title]).getCell(1).font = { bold: true, size: 14 };
  for (const line of lines) sheet.addRow([line]).getCell(1).font = { color: { argb: 'FF5B6B7B' } };
  sheet.addRow([]);
}

function summarySheet(
  workbook: ExcelJS.Workbook,
  pack: FrozenConferencePack,
  unitSheets: string[],
  context: string[],
) {
  const { report } = pack;
  const sheet = workbook.addWorksheet(SUMMARY_SHEET);
  sheet.columns = [{ width: 48 }, { width: 24 }, { width: 30 }, ...UNIT_LINES.map(() => ({ width: 20 }))];
  heading(sheet, `Phụ lục số liệu theo đơn vị - ${conferenceName(pack)}`, context);
  figureRows(sheet, TOTAL_LINES, report.totals);

  // The units side by side, each linked to its own sheet.
  sheet.addRow([]);
  sheet.addRow(['Số liệu theo đơn vị']).getCell(1).font = { bold: true, size: 12 };
  headerRow(sheet, ['Đơn vị', 'Mã đơn vị', 'Trang tính', ...UNIT_LINES.map((l) => l.label)]);
  report.units.forEach((unit, i) => {
    const row = sheet.addRow([
      unit.nameVi,
      unit.code,
      // A reference quotes the sheet name, an apostrophe in it doubled.
      { text: unitSheets[i], hyperlink: `#'${unitSheets[i].replaceAll("'", "''")}'!A1` },
      ...UNIT_LINES.map((l) => l.value(unit) ?? '—'),
    ]);
    UNIT_LINES.forEach((l, j) => (row.getCell(4 + j).numFmt = l.numFmt));
  });
  const closing: [string, ConferenceFigures][] = [
    ['Chưa gắn với đơn vị nào', report.unattributed],
    ['Tổng cộng', report.totals],
  ];
  for (const [label, figures] of closing) {
    const row = sheet.addRow([label, '', '', ...UNIT_LINES.map((l) => l.value(figures) ?? '—')]);
    row.font = { bold: label === 'Tổng cộng' };
    UNIT_LINES.forEach((l, j) => (row.getCell(4 + j).numFmt = l.numFmt));
  }

  sheet.addRow([]);
  sheet
    .addRow(['Theo nội dung hoạt động (một đề án có thể thuộc nhiều nội dung: các dòng không cộng lại)'])
    .getCell(1).font = { bold: true, size: 12 };
  const contentLines = CONTENT_FIGURES.map((key) => UNIT_LINES.find((l) => l.key === key)!);
  headerRow(sheet, ['Nội dung hoạt động', 'Mã nội dung', '', ...contentLines.map((l) => l.label)]);
  for (const row of report.byContent) {
    const added = sheet.addRow([
      row.nameVi,
      row.activityContent,
      '',
      ...CONTENT_FIGURES.map((key) => row[key] ?? '—'),
    ]);
    contentLines.forEach((l, j) => (added.getCell(4 + j).numFmt = l.numFmt));
  }
}

/**
 * The pack's Excel annex: a summary sheet (every total, the units side by side, the activity contents) and one
 * sheet per unit of the pack's grouping with that unit's figures; the units' figures and the unattributed
 * remainder add up to the totals. Dated by the cut-off, the zip entries included: the same pack gives the same
 * bytes.
 */
export async function renderPackAnnex(pack: FrozenConferencePack): Promise<Buffer> {
  const { report } = pack;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = pack.frozenBy.name;
  workbook.lastModifiedBy = pack.frozenBy.name;
  workbook.created = pack.cutOff;
  workbook.modified = pack.cutOff;
  workbook.title = `Phụ lục số liệu theo đơn vị - ${conferenceName(pack)}`;
  workbook.subject = cutOffLine(pack.cutOff);
  workbook.keywords = pack.id;

  const context = [
    unitsLine(report),
    `${cutOffLine(pack.cutOff)} · người chốt: ${pack.frozenBy.name}`,
    `Mã bộ số liệu: ${pack.id}`,
  ];
  const names = sheetNames(
    report.units.map((u) => u.nameVi),
    [SUMMARY_SHEET],
  );
  summarySheet(workbook, pack, names, context);
  report.units.forEach((unit, i) => {
    const sheet = workbook.addWorksheet(names[i]);
    sheet.columns = [{ width: 48 }, { width: 24 }, { width: 30 }];
    const region = regions.find((r) => r.code === unit.regionCode)!;
    heading(sheet, unit.nameVi, [
      `Mã đơn vị ${unit.code} · khu vực miền ${region.nameVi}`,
      pack.title,
      cutOffLine(pack.cutOff),
    ]);
    figureRows(sheet, UNIT_LINES, unit);
  });
  return stampZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()), pack.cutOff);
}
