import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type {
  ActivityContentsView,
  ProjectStatus,
  ProvinceView,
  ProvincesView,
  RegionsView,
  RegionView,
} from '@kc/contracts';
import { ApiError } from '../../api/http';
import { thisYear } from '../../app/years';
import { searchKey } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useReference } from '../../api/resource';
import './drilldown.css';

/**
 * The pieces the drill-down pages (province, project list, project, watchlist, fair floor plan) share:
 * loading and error notices, breadcrumbs, status badges, pagination and reference data.
 */

/** A year from the URL, or this year when absent or not a year. */
export function yearParam(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear();
}

export function Loading() {
  const { t } = useLang();
  return (
    <p className="loading" role="status">
      {t('Đang tải…', 'Loading…')}
    </p>
  );
}

/** The API's refusal in the reader's language (problem+json `messages`, else its `detail`). */
function problemText(error: unknown, lang: 'vi' | 'en'): string {
  if (error instanceof ApiError) {
    const { problem } = error;
    return problem.messages?.[lang] ?? problem.detail ?? problem.title ?? `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNotice({ error, what }: { error: unknown; what?: string }) {
  const { lang, t } = useLang();
  return (
    <div
      className="dd-notice dd-error"
      role="alert"
      data-testid="error"
      data-status={error instanceof ApiError ? error.status : undefined}
    >
      <strong>{what ?? t('Không tải được dữ liệu', 'Could not load the data')}</strong>
      <span>{problemText(error, lang)}</span>
    </div>
  );
}

/** A polite note where the reader's role shows less (viewers, another unit's officer). */
export function Notice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="dd-notice" data-testid={testId}>
      {children}
    </p>
  );
}

export interface Crumb {
  label: string;
  to?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useLang();
  return (
    <nav className="dd-breadcrumbs" aria-label={t('Đường dẫn', 'Breadcrumb')}>
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current={i === items.length - 1 ? 'page' : undefined}>{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Toàn quốc → Miền … → Tỉnh …: the conference pages of `year` and the unit's page. */
export function drillCrumbs(
  t: (vi: string, en: string) => string,
  lang: 'vi' | 'en',
  year: number,
  region: RegionView | undefined,
  province: ProvinceView | undefined,
): Crumb[] {
  const crumbs: Crumb[] = [{ label: t('Toàn quốc', 'Nationwide'), to: `/conferences/national/${year}` }];
  if (region)
    crumbs.push({ label: regionName(region, lang), to: `/conferences/regional/${region.code}/${year}` });
  if (province)
    crumbs.push({ label: provinceName(province, lang), to: `/provinces/${province.code}?year=${year}` });
  return crumbs;
}

export function regionName(region: Pick<RegionView, 'nameVi' | 'nameEn'>, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? `Miền ${region.nameVi}` : `${region.nameEn} region`;
}

/** "Tỉnh Nghệ An" / "Nghe An". */
export function provinceName(
  province: Pick<ProvinceView, 'fullNameVi' | 'nameEn'>,
  lang: 'vi' | 'en',
): string {
  return lang === 'vi' ? province.fullNameVi : province.nameEn;
}

/** How each status reads in English; Vietnamese comes from the API (`statusLabel`). */
const STATUS_EN: Record<ProjectStatus, string> = {
  draft: 'Draft',
  registered: 'Registered',
  'base-appraised': 'Appraised by the province',
  submitted: 'Submitted to the ministry',
  'ministry-appraised': 'Appraised by the ministry',
  'in-plan': 'In the plan',
  contracted: 'Contracted',
  'in-progress': 'In progress',
  accepted: 'Accepted',
  liquidated: 'Liquidated',
  settled: 'Settled',
  rejected: 'Rejected',
  extended: 'Extended',
  stopped: 'Stopped',
};

const STATUS_TONE: Partial<Record<ProjectStatus, string>> = {
  'in-plan': 'dd-info',
  contracted: 'dd-info',
  'in-progress': 'dd-info',
  accepted: 'ok',
  liquidated: 'ok',
  settled: 'ok',
  extended: 'warn',
  rejected: 'danger',
  stopped: 'danger',
};

export function statusText(status: ProjectStatus, statusLabel: string, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? statusLabel : STATUS_EN[status];
}

export function StatusBadge({ status, label }: { status: ProjectStatus; label: string }) {
  const { lang } = useLang();
  const tone = STATUS_TONE[status];
  return (
    <span className={tone ? `badge ${tone}` : 'badge'} data-status={status}>
      {statusText(status, label, lang)}
    </span>
  );
}

/**
 * Every status with its Vietnamese label, for the status filter: the contracts' `projectStatusLabels`, copied
 * because a value import of @kc/contracts would bundle zod and every schema (the Record keeps it complete).
 */
export const STATUS_VI: Record<ProjectStatus, string> = {
  draft: 'Dự thảo',
  registered: 'Đã đăng ký',
  'base-appraised': 'Đã thẩm định cấp cơ sở',
  submitted: 'Đã gửi Bộ',
  'ministry-appraised': 'Đã thẩm định cấp Bộ',
  'in-plan': 'Trong kế hoạch',
  contracted: 'Đã ký hợp đồng',
  'in-progress': 'Đang thực hiện',
  accepted: 'Đã nghiệm thu',
  liquidated: 'Đã thanh lý',
  settled: 'Đã quyết toán',
  rejected: 'Không đạt',
  extended: 'Gia hạn',
  stopped: 'Dừng thực hiện',
};
export const PROJECT_STATUSES = Object.keys(STATUS_VI) as ProjectStatus[];

/** A progress bar with its percent as text (the bar is decoration; the number is what is read). */
export function Progress({ percent, month }: { percent: number | null; month?: string | null }) {
  const { t } = useLang();
  if (percent === null) return <span className="muted">{t('Chưa báo cáo', 'Not reported')}</span>;
  return (
    <span className="dd-progress" data-percent={percent}>
      <span className="dd-progress-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
      <span className="dd-progress-text">
        {percent} %{month ? <span className="muted"> ({monthText(month)})</span> : null}
      </span>
    </span>
  );
}

/** 2018-04 → 04/2018. */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

/** Previous / next and "page 2 of 5 · 262 projects", each page a link (shareable, the back button works). */
export function Pager({
  page,
  limit,
  total,
  hrefFor,
  noun,
}: {
  page: number;
  limit: number;
  total: number;
  hrefFor: (page: number) => string;
  noun: string;
}) {
  const { t } = useLang();
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="dd-pager" aria-label={t('Phân trang', 'Pagination')}>
      {page > 1 ? (
        <Link className="button secondary" to={hrefFor(page - 1)} rel="prev">
          ← {t('Trang trước', 'Previous')}
        </Link>
      ) : null}
      <span data-testid="pager-status">
        {t(`Trang ${page}/${pages}`, `Page ${page} of ${pages}`)} · {total.toLocaleString('vi-VN')} {noun}
      </span>
      {page < pages ? (
        <Link className="button secondary" to={hrefFor(page + 1)} rel="next">
          {t('Trang sau', 'Next')} →
        </Link>
      ) : null}
    </nav>
  );
}

export function useProvinces() {
  return useReference<ProvincesView>('/api/v1/reference/provinces');
}

/** Today's units by code, and in the order of their Vietnamese names (for filters). */
export function useProvinceIndex() {
  const provinces = useProvinces();
  return useMemo(() => {
    const items = provinces.data?.items ?? [];
    return {
      provinceOf: new Map(items.map((p) => [p.code, p])),
      sortedProvinces: [...items].sort((a, b) =>
        searchKey(a.nameVi).localeCompare(searchKey(b.nameVi), 'vi'),
      ),
    };
  }, [provinces.data]);
}

export function useRegions() {
  return useReference<RegionsView>('/api/v1/reference/regions');
}

export function useActivityContents() {
  return useReference<ActivityContentsView>('/api/v1/reference/activity-contents');
}
