import { init, type EChartsOption } from 'echarts';
import type { ConferenceReport, ConferenceUnitRow } from '@kc/contracts';
import { figureLabel, labelWithoutUnit } from '../../domain/conference-packs/conference-pack';
import { compactVndText, vndText } from '../../domain/conference-packs/pack-text';

/** The width the charts are drawn at: the text column of an A4 page in points, so 1 SVG unit = 1 pt. */
export const CHART_WIDTH = 515;
const FONT = 'Roboto';
export const PACK_COLOURS = ['#1f5fa8', '#e07b24', '#3a9a5b', '#8a5fbf', '#c2414b'];

const TEXT = { fontSize: 9, color: '#333333' };
// A label without its own colour is outlined in white under its fill (paint-order), which the PDF's SVG reader
// does not honour: it would paint the outline over the text.
const LABEL = { show: true, position: 'right' as const, ...TEXT };
const AXIS_LABEL = { ...TEXT, color: '#54555a' };

/**
 * One chart as an SVG string, rendered on the server (no DOM, no animation). The CSS hover classes ECharts
 * numbers per instance are ignored by pdfmake, which reads no CSS from an SVG string: the PDF stays the same.
 */
function svgOf(height: number, option: EChartsOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      color: PACK_COLOURS,
      textStyle: { fontFamily: FONT, ...TEXT },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const MONEY_STAGES = ['allocatedVnd', 'contractedVnd', 'advancedVnd', 'paidVnd', 'settledVnd'] as const;

/** Horizontal bars, one per category from the top, each labelled with its value. */
function bars(
  categories: string[],
  values: number[],
  valueText: (value: number) => string,
  height: number,
): string {
  return svgOf(height, {
    grid: { left: 8, right: 110, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { ...AXIS_LABEL, formatter: (value: number) => compactVndText(value) },
      splitLine: { lineStyle: { color: '#e3e6ea' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisTick: { show: false },
      axisLabel: AXIS_LABEL,
    },
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 18,
        label: { ...LABEL, formatter: ({ value }: { value: unknown }) => valueText(Number(value)) },
      },
    ],
  });
}

/** The money of the year's projects by stage, from what was allocated to what was settled. */
export function moneyByStageChart(report: ConferenceReport): string {
  return bars(
    MONEY_STAGES.map((key) => labelWithoutUnit(figureLabel(key))),
    MONEY_STAGES.map((key) => report.totals[key]),
    vndText,
    170,
  );
}

/** What each of `units` was allocated, in their order. */
export function allocatedByUnitChart(units: readonly ConferenceUnitRow[]): string {
  return bars(
    units.map((u) => u.nameVi),
    units.map((u) => u.allocatedVnd),
    compactVndText,
    40 + units.length * 18,
  );
}

/** Per activity content: the projects in the plan and those completed, side by side. */
export function completionByContentChart(report: ConferenceReport): string {
  const series = (['projectsInPlan', 'projectsCompleted'] as const).map((key) => ({
    type: 'bar' as const,
    name: figureLabel(key),
    data: report.byContent.map((row) => row[key]),
    barMaxWidth: 9,
    label: LABEL,
  }));
  return svgOf(60 + report.byContent.length * 26, {
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: TEXT },
    grid: { left: 8, right: 30, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: '#e3e6ea' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      axisTick: { show: false },
      axisLabel: { ...AXIS_LABEL, width: 220, overflow: 'truncate', ellipsis: '…' },
      data: report.byContent.map((row) => `${row.activityContent}. ${row.nameVi}`),
    },
    series,
  });
}
