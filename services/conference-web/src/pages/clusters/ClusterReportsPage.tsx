import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../app/list-params';
import type {
  ClusterReportDatabaseView,
  ClusterReportListItem,
  Page,
  ProvinceRollUpView,
} from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions, type Resource } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isAgency, useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice, Pager, provinceName, useProvinceIndex } from '../projects/common';
import { mayReadClusters, PeriodPicker, ReportStatusBadge, TimingFlag } from './common';
import {
  basisPointsText,
  centiHaText,
  countText,
  periodFromParams,
  periodText,
  vietnamDay,
  type Period,
} from './figures';

const PAGE_SIZE = 50;

/** What a department usually looks for in its list: who has not reported, who awaits its review. */
const SHOW_FILTERS = [
  { key: 'all', vi: 'Mọi cụm', en: 'Every cluster', query: {} },
  { key: 'overdue', vi: 'Quá hạn chưa nộp', en: 'Overdue', query: { overdue: 'true' } },
  { key: 'not-opened', vi: 'Chưa lập báo cáo', en: 'Not opened', query: { status: 'not-opened' } },
  { key: 'submitted', vi: 'Chờ duyệt', en: 'Awaiting approval', query: { status: 'submitted' } },
  { key: 'returned', vi: 'Đã trả lại', en: 'Returned', query: { status: 'returned' } },
  { key: 'approved', vi: 'Đã duyệt', en: 'Approved', query: { status: 'approved' } },
] as const;

type Sums = ClusterReportDatabaseView['nation'];

/** One row of the national database view: a province's (or the nation's) coverage and summed figures. */
function DatabaseRow({ sums, head }: { sums: Sums; head: ReactNode }) {
  const { t, lang } = useLang();
  return (
    <>
      {head}
      <td className="num" data-label={t('Phải báo cáo', 'Expected')}>
        {countText(sums.clustersExpected, lang)}
      </td>
      <td className="num" data-label={t('Đã nộp', 'Reported')}>
        {countText(sums.clustersReported, lang)}
      </td>
      <td className="num" data-label={t('Đã duyệt', 'Approved')} data-figure="approved">
        {countText(sums.clustersApproved, lang)}
      </td>
      <td className="num" data-label={t('Nộp muộn', 'Late')} data-figure="late">
        {countText(sums.clustersLate, lang)}
      </td>
      <td className="num" data-label={t('Quá hạn', 'Overdue')} data-figure="overdue">
        {countText(sums.clustersOverdue, lang)}
      </td>
      <td className="num" data-label={t('Tổng diện tích', 'Total area')}>
        {centiHaText(sums.areas.totalCentiHa, lang)}
      </td>
      <td className="num" data-label={t('Có thể cho thuê', 'Leasable')}>
        {centiHaText(sums.areas.leasableCentiHa, lang)}
      </td>
      <td className="num" data-label={t('Đã cho thuê', 'Leased')}>
        {centiHaText(sums.areas.leasedCentiHa, lang)}
      </td>
      <td className="num" data-label={t('Lấp đầy', 'Occupancy')}>
        {basisPointsText(sums.occupancyBasisPoints, lang)}
      </td>
    </>
  );
}

