import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ClusterDetailView, ClusterReportListItem, Page } from '@kc/contracts';
import { allPages, useApi, useLiveVersions, useResource } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isAgency, useSession } from '../../session/session';
import {
  Breadcrumbs,
  ErrorNotice,
  Loading,
  Notice,
  provinceName,
  useProvinceIndex,
} from '../projects/common';
import { ClusterStatusBadge, mayReadClusters, ReportStatusBadge, reportsHref, TimingFlag } from './common';
import {
  countText,
  hectaresText,
  periodText,
  bilingualNote,
  recentPeriods,
  ruleSetText,
  vietnamDay,
  vndText,
  type Period,
} from './figures';
import {
  AUTHORITY,
  DEVELOPER_KIND,
  DEVELOPER_SELECTION,
  pick,
  PLANT_STATUS,
  SIZE_CATEGORY,
  STEP,
  TENANT_STATUS,
  WORKS,
  WORKS_STATUS,
} from './labels';

/** How many periods back the record lists the cluster's reports (two years of Circular 14/2024). */
const REPORT_PERIODS = 4;

interface PeriodReport {
  period: Period;
  item: ClusterReportListItem | undefined;
}

/**
 * The cluster's reports of the last periods. The API lists a province's clusters per period (there is no list
 * by cluster), so each period's list of the cluster's province is read and the cluster's row kept.
 */
