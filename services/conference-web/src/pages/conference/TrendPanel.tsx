import { useMemo } from 'react';
import type { ConferenceRegion, ConferenceReport } from '@kc/contracts';
import { api } from '../../api/http';
import { Chart, type ChartOption } from '../../charts/Chart';
import { formatCount, formatPercent, formatVnd, formatVndShort } from '../../i18n/format';
import { useLang, type Lang } from '../../i18n/lang';
import { useResource } from '../../api/resource';
import { labelOf, reportPath } from './figures';

const YEARS_BACK = 4;

interface Point {
  year: number;
  projects: number;
  allocatedVnd: number;
  completionPercent: number | null;
}

function pointOf(report: ConferenceReport): Point {
  const { projects, allocatedVnd, completionPercent } = report.totals;
  return { year: report.year, projects, allocatedVnd, completionPercent };
}

function smallChart(
  points: Point[],
  kind: 'bar' | 'line',
  pick: (p: Point) => number | null,
  format: (v: number) => string,
  color: string,
  /** Percentages: a fixed 0–100 axis in quarters. */
  percent = false,
): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—') },
    xAxis: { type: 'category', data: points.map((p) => String(p.year)), axisTick: { show: false } },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: format },
      splitNumber: 3,
      ...(percent ? { max: 100, interval: 25 } : {}),
    },
    series: [
      {
        type: kind,
        data: points.map(pick),
        color,
        barMaxWidth: 36,
        connectNulls: false,
        symbolSize: 8,
        label: {
          show: true,
          position: 'top',
          // Years without figures stay unlabelled: a row of "0 đ" would read as data.
          formatter: (p: unknown) => {
            const value = (p as { value: number | null }).value;
            return value ? format(value) : '';
          },
        },
      },
    ],
  };
}

/**
 * The same view over the previous four years and this one (the grouping of today's units: the totals do not
 * depend on it). Each year is one GET, kept at the gateway's edge.
 */
export function TrendPanel({
  level,
  region,
  report,
  version,
}: {
  level: 'national' | 'regional';
  region: ConferenceRegion | undefined;
  report: ConferenceReport;
  version: number;
}) {
  const { t, lang } = useLang();
  const years = Array.from({ length: YEARS_BACK }, (_, i) => report.year - YEARS_BACK + i);
  const key = years.map((year) => reportPath(level, region, year, 'current')).join(' ');
  const past = useResource(
    key,
    () =>
      Promise.allSettled(
        years.map((year) => api<ConferenceReport>(reportPath(level, region, year, 'current'))),
      ).then((answers) =>
        answers.flatMap((answer) => (answer.status === 'fulfilled' ? [pointOf(answer.value)] : [])),
      ),
    version,
  );
  const points = useMemo(() => [...(past.data ?? []), pointOf(report)], [past.data, report]);
  const options = useMemo(() => charts(points, lang), [points, lang]);
  const label = (figure: string) => labelOf(report.glossary, figure, lang);

  return (
    <section className="card full" aria-labelledby="trend">
      <h2 id="trend">{t('Qua các năm', 'Year over year')}</h2>
      <div className="trend-charts">
        {options.map(([figure, option]) => (
          <figure key={figure}>
            <figcaption>{label(figure)}</figcaption>
            <Chart
              option={option}
              height={200}
              ariaLabel={`${label(figure)} ${points[0].year}–${report.year}`}
            />
          </figure>
        ))}
      </div>
      <details>
        <summary>{t('Bảng số liệu', 'Data table')}</summary>
        {/* Focusable: a keyboard reader can scroll the table sideways on a phone. */}
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('Bảng số liệu qua các năm', 'Table: figures by year')}
        >
          <table className="table" data-table="trend">
            <thead>
              <tr>
                <th scope="col">{t('Năm', 'Year')}</th>
                <th scope="col" className="num">
                  {label('projects')}
                </th>
                <th scope="col" className="num">
                  {label('allocatedVnd')}
                </th>
                <th scope="col" className="num">
                  {label('completionPercent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.year}>
                  <th scope="row">{point.year}</th>
                  <td className="num">{formatCount(point.projects)}</td>
                  <td className="num">{formatVnd(point.allocatedVnd)}</td>
                  <td className="num">{formatPercent(point.completionPercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function charts(points: Point[], lang: Lang): [string, ChartOption][] {
  return [
    [
      'projects',
      smallChart(
        points,
        'bar',
        (p) => p.projects,
        (v) => formatCount(v),
        '#0b5cad',
      ),
    ],
    [
      'allocatedVnd',
      smallChart(
        points,
        'bar',
        (p) => p.allocatedVnd,
        (v) => formatVndShort(v, lang),
        '#b0151c',
      ),
    ],
    [
      'completionPercent',
      smallChart(
        points,
        'line',
        (p) => p.completionPercent,
        (v) => formatPercent(v),
        '#1f7a3f',
        true,
      ),
    ],
  ];
}
