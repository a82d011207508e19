import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  ConferenceFigureDefinition,
  ConferenceReport,
  ConferenceUnitRow,
  Page,
  ProjectStatus,
  ProjectView,
  ProvinceDetailView,
  WatchlistPage,
} from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { Chart, type ChartOption } from '../../charts/Chart';
import {
  formatCount,
  formatDate,
  formatHectares,
  formatPercent,
  formatVnd,
  formatVndShort,
} from '../../i18n/format';
import { useLang, type Lang } from '../../i18n/lang';
import { isStaff, useSession } from '../../session/session';
import {
  Breadcrumbs,
  drillCrumbs,
  ErrorNotice,
  Loading,
  Notice,
  Progress,
  PROJECT_STATUSES,
  provinceName,
  regionName,
  STATUS_VI,
  StatusBadge,
  statusText,
  useRegions,
  yearParam,
} from '../projects/common';
import './ProvincePage.css';

type FigureKey = keyof ConferenceUnitRow;

/** The figures shown as tiles, in reading order; labels and definitions come from the report's glossary. */
const HEADLINE: FigureKey[] = [
  'projects',
  'projectsInPlan',
  'projectsCompleted',
  'completionPercent',
  'allocatedVnd',
];
const MONEY: FigureKey[] = [
  'requestedSupportVnd',
  'appraisedSupportVnd',
  'allocatedVnd',
  'contractedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'counterpartVnd',
];
const OTHER: FigureKey[] = [
  'provincialPlans',
  'provincialPlanBudgetVnd',
  'clustersRegistered',
  'clustersOperating',
  'clusterTotalAreaCentiHa',
  'clusterOccupancyPercent',
  'wastewaterCoveragePercent',
  'clusterWorkers',
  'clusterReports',
  'reportedOccupancyPercent',
  'fairsHosted',
  'provincialAwardRounds',
  'boothsAllocated',
  'boothsSupported',
  'boothSupportVnd',
];
const PROJECT_PREVIEW = 10;

/** "Kinh phí được giao (đồng)" → "Kinh phí được giao": the value already says đ or %. */
function label(glossary: ConferenceFigureDefinition[], key: string, lang: Lang): string {
  const entry = glossary.find((g) => g.key === key);
  const text = entry ? (lang === 'vi' ? entry.labelVi : entry.labelEn) : key;
  return text.replace(/\s*\((đồng|VND|%|ha)\)$/, '');
}

function definition(glossary: ConferenceFigureDefinition[], key: string, lang: Lang): string | undefined {
  const entry = glossary.find((g) => g.key === key);
  return entry ? (lang === 'vi' ? entry.definitionVi : entry.definitionEn) : undefined;
}

function formatFigure(glossary: ConferenceFigureDefinition[], key: string, value: unknown): string {
  const measure = glossary.find((g) => g.key === key)?.measure;
  if (measure === 'vnd') return formatVnd(value as number);
  if (measure === 'percent') return formatPercent(value as number | null);
  if (measure === 'centi-ha') return formatHectares(value as number);
  return formatCount(value as number);
}

function Figure({
  report,
  row,
  k,
  lang,
  share,
}: {
  report: ConferenceReport;
  row: ConferenceUnitRow;
  k: FigureKey;
  lang: Lang;
  share?: string;
}) {
  const value = row[k];
  return (
    <div
      className="figure"
      data-figure={k}
      data-value={value === null ? '' : String(value)}
      title={definition(report.glossary, k, lang)}
    >
      <div className="label">{label(report.glossary, k, lang)}</div>
      <div className="value">{formatFigure(report.glossary, k, value)}</div>
      {share ? <div className="dd-hint">{share}</div> : null}
    </div>
  );
}

function moneyChart(report: ConferenceReport, row: ConferenceUnitRow, lang: Lang): ChartOption {
  const keys = [...MONEY].reverse();
  return {
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => formatVnd(Number(v)),
    },
    // Each bar carries its value: the value axis would only crowd a phone.
    xAxis: { type: 'value', axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: keys.map((k) => label(report.glossary, k, lang)),
      axisLabel: { fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        data: keys.map((k) => row[k] as number),
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          fontSize: 13,
          formatter: (p) => formatVndShort(Number(p.value), lang),
        },
      },
    ],
  };
}