/** The agency's national database view of a period: every province's reports counted and their figures summed. */
function NationalDatabase({
  db,
  period,
  hrefFor,
  exportHref,
}: {
  db: Resource<ClusterReportDatabaseView>;
  period: Period;
  exportHref: string;
  hrefFor: (code: string) => string;
}) {
  const { t, lang } = useLang();
  const { provinceOf } = useProvinceIndex();
  if (db.error) return <ErrorNotice error={db.error} />;
  if (!db.data) return <Loading />;
  return (
    <section className="card" aria-labelledby="cl-database">
      <div className="dd-section-title">
        <h2 id="cl-database">
          {t('Cơ sở dữ liệu quốc gia về cụm công nghiệp', 'National cluster database')} ·{' '}
          {periodText(period, lang)}
        </h2>
        <a className="button secondary" href={exportHref} download data-testid="cluster-reports-export">
          {t('Tải Excel (mọi cụm của kỳ)', 'Download Excel (every cluster of the period)')}
        </a>
      </div>
      <p className="muted">
        {t(
          'Số liệu cộng từ các báo cáo đã duyệt của từng cụm.',
          'Figures summed from each cluster’s approved report.',
        )}
      </p>
      <div className="table-wrap">
        <table className="table dd-cards" data-testid="cluster-database">
          <thead>
            <tr>
              <th scope="col">{t('Tỉnh, thành phố', 'Province')}</th>
              <th scope="col" className="num">
                {t('Cụm phải báo cáo', 'Expected')}
              </th>
              <th scope="col" className="num">
                {t('Đã nộp', 'Reported')}
              </th>
              <th scope="col" className="num">
                {t('Đã duyệt', 'Approved')}
              </th>
              <th scope="col" className="num">
                {t('Nộp muộn', 'Late')}
              </th>
              <th scope="col" className="num">
                {t('Quá hạn chưa nộp', 'Overdue')}
              </th>
              <th scope="col" className="num">
                {t('Tổng diện tích', 'Total area')}
              </th>
              <th scope="col" className="num">
                {t('Có thể cho thuê', 'Leasable')}
              </th>
              <th scope="col" className="num">
                {t('Đã cho thuê', 'Leased')}
              </th>
              <th scope="col" className="num">
                {t('Tỷ lệ lấp đầy', 'Occupancy')}
              </th>
            </tr>
          </thead>
          <tbody>
            {db.data.provinces.map((p) => {
              const unit = provinceOf.get(p.provinceCode);
              return (
                <tr key={p.provinceCode} data-province={p.provinceCode}>
                  <DatabaseRow
                    sums={p}
                    head={
                      <th scope="row" className="wrap">
                        <Link to={hrefFor(p.provinceCode)}>
                          {unit ? provinceName(unit, lang) : p.provinceCode}
                        </Link>
                      </th>
                    }
                  />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-province="nation">
              <DatabaseRow sums={db.data.nation} head={<th scope="row">{t('Toàn quốc', 'Nationwide')}</th>} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** A province's approved figures for the period, summed (the department's starting figures for its form). */
function RollUp({
  provinceCode,
  period,
  version,
}: {
  provinceCode: string;
  period: Period;
  version: number;
}) {
  const { t, lang } = useLang();
  const rollUp = useApi<ProvinceRollUpView>(
    `/api/v1/cluster-report-rollups${query({ provinceCode, periodKind: period.kind, year: period.year })}`,
    version,
  );
  if (rollUp.error) return <ErrorNotice error={rollUp.error} />;
  if (!rollUp.data) return null;
  const r = rollUp.data;
  return (
    <section className="card" aria-labelledby="cl-rollup">
      <h2 id="cl-rollup">{t('Tổng hợp các báo cáo đã duyệt', 'Approved reports summed')}</h2>
      <dl className="cl-facts" data-testid="cluster-rollup">
        <div>
          <dt>{t('Cụm đã duyệt / chờ duyệt', 'Clusters approved / awaiting approval')}</dt>
          <dd>
            {countText(r.counted.length, lang)} / {countText(r.awaitingApproval.length, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('Tổng diện tích', 'Total area')}</dt>
          <dd>{centiHaText(r.areas.totalCentiHa, lang)}</dd>
        </div>
        <div>
          <dt>{t('Đã cho thuê / có thể cho thuê', 'Leased / leasable')}</dt>
          <dd>
            {centiHaText(r.areas.leasedCentiHa, lang)} / {centiHaText(r.areas.leasableCentiHa, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('Tỷ lệ lấp đầy', 'Occupancy')}</dt>
          <dd>{basisPointsText(r.occupancyBasisPoints, lang)}</dd>
        </div>
        <div>
          <dt>
            {t('Cụm có trạm xử lý nước thải (đang vận hành)', 'Clusters with a wastewater plant (in use)')}
          </dt>
          <dd>
            {countText(r.wastewater.clustersWithPlant, lang)} (
            {countText(r.wastewater.clustersWithPlantInUse, lang)})
          </dd>
        </div>
        <div>
          <dt>{t('Dự án thứ cấp / lao động', 'Tenant projects / workers')}</dt>
          <dd>
            {countText(r.tenants.projects, lang)} / {countText(r.tenants.workers, lang)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Every cluster of a province expected to report for the period, with its report's status and timing. */
function ProvinceReports({
  list,
  shown,
  exportHref,
  pageHref,
}: {
  list: Resource<Page<ClusterReportListItem>>;
  /** The "show" filter's label, unless every cluster is shown. */
  shown: { vi: string; en: string } | null;
  exportHref: string;
  pageHref: (n: number) => string;
}) {
  const { t, lang } = useLang();
  if (list.error) return <ErrorNotice error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <section className="card" aria-labelledby="cl-report-list">
      <div className="dd-section-title">
        <h2 id="cl-report-list">
          {shown
            ? t(
                `${countText(list.data.total, lang)} cụm · ${shown.vi}`,
                `${countText(list.data.total, lang)} clusters · ${shown.en}`,
              )
            : t(
                `${countText(list.data.total, lang)} cụm phải báo cáo`,
                `${countText(list.data.total, lang)} clusters expected to report`,
              )}
        </h2>
        <a className="button secondary" href={exportHref} download data-testid="cluster-reports-export">
          {t('Tải Excel', 'Download Excel')}
        </a>
      </div>
      {list.data.items.length === 0 ? (
        <p data-testid="cluster-reports-empty">
          {shown
            ? t('Không có cụm nào khớp bộ lọc.', 'No cluster matches the filter.')
            : t('Không có cụm nào phải báo cáo kỳ này.', 'No cluster is expected to report for this period.')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table dd-cards" data-testid="cluster-report-table">
            <thead>
              <tr>
                <th scope="col">{t('Cụm công nghiệp', 'Cluster')}</th>
                <th scope="col">{t('Trạng thái báo cáo', 'Report status')}</th>
                <th scope="col">{t('Hạn nộp (trước ngày)', 'Due before')}</th>
                <th scope="col">{t('Ngày nộp lần đầu', 'First submitted')}</th>
                <th scope="col">{t('Thời hạn', 'Timing')}</th>
                <th scope="col" className="num">
                  {t('Phiên bản đã duyệt', 'Approved version')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr
                  key={item.clusterId}
                  data-testid="cluster-report-row"
                  data-cluster-code={item.clusterCode}
                  data-status={item.status}
                  data-late={item.late}
                  data-overdue={item.overdue}
                >
                  <td className="wrap">
                    <Link to={`/clusters/${item.clusterId}`}>{item.clusterCode}</Link>
                    <div className="muted">{item.clusterName}</div>
                  </td>
                  <td data-label={t('Trạng thái', 'Status')}>
                    <ReportStatusBadge item={item} />
                  </td>
                  <td data-label={t('Hạn', 'Due')}>{formatDate(item.dueBefore)}</td>
                  <td data-label={t('Nộp', 'Submitted')}>
                    {item.firstSubmittedOn ? formatDate(item.firstSubmittedOn) : '—'}
                  </td>
                  <td data-label={t('Thời hạn', 'Timing')}>
                    <TimingFlag item={item} />
                  </td>
                  <td className="num" data-label={t('Đã duyệt', 'Approved')}>
                    {item.approvedVersion ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={list.data.page}
        limit={list.data.limit}
        total={list.data.total}
        hrefFor={pageHref}
        noun={t('cụm', 'clusters')}
      />
    </section>
  );
}

/**
 * "Báo cáo định kỳ cụm công nghiệp" (Circular 14/2024/TT-BCT): a province's clusters for a period with their
 * reports' status, lateness and overdue flags; for the agency without a province, the national database view.
 */
export default function ClusterReportsPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, setFilters: set, pageHref } = useListParams();
  const reader = mayReadClusters(principal);
  const agency = isAgency(principal);
  const period = periodFromParams(params.get('periodKind'), params.get('year'), vietnamDay(new Date()));
  const province = agency ? (params.get('province') ?? '') : (principal?.provinceCode ?? '');
  const live = useLiveVersions(['clusters']);
  const { provinceOf, sortedProvinces } = useProvinceIndex();
  // The agency without a province reads the national database view; a province's list otherwise.
  const national = agency && !province;
  const filters = {
    // A department's list is its unit's (with the units merged into it): the API scopes it without a code.
    provinceCode: agency ? province || undefined : undefined,
    periodKind: period.kind,
    year: period.year,
  };
  const database = useApi<ClusterReportDatabaseView>(
    reader && national
      ? `/api/v1/cluster-report-database${query({ periodKind: period.kind, year: period.year })}`
      : null,
    live.version,
  );
  const show = SHOW_FILTERS.find((f) => f.key === params.get('show')) ?? SHOW_FILTERS[0];
  const list = useApi<Page<ClusterReportListItem>>(
    reader && !national
      ? `/api/v1/cluster-reports${query({ ...filters, ...show.query, page, limit: PAGE_SIZE })}`
      : null,
    live.version,
  );
  const exportHref = `/api/v1/cluster-reports/export.xlsx${query(filters)}`;

  const provinceHref = (code: string) =>
    `?${new URLSearchParams({ province: code, periodKind: period.kind, year: String(period.year) })}`;

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Báo cáo định kỳ cụm công nghiệp', 'Cluster periodic reports')}</h1>
        <Notice testId="clusters-not-for-role">
          {t(
            'Tình hình báo cáo cụm công nghiệp dành cho cán bộ của Cục và các Sở Công Thương.',
            'Cluster reporting is for the agency’s and the provincial departments’ staff.',
          )}
        </Notice>
      </div>
    );
  }

  const unit = province ? provinceOf.get(province) : undefined;
  return (
    <div className="page cl-page">
      <header className="dd-page-head">
        <div>
          <h1>{t('Báo cáo định kỳ cụm công nghiệp', 'Cluster periodic reports')}</h1>
          <p className="dd-subtitle">
            {t('Thông tư 14/2024/TT-BCT', 'Circular 14/2024/TT-BCT')} · {periodText(period, lang)} ·{' '}
            {unit ? provinceName(unit, lang) : province || t('Toàn quốc', 'Nationwide')} ·{' '}
            <Link to="/clusters">{t('Danh sách cụm', 'Cluster registry')}</Link>
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={national ? database.fetchedAt : list.fetchedAt} />
      </header>

      <form
        className="dd-filters card"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('Bộ lọc', 'Filters')}
      >
        <PeriodPicker
          period={period}
          onChange={(next) => set({ periodKind: next.kind, year: String(next.year) })}
        />
        {agency ? (
          <label>
            {t('Đơn vị', 'Unit')}
            <select
              value={province}
              onChange={(e) => set({ province: e.target.value })}
              data-testid="filter-province"
            >
              <option value="">
                {t('Toàn quốc (cơ sở dữ liệu quốc gia)', 'Nationwide (national database)')}
              </option>
              {sortedProvinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {provinceName(p, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {national ? null : (
          <label>
            {t('Hiển thị', 'Show')}
            <select
              value={show.key}
              onChange={(e) => set({ show: e.target.value === 'all' ? '' : e.target.value })}
              data-testid="filter-report-show"
            >
              {SHOW_FILTERS.map((f) => (
                <option key={f.key} value={f.key}>
                  {t(f.vi, f.en)}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>

      {national ? (
        <NationalDatabase db={database} period={period} hrefFor={provinceHref} exportHref={exportHref} />
      ) : (
        <>
          {province ? <RollUp provinceCode={province} period={period} version={live.version} /> : null}
          <ProvinceReports
            list={list}
            shown={show.key === 'all' ? null : show}
            exportHref={exportHref}
            pageHref={pageHref}
          />
        </>
      )}
    </div>
  );
}
