import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ConferenceRegion, WatchlistFlagCode, WatchlistPage as WatchlistAnswer } from '@kc/contracts';
import { query } from '../../api/http';
import { allPages, useLiveVersions, useResource } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { selectableYears, thisYear } from '../../app/years';
import { formatCount, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { WATCHLIST_REASONS } from '../../i18n/watchlist';
import { isStaff, useSession } from '../../session/session';
import {
  Breadcrumbs,
  ErrorNotice,
  Loading,
  Notice,
  Pager,
  Progress,
  provinceName,
  regionName,
  StatusBadge,
  useProvinceIndex,
  useRegions,
} from '../projects/common';
import './WatchlistPage.css';

const PAGE_SIZE = 50;
const REASONS = Object.keys(WATCHLIST_REASONS) as WatchlistFlagCode[];
const REGIONS: ConferenceRegion[] = ['north', 'central', 'south'];

/**
 * Projects at risk with their reasons. The API filters by year, unit and region; the reason filter and the
 * counts per reason are computed here over the whole list (a watchlist is a few hundred projects at most), so
 * the list is fetched whole and paged in the page. Filters live in the URL.
 */
export default function WatchlistPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const [params, setParams] = useSearchParams();
  const staff = isStaff(principal);
  const ownUnit = principal?.role === 'province-officer' ? principal.provinceCode : undefined;
  const province = ownUnit ?? params.get('province') ?? '';
  const year = params.get('year') ?? '';
  const region = ownUnit ? '' : (params.get('region') ?? '');
  const reason = (params.get('reason') ?? '') as WatchlistFlagCode | '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const apiParams = {
    year: year || undefined,
    provinceCode: province || undefined,
    regionCode: region || undefined,
  };
  const key = staff ? `/api/v1/watchlist${query(apiParams)}` : null;
  const live = useLiveVersions(['reporting', 'projects']);
  const watch = useResource<WatchlistAnswer>(
    key,
    () => allPages<WatchlistAnswer>('/api/v1/watchlist', new URLSearchParams(query(apiParams))),
    live.version,
  );
  const regions = useRegions();

  const { provinceOf, sortedProvinces } = useProvinceIndex();
  const items = watch.data?.items ?? [];
  const counts = useMemo(() => {
    const byReason = new Map<WatchlistFlagCode, number>();
    for (const item of items)
      for (const f of item.flags) byReason.set(f.code, (byReason.get(f.code) ?? 0) + 1);
    return byReason;
  }, [items]);
  const shown = reason ? items.filter((item) => item.flags.some((f) => f.code === reason)) : items;
  const overdue = items.filter((item) => item.flags.some((f) => f.severity === 'overdue')).length;
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  /** The list's parameters with some changed; a changed filter goes back to page 1. */
  const changed = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    return next;
  };
  const linkTo = (changes: Record<string, string | number | null>) => `?${changed(changes)}`;
  const choose = (name: string, value: string) => setParams(changed({ [name]: value }));

  if (!staff) {
    return (
      <div className="page">
        <h1>{t('Đề án cần theo dõi', 'Projects at risk')}</h1>
        <Notice testId="watchlist-not-for-role">
          {t(
            'Danh sách cảnh báo sớm dành cho cán bộ của Cục và các Sở Công Thương.',
            'The watchlist is for the agency’s and the provincial departments’ staff.',
          )}
        </Notice>
      </div>
    );
  }

  const unit = province ? provinceOf.get(province) : undefined;
  const regionInfo = region ? regions.data?.items.find((r) => r.code === region) : undefined;
  const scope = [
    unit
      ? provinceName(unit, lang)
      : regionInfo
        ? regionName(regionInfo, lang)
        : t('Toàn quốc', 'Nationwide'),
    year ? t(`kế hoạch năm ${year}`, `plans of ${year}`) : t('mọi năm', 'all years'),
  ].join(' · ');

  return (
    <div className="page watchlist-page">
      <Breadcrumbs
        items={[
          { label: t('Toàn quốc', 'Nationwide'), to: `/conferences/national/${year || thisYear()}` },
          { label: t('Cảnh báo sớm', 'Watchlist') },
        ]}
      />
      <header className="dd-page-head">
        <div>
          <h1>{t('Đề án cần theo dõi', 'Projects at risk')}</h1>
          <p className="dd-subtitle">
            {scope}
            {watch.data
              ? t(
                  ` · áp dụng quy tắc ngày ${formatDate(watch.data.asOf)}`,
                  ` · rules applied on ${formatDate(watch.data.asOf)}`,
                )
              : null}
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={watch.fetchedAt} />
      </header>

      <form
        className="dd-filters card"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('Bộ lọc', 'Filters')}
      >
        <label>
          {t('Năm kế hoạch', 'Plan year')}
          <select value={year} onChange={(e) => choose('year', e.target.value)} data-testid="filter-year">
            <option value="">{t('Mọi năm', 'All years')}</option>
            {selectableYears().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Miền', 'Region')}
          <select
            value={region}
            onChange={(e) => choose('region', e.target.value)}
            disabled={!!ownUnit || !!province}
            data-testid="filter-region"
          >
            <option value="">{t('Cả nước', 'All regions')}</option>
            {REGIONS.map((code) => {
              const r = regions.data?.items.find((x) => x.code === code);
              return (
                <option key={code} value={code}>
                  {r ? regionName(r, lang) : code}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('Đơn vị', 'Unit')}
          <select
            value={province}
            onChange={(e) => choose('province', e.target.value)}
            disabled={!!ownUnit}
            data-testid="filter-province"
          >
            <option value="">{t('Tất cả đơn vị', 'All units')}</option>
            {sortedProvinces
              .filter((p) => !region || p.regionCode === region)
              .map((p) => (
                <option key={p.code} value={p.code}>
                  {provinceName(p, lang)}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('Lý do', 'Reason')}
          <select
            value={reason}
            onChange={(e) => choose('reason', e.target.value)}
            data-testid="filter-reason"
          >
            <option value="">{t('Mọi lý do', 'Any reason')}</option>
            {REASONS.map((code) => (
              <option key={code} value={code}>
                {WATCHLIST_REASONS[code][lang]}
              </option>
            ))}
          </select>
        </label>
      </form>

      {watch.error ? <ErrorNotice error={watch.error} /> : null}
      {watch.loading ? <Loading /> : null}
      {watch.data ? (
        <>
          <section className="figures watch-summary" aria-label={t('Tổng hợp', 'Summary')}>
            <div className="figure" data-figure="watchlistProjects" data-value={items.length}>
              <div className="label">{t('Đề án cần theo dõi', 'Projects at risk')}</div>
              <div className="value">{formatCount(items.length)}</div>
            </div>
            <div className="figure" data-figure="watchlistOverdue" data-value={overdue}>
              <div className="label">{t('Có cảnh báo quá hạn', 'With an overdue flag')}</div>
              <div className="value">{formatCount(overdue)}</div>
            </div>
            <nav className="figure reason-chips" aria-label={t('Lọc theo lý do', 'Filter by reason')}>
              <div className="label">{t('Theo lý do', 'By reason')}</div>
              <ul>
                {REASONS.filter((code) => counts.get(code)).map((code) => (
                  <li key={code}>
                    <Link
                      to={linkTo({ reason: reason === code ? null : code })}
                      aria-current={reason === code ? 'true' : undefined}
                      data-reason={code}
                      data-count={counts.get(code)}
                    >
                      {WATCHLIST_REASONS[code][lang]} <strong>{formatCount(counts.get(code) ?? 0)}</strong>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </section>

          <section className="card" aria-labelledby="watch-list-title">
            <h2 id="watch-list-title">
              {reason
                ? t(
                    `${formatCount(shown.length)} đề án: ${WATCHLIST_REASONS[reason].vi.toLowerCase()}`,
                    `${formatCount(shown.length)} projects: ${WATCHLIST_REASONS[reason].en.toLowerCase()}`,
                  )
                : t(`${formatCount(shown.length)} đề án`, `${formatCount(shown.length)} projects`)}
            </h2>
            {shown.length === 0 ? (
              <p data-testid="watchlist-empty">
                {t('Không có đề án nào cần theo dõi.', 'No project at risk.')}
              </p>
            ) : (
              <div className="table-wrap">
                <table className="table dd-cards" data-testid="watchlist-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('Đề án', 'Project')}</th>
                      <th scope="col">{t('Đơn vị', 'Unit')}</th>
                      <th scope="col">{t('Trạng thái', 'Status')}</th>
                      <th scope="col">{t('Tiến độ', 'Progress')}</th>
                      <th scope="col">{t('Lý do', 'Reasons')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pageItems.map((item) => {
                      const where = provinceOf.get(item.unitCode);
                      return (
                        <tr
                          key={item.projectId}
                          data-testid="watchlist-row"
                          data-project-id={item.projectId}
                          data-code={item.code}
                          data-flags={item.flags.map((f) => f.code).join(' ')}
                        >
                          <td className="wrap watch-project">
                            <Link to={`/projects/${item.projectId}`}>
                              <span className="watch-code">{item.code}</span>
                              <span>{item.title}</span>
                            </Link>
                          </td>
                          <td data-label={t('Đơn vị', 'Unit')}>
                            <Link to={`/provinces/${item.unitCode}${query({ year: item.planYear })}`}>
                              {lang === 'vi' || !where ? item.unitNameVi : where.nameEn}
                            </Link>
                            <div className="muted">{t(`Năm ${item.planYear}`, `Year ${item.planYear}`)}</div>
                          </td>
                          <td data-label={t('Trạng thái', 'Status')}>
                            <StatusBadge status={item.status} label={item.statusLabel} />
                          </td>
                          <td data-label={t('Tiến độ', 'Progress')}>
                            <Progress percent={item.lastProgressPercent} month={item.lastProgressMonth} />
                          </td>
                          <td className="wrap">
                            <ul className="watch-flags">
                              {item.flags.map((f) => (
                                <li key={f.code} data-flag={f.code} data-severity={f.severity}>
                                  <span className={f.severity === 'overdue' ? 'badge danger' : 'badge warn'}>
                                    {f.severity === 'overdue'
                                      ? t('Quá hạn', 'Overdue')
                                      : t('Cảnh báo', 'Warning')}
                                  </span>{' '}
                                  {lang === 'vi' ? f.reasonVi : f.reasonEn}
                                </li>
                              ))}
                            </ul>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              page={page}
              limit={PAGE_SIZE}
              total={shown.length}
              hrefFor={(n) => linkTo({ page: n > 1 ? n : null })}
              noun={t('đề án', 'projects')}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