function statusChart(row: ConferenceUnitRow, lang: Lang): ChartOption {
  const statuses = PROJECT_STATUSES.filter((s) => row.projectsByStatus[s] > 0);
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: statuses.map((s: ProjectStatus) => statusText(s, STATUS_VI[s], lang)).reverse(),
      axisLabel: { fontSize: 13 },
    },
    series: [
      {
        type: 'bar',
        data: statuses.map((s) => row.projectsByStatus[s]).reverse(),
        barMaxWidth: 22,
        label: { show: true, position: 'right', fontSize: 13 },
        color: '#1f7a3f',
      },
    ],
  };
}

/**
 * One provincial unit in a year: its row of the national conference report (today's units, or the units as
 * they were that year with ?grouping=historical), its name and lineage from the reference data, and — for
 * staff allowed to see them — its projects and watchlist. Viewers see the published figures only; a
 * province officer sees the projects of their own unit only.
 */
export default function ProvincePage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang } = useLang();
  const { principal } = useSession();
  const year = yearParam(params.get('year'));

  const live = useLiveVersions(['reporting', 'projects']);
  const province = useApi<ProvinceDetailView>(`/api/v1/reference/provinces/${encodeURIComponent(code)}`);
  const unit = province.data;
  // A unit that has ended (merged on 2025-07-01) has no row among today's units: read it as it was that year.
  const grouping =
    params.get('grouping') === 'historical' || (unit && !unit.inForce) ? 'historical' : 'current';
  const unitAsOf = grouping === 'historical' ? 'recorded' : undefined;
  const report = useApi<ConferenceReport>(
    unit
      ? `/api/v1/conferences/national${query({ year, grouping: grouping === 'current' ? undefined : grouping })}`
      : null,
    live.version,
  );
  const regions = useRegions();

  const staff = isStaff(principal);
  const ownUnit = principal?.role === 'province-officer' ? principal.provinceCode : undefined;
  const mayDrill =
    staff &&
    (!ownUnit || ownUnit === code || (unit?.successorCode !== undefined && unit.successorCode === ownUnit));
  const projects = useApi<Page<ProjectView>>(
    mayDrill && unit
      ? `/api/v1/projects${query({ provinceCode: code, unitAsOf, year, limit: PROJECT_PREVIEW })}`
      : null,
    live.version,
  );
  const watch = useApi<WatchlistPage>(
    mayDrill && unit ? `/api/v1/watchlist${query({ provinceCode: code, unitAsOf, year, limit: 1 })}` : null,
    live.version,
  );

  const row = report.data?.units.find((u) => u.code === code);
  const region = regions.data?.items.find((r) => r.code === (row?.regionCode ?? unit?.regionCode));
  const charts = useMemo(
    () =>
      report.data && row
        ? { money: moneyChart(report.data, row, lang), status: statusChart(row, lang) }
        : null,
    [report.data, row, lang],
  );

  if (province.loading) return <Loading />;
  if (!unit) {
    return (
      <div className="page">
        <h1>{t('Tỉnh, thành phố', 'Province')}</h1>
        <ErrorNotice error={province.error} what={t('Không tìm thấy đơn vị', 'Unit not found')} />
        <Link to={`/conferences/national/${year}`}>
          {t('Về trang toàn quốc', 'Back to the national page')}
        </Link>
      </div>
    );
  }

  const name = provinceName(unit, lang);
  // A unit that only continued itself has one predecessor of its own code; a merged unit lists those it joined.
  const continued =
    unit.predecessors.length === 1 &&
    unit.predecessors[0].code === unit.code &&
    unit.predecessors[0].validFrom !== unit.validFrom
      ? unit.predecessors[0]
      : undefined;
  const merged = continued
    ? []
    : unit.predecessors.filter((p) => p.validFrom !== unit.validFrom || p.code !== unit.code);
  const totals = report.data?.totals;
  const share = (k: 'projects' | 'allocatedVnd') =>
    row && totals && totals[k] > 0
      ? t(
          `${formatPercent((row[k] / totals[k]) * 100)} cả nước`,
          `${formatPercent((row[k] / totals[k]) * 100)} of the nation`,
        )
      : undefined;
  const listHref = `/projects${query({ province: code, year, unitAsOf })}`;

  return (
    <div className="page province-page" data-testid="province-page" data-code={code} data-year={year}>
      <Breadcrumbs items={drillCrumbs(t, lang, year, region, undefined).concat({ label: name })} />
      <header className="dd-page-head">
        <div>
          <h1 data-testid="province-name">{name}</h1>
          <p className="dd-subtitle">
            {region ? regionName(region, lang) : null}
            {grouping === 'historical'
              ? t(` · đơn vị như năm ${year}`, ` · the unit as it was in ${year}`)
              : t(' · đơn vị hiện nay', ' · today’s unit')}
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={report.fetchedAt} />
      </header>

      <section className="dd-lineage" aria-label={t('Địa giới hành chính', 'Administrative history')}>
        {unit.inForce ? (
          <p data-testid="unit-lineage">
            {t(
              `${unit.fullNameVi}, hiệu lực từ ${formatDate(unit.validFrom)}`,
              `${unit.nameEn}, in force since ${formatDate(unit.validFrom)}`,
            )}
            {continued ? (
              t(
                ` (tiếp nối đơn vị cùng tên từ ${formatDate(continued.validFrom)})`,
                ` (continuing the unit of that name since ${formatDate(continued.validFrom)})`,
              )
            ) : merged.length ? (
              <>
                {t('; hợp nhất từ ', '; merged from ')}
                {merged.map((p, i) => (
                  <span key={`${p.code}-${p.validFrom}`}>
                    {i > 0 ? ', ' : ''}
                    <Link
                      to={`/provinces/${p.code}${query({ year: Math.min(year, Number(p.validTo?.slice(0, 4) ?? year)), grouping: 'historical' })}`}
                    >
                      {provinceName(p, lang)}
                    </Link>
                  </span>
                ))}
              </>
            ) : null}
            .
          </p>
        ) : (
          <p data-testid="unit-ended">
            {t(
              `${unit.fullNameVi} (${formatDate(unit.validFrom)} – ${unit.validTo ? formatDate(unit.validTo) : ''}) đã hợp nhất vào `,
              `${unit.nameEn} (${formatDate(unit.validFrom)} – ${unit.validTo ? formatDate(unit.validTo) : ''}) merged into `,
            )}
            {unit.successorCode ? (
              <Link to={`/provinces/${unit.successorCode}?year=${year}`}>
                {t('đơn vị kế thừa', 'its successor unit')}
              </Link>
            ) : null}
            .
          </p>
        )}
      </section>

      {report.error ? <ErrorNotice error={report.error} /> : null}
      {report.loading ? <Loading /> : null}
      {report.data && !row ? (
        <Notice testId="no-row">
          {t(
            `Báo cáo năm ${year} không có dòng của đơn vị này.`,
            `The ${year} report has no row for this unit.`,
          )}
        </Notice>
      ) : null}
      {report.data && row ? (
        <>
          <section aria-labelledby="headline-title" className="dd-block">
            <h2 id="headline-title" className="visually-hidden">
              {t('Số liệu chính', 'Headline figures')}
            </h2>
            <div className="figures dd-headline" data-testid="province-figures">
              {HEADLINE.map((k) => (
                <Figure
                  key={k}
                  report={report.data!}
                  row={row}
                  k={k}
                  lang={lang}
                  share={k === 'projects' || k === 'allocatedVnd' ? share(k) : undefined}
                />
              ))}
            </div>
          </section>

          <div className="grid dd-two dd-block">
            <section className="card" aria-labelledby="money-title">
              <h2 id="money-title">{t('Kinh phí năm', 'Money of the year')}</h2>
              {charts ? (
                <Chart
                  option={charts.money}
                  height={300}
                  ariaLabel={t(
                    'Biểu đồ kinh phí của đơn vị theo từng bước',
                    "Chart of the unit's money by step",
                  )}
                />
              ) : null}
              <div className="figures dd-compact">
                {MONEY.map((k) => (
                  <Figure key={k} report={report.data!} row={row} k={k} lang={lang} />
                ))}
              </div>
            </section>
            <section className="card" aria-labelledby="status-title">
              <h2 id="status-title">{t('Đề án theo trạng thái', 'Projects by status')}</h2>
              {row.projects === 0 ? (
                <p className="muted">
                  {t('Đơn vị không có đề án trong năm.', 'The unit has no project this year.')}
                </p>
              ) : charts ? (
                <Chart
                  option={charts.status}
                  height={Math.max(
                    160,
                    40 * PROJECT_STATUSES.filter((s) => row.projectsByStatus[s] > 0).length + 40,
                  )}
                  ariaLabel={t('Biểu đồ số đề án theo trạng thái', 'Chart of the projects by status')}
                />
              ) : null}
              <h3>{t('Khác', 'Other figures')}</h3>
              <div className="figures dd-compact">
                {OTHER.map((k) => (
                  <Figure key={k} report={report.data!} row={row} k={k} lang={lang} />
                ))}
              </div>
            </section>
          </div>
        </>
      ) : null}

      <section className="card dd-block" aria-labelledby="projects-title" data-testid="province-projects">
        <div className="dd-section-title">
          <h2 id="projects-title">{t(`Đề án năm ${year}`, `Projects of ${year}`)}</h2>
          {mayDrill && projects.data ? (
            <Link to={listHref} data-testid="all-projects-link">
              {t(
                `Xem tất cả ${formatCount(projects.data.total)} đề án →`,
                `All ${formatCount(projects.data.total)} projects →`,
              )}
            </Link>
          ) : null}
        </div>
        {!staff ? (
          <Notice testId="projects-viewer-note">
            {t(
              'Bạn đang xem với vai trò người xem: trang chỉ hiển thị số liệu đã công bố. Danh sách đề án dành cho cán bộ của Cục và các Sở Công Thương.',
              'You are signed in as a viewer: this page shows the published figures only. The project list is for the agency’s and the provincial departments’ staff.',
            )}
          </Notice>
        ) : !mayDrill ? (
          <Notice testId="projects-other-unit-note">
            {t(
              'Đây là đơn vị khác: bạn xem được số liệu tổng hợp; danh sách đề án chỉ mở cho đơn vị của bạn.',
              'This is another unit: you can read its figures; the project list opens for your own unit only.',
            )}{' '}
            {ownUnit ? (
              <Link to={`/provinces/${ownUnit}?year=${year}`}>{t('Về đơn vị của tôi', 'Go to my unit')}</Link>
            ) : null}
          </Notice>
        ) : (
          <>
            {watch.data && watch.data.total > 0 ? (
              <p className="dd-watch-note">
                <span className="badge warn" data-figure="watchlist" data-value={watch.data.total}>
                  {formatCount(watch.data.total)}
                </span>{' '}
                {t('đề án đang trong danh sách cảnh báo sớm', 'projects on the watchlist')} —{' '}
                <Link to={`/watchlist${query({ province: code, year })}`}>{t('xem lý do', 'see why')}</Link>
              </p>
            ) : null}
            {projects.error ? <ErrorNotice error={projects.error} /> : null}
            {projects.loading ? <Loading /> : null}
            {projects.data?.items.length === 0 ? (
              <p className="muted">{t('Không có đề án nào.', 'No project.')}</p>
            ) : null}
            {projects.data?.items.length ? (
              <div className="table-wrap">
                <table className="table dd-cards" data-testid="province-project-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('Mã đề án', 'Code')}</th>
                      <th scope="col">{t('Tên đề án', 'Title')}</th>
                      <th scope="col">{t('Trạng thái', 'Status')}</th>
                      <th scope="col" className="num">
                        {t('Kinh phí được giao', 'Allocated')}
                      </th>
                      <th scope="col">{t('Tiến độ', 'Progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {projects.data.items.map((p) => (
                      <tr key={p.id} data-testid="project-row" data-project-id={p.id} data-code={p.code}>
                        <td data-label={t('Mã', 'Code')}>
                          <Link to={`/projects/${p.id}`}>{p.code}</Link>
                        </td>
                        <td className="wrap">
                          <Link to={`/projects/${p.id}`}>{p.title}</Link>
                        </td>
                        <td data-label={t('Trạng thái', 'Status')}>
                          <StatusBadge status={p.status} label={p.statusLabel} />
                        </td>
                        <td className="num" data-label={t('Được giao', 'Allocated')}>
                          {formatVnd(p.allocatedSupportVnd)}
                        </td>
                        <td data-label={t('Tiến độ', 'Progress')}>
                          <Progress percent={p.lastProgressPercent} month={p.lastProgressMonth} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
