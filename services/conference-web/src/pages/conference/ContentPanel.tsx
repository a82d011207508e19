import { useMemo } from 'react';
import type { ConferenceContentRow } from '@kc/contracts';
import { Chart, type ChartOption } from '../../charts/Chart';
import { formatCount, formatPercent, formatVnd, formatVndShort } from '../../i18n/format';
import { useLang, type Lang } from '../../i18n/lang';
import { labelOf, type Glossary } from './figures';

/**
 * Allocated VND per activity content, content 1 on top; the tooltip names it in full with its projects.
 * `labelWidth` (px) is what the content names may take before they are cut short.
 */
export function contentChartOption(
  rows: ConferenceContentRow[],
  lang: Lang,
  { fontSize = 12, labelWidth = 190 }: { fontSize?: number; labelWidth?: number } = {},
): ChartOption {
  const ordered = [...rows].reverse();
  const name = (row: ConferenceContentRow) =>
    `${row.activityContent}. ${lang === 'vi' ? row.nameVi : row.nameEn}`;
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const row = ordered[(params as { dataIndex: number }).dataIndex];
        const projects = lang === 'vi' ? `${row.projects} đề án` : `${row.projects} projects`;
        return `${name(row)}<br/><b>${formatVnd(row.allocatedVnd)}</b> · ${projects}`;
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (value: number) => formatVndShort(value, lang), fontSize },
      splitNumber: 3,
    },
    yAxis: {
      type: 'category',
      data: ordered.map(name),
      axisLabel: { width: labelWidth, overflow: 'truncate', fontSize },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: ordered.map((row) => row.allocatedVnd),
        barMaxWidth: fontSize * 2.2,
        label: {
          show: true,
          position: 'right',
          fontSize,
          formatter: (params: unknown) => formatVndShort((params as { value: number }).value, lang),
        },
      },
    ],
  };
}

/** By activity content: the bar chart of allocated VND and the table of every figure per content. */
export function ContentPanel({ rows, glossary }: { rows: ConferenceContentRow[]; glossary: Glossary }) {
  const { t, lang } = useLang();
  // Content names get a third of a phone's width, more on a wider screen.
  const labelWidth = Math.min(190, Math.round(window.innerWidth * 0.3));
  const option = useMemo(() => contentChartOption(rows, lang, { labelWidth }), [rows, lang, labelWidth]);
  const label = (key: string) => labelOf(glossary, key, lang);
  return (
    <section className="card full" aria-labelledby="by-content">
      <h2 id="by-content">{t('Theo nội dung hoạt động khuyến công', 'By activity content')}</h2>
      <p className="muted small">
        {t(
          'Một đề án có nhiều nội dung được tính ở mỗi nội dung, nên các dòng không cộng lại thành tổng.',
          'A project with several contents counts under each, so the rows do not add up to the total.',
        )}
      </p>
      <div className="content-layout">
        <Chart
          option={option}
          height={340}
          ariaLabel={t(
            'Biểu đồ kinh phí được giao theo nội dung hoạt động',
            'Chart: allocated VND by activity content',
          )}
        />
        {/* Focusable: a keyboard reader can scroll the table sideways on a phone. */}
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('Bảng số liệu theo nội dung hoạt động', 'Table: figures by activity content')}
        >
          <table className="table" data-table="by-content">
            <caption className="visually-hidden">
              {t('Số liệu theo nội dung hoạt động', 'Figures by activity content')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('Nội dung', 'Content')}</th>
                <th scope="col" className="num">
                  {label('projects')}
                </th>
                <th scope="col" className="num">
                  {label('projectsCompleted')}
                </th>
                <th scope="col" className="num">
                  {label('completionPercent')}
                </th>
                <th scope="col" className="num">
                  {label('allocatedVnd')}
                </th>
                <th scope="col" className="num">
                  {label('paidVnd')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.activityContent} data-content={row.activityContent}>
                  <th scope="row" className="wrap">
                    {row.activityContent}. {lang === 'vi' ? row.nameVi : row.nameEn}
                  </th>
                  <td className="num">{formatCount(row.projects)}</td>
                  <td className="num">{formatCount(row.projectsCompleted)}</td>
                  <td className="num">{formatPercent(row.completionPercent)}</td>
                  <td className="num">{formatVnd(row.allocatedVnd)}</td>
                  <td className="num">{formatVnd(row.paidVnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