async function loadReports(
  cluster: Pick<ClusterDetailView, 'id' | 'provinceCode'>,
  provinceCode: string | undefined,
): Promise<PeriodReport[]> {
  const periods = recentPeriods(vietnamDay(new Date()), REPORT_PERIODS);
  return Promise.all(
    periods.map(async (period) => {
      const params = new URLSearchParams({ periodKind: period.kind, year: String(period.year) });
      if (provinceCode) params.set('provinceCode', provinceCode);
      const list = await allPages<Page<ClusterReportListItem>>('/api/v1/cluster-reports', params);
      return { period, item: list.items.find((i) => i.clusterId === cluster.id) };
    }),
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Hồ sơ cụm công nghiệp": one cluster's record as the registry keeps it, with its history and reports. */
export default function ClusterPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { principal } = useSession();
  const reader = mayReadClusters(principal);
  const live = useLiveVersions(['clusters']);
  const record = useApi<ClusterDetailView>(reader ? `/api/v1/clusters/${id}` : null, live.version);
  const cluster = record.data;
  const { provinceOf } = useProvinceIndex();
  // The agency names the province; a department's own list covers its unit and those merged into it.
  const listProvince =
    cluster && (isAgency(principal) || principal?.provinceCode === cluster.provinceCode)
      ? cluster.provinceCode
      : undefined;
  const reports = useResource<PeriodReport[]>(
    cluster ? `${cluster.id}|${listProvince ?? ''}` : null,
    () => loadReports(cluster!, listProvince),
    live.version,
  );

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Cụm công nghiệp', 'Industrial cluster')}</h1>
        <Notice testId="clusters-not-for-role">
          {t(
            'Hồ sơ cụm công nghiệp dành cho cán bộ của Cục và các Sở Công Thương.',
            'Cluster records are for the agency’s and the provincial departments’ staff.',
          )}
        </Notice>
      </div>
    );
  }

  const crumbs = [
    { label: t('Cụm công nghiệp', 'Industrial clusters'), to: '/clusters' },
    { label: cluster ? cluster.code : t('Hồ sơ', 'Record') },
  ];
  if (record.error) {
    return (
      <div className="page">
        <Breadcrumbs items={crumbs} />
        <ErrorNotice error={record.error} />
      </div>
    );
  }
  if (!cluster) return <Loading />;

  const unit = provinceOf.get(cluster.provinceCode);
  const ts = cluster.tenantSummary;
  const plant = cluster.infrastructure.wastewaterPlant;
  const occupancy = cluster.occupancy
    ? lang === 'vi'
      ? cluster.occupancy.percentVi
      : cluster.occupancy.percentEn
    : '—';

  return (
    <div className="page cl-page" data-cluster-id={cluster.id}>
      <Breadcrumbs items={crumbs} />
      <header className="dd-page-head">
        <div>
          <h1 data-testid="cluster-name">{cluster.name}</h1>
          <p className="dd-subtitle">
            <strong data-testid="cluster-code">{cluster.code}</strong> ·{' '}
            {unit ? provinceName(unit, lang) : cluster.provinceCode}
            {cluster.commune ? ` · ${cluster.commune}` : ''}
            {cluster.formerDistrict
              ? ` · ${t(`huyện cũ: ${cluster.formerDistrict}`, `former district: ${cluster.formerDistrict}`)}`
              : ''}{' '}
            <ClusterStatusBadge status={cluster.status} label={cluster.statusLabel} />
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={record.fetchedAt} />
      </header>

      <div className="grid cl-two">
        <section className="card" aria-labelledby="cl-areas">
          <h2 id="cl-areas">{t('Diện tích và tỷ lệ lấp đầy', 'Areas and occupancy')}</h2>
          <dl className="cl-facts">
            <Fact label={t('Tổng diện tích', 'Total area')} testId="cluster-total-area">
              {hectaresText(cluster.totalAreaHa, lang)}
            </Fact>
            <Fact label={t('Đất công nghiệp', 'Industrial land')}>
              {hectaresText(cluster.industrialAreaHa, lang)}
            </Fact>
            <Fact label={t('Đất công nghiệp có thể cho thuê', 'Leasable industrial land')}>
              {hectaresText(cluster.leasableAreaHa, lang)}
            </Fact>
            <Fact label={t('Đã cho thuê', 'Leased')}>{hectaresText(cluster.leasedAreaHa, lang)}</Fact>
            <Fact label={t('Tỷ lệ lấp đầy', 'Occupancy')} testId="cluster-occupancy">
              <strong className="cl-big">{occupancy}</strong>
              {cluster.occupancy ? (
                <span className="muted"> ({t('đã thuê / có thể cho thuê', 'leased / leasable')})</span>
              ) : null}
            </Fact>
            <Fact label={t('Loại cụm', 'Category')}>{pick(SIZE_CATEGORY[cluster.sizeCategory], lang)}</Fact>
            <Fact label={t('Quyết định đưa vào danh mục', 'Provincial list decision')}>
              {cluster.provincialList
                ? `${cluster.provincialList.decisionNumber} (${formatDate(cluster.provincialList.date)})`
                : '—'}
            </Fact>
          </dl>
        </section>

        <section className="card" aria-labelledby="cl-developer">
          <h2 id="cl-developer">
            {t('Chủ đầu tư hạ tầng và vốn đầu tư', 'Infrastructure developer and investment')}
          </h2>
          <dl className="cl-facts">
            <Fact label={t('Chủ đầu tư hạ tầng', 'Developer')} testId="cluster-developer">
              {cluster.developer ? (
                <>
                  {cluster.developer.name}
                  <div className="muted">
                    {pick(DEVELOPER_KIND[cluster.developer.kind], lang)}
                    {cluster.developer.taxCode
                      ? ` · ${t('MST', 'Tax code')} ${cluster.developer.taxCode}`
                      : ''}
                  </div>
                </>
              ) : (
                t('Chưa có', 'None yet')
              )}
            </Fact>
            <Fact label={t('Hình thức lựa chọn', 'How selected')}>
              {cluster.developer ? pick(DEVELOPER_SELECTION[cluster.developer.selection], lang) : '—'}
            </Fact>
            <Fact label={t('Vốn đầu tư hạ tầng đăng ký', 'Registered infrastructure investment')}>
              {vndText(cluster.investment.registeredVnd, lang)}
            </Fact>
            <Fact label={t('Vốn đầu tư hạ tầng đã thực hiện', 'Realised infrastructure investment')}>
              {vndText(cluster.investment.realisedVnd, lang)}
            </Fact>
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="cl-infra">
        <h2 id="cl-infra">{t('Hạ tầng kỹ thuật', 'Infrastructure')}</h2>
        <div className="table-wrap">
          <table className="table cl-compact" data-testid="cluster-infrastructure">
            <thead>
              <tr>
                <th scope="col">{t('Hạng mục', 'Item')}</th>
                <th scope="col">{t('Tình trạng', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {WORKS.map(([key, name]) => (
                <tr key={key} data-works={key} data-status={cluster.infrastructure[key]}>
                  <th scope="row">{pick(name, lang)}</th>
                  <td>{pick(WORKS_STATUS[cluster.infrastructure[key]], lang)}</td>
                </tr>
              ))}
              <tr data-works="wastewater" data-has-plant={plant !== null} data-testid="cluster-wastewater">
                <th scope="row">{t('Trạm xử lý nước thải tập trung', 'Central wastewater plant')}</th>
                <td>
                  {plant ? (
                    <>
                      {t('Có', 'Yes')} · {pick(PLANT_STATUS[plant.status], lang)} ·{' '}
                      {t(
                        `công suất ${countText(plant.capacityM3PerDay, lang)} m³/ngày đêm`,
                        `capacity ${countText(plant.capacityM3PerDay, lang)} m³/day`,
                      )}
                    </>
                  ) : (
                    t('Không có', 'No')
                  )}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="cl-tenants">
        <h2 id="cl-tenants">{t('Dự án thứ cấp trong cụm', 'Tenant projects')}</h2>
        <dl className="cl-facts" data-testid="cluster-tenant-summary">
          <Fact label={t('Dự án', 'Projects')}>
            {countText(ts.projects, lang)}{' '}
            <span className="muted">
              (
              {t(
                `${countText(ts.operatingProjects, lang)} đang hoạt động`,
                `${countText(ts.operatingProjects, lang)} operating`,
              )}
              )
            </span>
          </Fact>
          <Fact label={t('Doanh nghiệp', 'Firms')}>{countText(ts.firms, lang)}</Fact>
          <Fact label={t('Lao động', 'Workers')}>{countText(ts.workers, lang)}</Fact>
          <Fact label={t('Diện tích thuê', 'Leased area')}>{hectaresText(ts.leasedAreaHa, lang)}</Fact>
          <Fact label={t('Vốn đăng ký', 'Registered investment')}>{vndText(ts.registeredVnd, lang)}</Fact>
          <Fact label={t('Vốn thực hiện', 'Realised investment')}>{vndText(ts.realisedVnd, lang)}</Fact>
        </dl>
        {cluster.tenants.length === 0 ? (
          <p className="muted">{t('Chưa có dự án thứ cấp.', 'No tenant project yet.')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table dd-cards" data-testid="cluster-tenants">
              <thead>
                <tr>
                  <th scope="col">{t('Dự án', 'Project')}</th>
                  <th scope="col">{t('Doanh nghiệp', 'Firm')}</th>
                  <th scope="col" className="num">
                    {t('Diện tích thuê', 'Leased')}
                  </th>
                  <th scope="col" className="num">
                    {t('Vốn đăng ký', 'Registered')}
                  </th>
                  <th scope="col" className="num">
                    {t('Vốn thực hiện', 'Realised')}
                  </th>
                  <th scope="col" className="num">
                    {t('Lao động', 'Workers')}
                  </th>
                  <th scope="col">{t('Tình trạng', 'Status')}</th>
                </tr>
              </thead>
              <tbody>
                {cluster.tenants.map((tenant) => (
                  <tr key={tenant.id} data-tenant-id={tenant.id}>
                    <td className="wrap">{tenant.name}</td>
                    <td className="wrap" data-label={t('Doanh nghiệp', 'Firm')}>
                      {tenant.firm.name}
                      <div className="muted">
                        {t('MST', 'Tax code')} {tenant.firm.taxCode}
                      </div>
                    </td>
                    <td className="num" data-label={t('Diện tích', 'Area')}>
                      {hectaresText(tenant.leasedAreaHa, lang)}
                    </td>
                    <td className="num" data-label={t('Đăng ký', 'Registered')}>
                      {vndText(tenant.registeredVnd, lang)}
                    </td>
                    <td className="num" data-label={t('Thực hiện', 'Realised')}>
                      {vndText(tenant.realisedVnd, lang)}
                    </td>
                    <td className="num" data-label={t('Lao động', 'Workers')}>
                      {countText(tenant.workers, lang)}
                    </td>
                    <td data-label={t('Tình trạng', 'Status')}>{pick(TENANT_STATUS[tenant.status], lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="cl-history">
        <h2 id="cl-history">{t('Quá trình hình thành và phát triển', 'Lifecycle history')}</h2>
        {cluster.history.length === 0 ? (
          <p className="muted" data-testid="cluster-history-empty">
            {t('Chưa có bước nào theo quyết định.', 'No step by decision yet.')}
          </p>
        ) : (
          <ol className="cl-history" data-testid="cluster-history">
            {cluster.history.map((step, i) => (
              <li key={i} data-step={step.step} data-decision={step.decision.number}>
                <div className="cl-history-head">
                  <strong>{pick(STEP[step.step], lang)}</strong>{' '}
                  <span className="muted">
                    <ClusterStatusBadge status={step.from} /> → <ClusterStatusBadge status={step.to} />
                  </span>
                </div>
                <div>
                  {t('Quyết định số', 'Decision no.')} <strong>{step.decision.number}</strong>{' '}
                  {t('ngày', 'of')} {formatDate(step.decision.date)} · {step.decision.issuedBy}{' '}
                  <span className="muted">({pick(AUTHORITY[step.decision.authority], lang)})</span>
                </div>
                <div className="muted">
                  {t('Tổng diện tích sau bước', 'Total area after the step')}:{' '}
                  {hectaresText(step.totalAreaHa, lang)} · {t('xét theo', 'judged by')}{' '}
                  {ruleSetText(step.ruleSetId, lang)}
                  {step.note ? ` · ${bilingualNote(step.note, lang)}` : ''}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="cl-reports">
        <h2 id="cl-reports">
          {t('Báo cáo định kỳ (Thông tư 14/2024/TT-BCT)', 'Periodic reports (Circular 14/2024)')}
        </h2>
        {reports.error ? <ErrorNotice error={reports.error} /> : null}
        {reports.loading ? <Loading /> : null}
        {reports.data ? (
          <div className="table-wrap">
            <table className="table dd-cards" data-testid="cluster-reports">
              <thead>
                <tr>
                  <th scope="col">{t('Kỳ báo cáo', 'Period')}</th>
                  <th scope="col">{t('Trạng thái', 'Status')}</th>
                  <th scope="col">{t('Hạn nộp (trước ngày)', 'Due before')}</th>
                  <th scope="col">{t('Ngày nộp lần đầu', 'First submitted')}</th>
                  <th scope="col">{t('Thời hạn', 'Timing')}</th>
                  <th scope="col">{t('Của tỉnh', 'Province')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.data.map(({ period, item }) => (
                  <tr key={`${period.kind}-${period.year}`} data-period={`${period.kind}-${period.year}`}>
                    <th scope="row">{periodText(period, lang)}</th>
                    {item ? (
                      <>
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
                      </>
                    ) : (
                      <td colSpan={4} className="muted">
                        {t('Không thuộc diện báo cáo kỳ này', 'Not expected to report for this period')}
                      </td>
                    )}
                    <td>
                      <Link to={reportsHref(cluster.provinceCode, period)}>
                        {t('Báo cáo của tỉnh', 'Province’s reports')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
