import type { ClusterReportListItem, ClusterStatus, Principal } from '@kc/contracts';
import { selectableYears } from '../../app/years';
import { useLang } from '../../i18n/lang';
import { isStaff } from '../../session/session';
import { reportTiming, timingText, type Period, type PeriodKind } from './figures';
import { CLUSTER_STATUS_TONE, clusterStatusText, REPORT_STATUS_TONE, reportStatusText } from './labels';
import './clusters.css';

/** The pieces the cluster pages share: who may read them, status badges, the period picker, timing flags. */

/** The registry is the staff's (clusters:read): the agency and the provincial departments. */
export function mayReadClusters(principal: Principal | null): boolean {
  return isStaff(principal);
}

export function ClusterStatusBadge({ status, label }: { status: ClusterStatus; label?: string }) {
  const { lang } = useLang();
  return (
    <span className={CLUSTER_STATUS_TONE[status]} data-status={status}>
      {clusterStatusText(status, label, lang)}
    </span>
  );
}

export function ReportStatusBadge({ item }: { item: Pick<ClusterReportListItem, 'status' | 'statusLabel'> }) {
  const { lang } = useLang();
  return (
    <span className={REPORT_STATUS_TONE[item.status]} data-report-status={item.status}>
      {reportStatusText(item, lang)}
    </span>
  );
}

/** Late (submitted after the deadline) or overdue (nothing in, deadline passed) as a flag, with its days. */
export function TimingFlag({ item }: { item: Parameters<typeof timingText>[0] }) {
  const { lang } = useLang();
  const timing = reportTiming(item);
  const tone =
    timing === 'overdue'
      ? 'badge danger'
      : timing === 'late'
        ? 'badge warn'
        : timing === 'on-time'
          ? 'badge ok'
          : 'muted';
  return (
    <span
      className={tone}
      data-timing={timing}
      data-days-late={item.daysLate}
      data-days-overdue={item.daysOverdue}
    >
      {timingText(item, lang)}
    </span>
  );
}

/** Six-monthly or annual, and the year: the period of Circular 14/2024 a page shows. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useLang();
  const years = selectableYears();
  return (
    <>
      <label>
        {t('Kỳ báo cáo', 'Reporting period')}
        <select
          value={period.kind}
          onChange={(e) => onChange({ ...period, kind: e.target.value as PeriodKind })}
          data-testid="filter-period-kind"
        >
          <option value="six-monthly">
            {t('6 tháng đầu năm (chốt 14/6)', 'First half (cut-off 14 June)')}
          </option>
          <option value="annual">{t('Cả năm (chốt 14/12)', 'Year (cut-off 14 December)')}</option>
        </select>
      </label>
      <label>
        {t('Năm', 'Year')}
        <select
          value={period.year}
          onChange={(e) => onChange({ ...period, year: Number(e.target.value) })}
          data-testid="filter-period-year"
        >
          {!years.includes(period.year) && <option value={period.year}>{period.year}</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The link to a province's reports of one period (the report list page). */
export function reportsHref(provinceCode: string, period: Period): string {
  return `/cluster-reports?province=${provinceCode}&periodKind=${period.kind}&year=${period.year}`;
}
