import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../app/list-params';
import type { Page, ProjectStatus, ProjectView, ProvinceDetailView } from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions, useReference } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatCount, formatDate, formatVnd } from '../../i18n/format';
import { selectableYears, thisYear } from '../../app/years';
import { useLang } from '../../i18n/lang';
import { isStaff, useSession } from '../../session/session';
import {
  Breadcrumbs,
  drillCrumbs,
  ErrorNotice,
  Loading,
  Notice,
  Pager,
  Progress,
  PROJECT_STATUSES,
  provinceName,
  STATUS_VI,
  StatusBadge,
  statusText,
  useActivityContents,
  useProvinceIndex,
  useRegions,
} from './common';

const PAGE_SIZE = 50;
/** Typing settles before the URL (and the API) follows. */
const SEARCH_DELAY_MS = 300;

/**
 * The project list: filters by unit, year, status and activity content and a diacritic-blind search (the API's
 * `q`), all in the URL (shareable, the back button retraces them), one page of 50 at a time.
 */
export default function ProjectListPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, setFilters: update, pageHref: hrefFor } = useListParams();
  const ownUnit = principal?.role === 'province-officer' ? principal.provinceCode : undefined;
  const province = ownUnit ?? params.get('province') ?? '';
  const year = params.get('year') ?? '';
  const status = params.get('status') ?? '';
  const content = params.get('content') ?? '';
  const q = params.get('q') ?? '';
  // `recorded`: the unit's code as recorded only (a unit as it was, from its historical page).
  const unitAsOf = params.get('unitAsOf') === 'recorded' ? 'recorded' : undefined;

  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => {
    if (search.trim() === q) return;
    // A search being refined replaces its history entry: one per search, not one per pause in typing.
    const timer = setTimeout(() => update({ q: search.trim() }, q !== ''), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const staff = isStaff(principal);
  const apiQuery = query({
    q: q || undefined,
    provinceCode: province || undefined,
    unitAsOf: province ? unitAsOf : undefined,
    year: year || undefined,
    status: status || undefined,
    activityContent: content || undefined,
    page,
    limit: PAGE_SIZE,
  });
  const live = useLiveVersions(['projects']);
  const list = useApi<Page<ProjectView>>(staff ? `/api/v1/projects${apiQuery}` : null, live.version);
  const regions = useRegions();
  const contents = useActivityContents();

  const { provinceOf, sortedProvinces } = useProvinceIndex();
  // The unit as the reference names it: also a unit that has ended (a link from its page, e.g. 30 Hải Dương).
  const unit = useReference<ProvinceDetailView>(
    province ? `/api/v1/reference/provinces/${province}` : null,
  ).data;
  const endedUnit = unit && !provinceOf.has(unit.code) ? unit : undefined;
  const region = unit ? regions.data?.items.find((r) => r.code === unit.regionCode) : undefined;
  const crumbYear = year ? Number(year) : thisYear();

  const exportHref = `/api/v1/projects/export.xlsx${query({
    q: q || undefined,
    provinceCode: province || undefined,
    unitAsOf: province ? unitAsOf : undefined,
    year: year || undefined,
    status: status || undefined,
    activityContent: content || undefined,
  })}`;

  const subtitle = [
    unit ? provinceName(unit, lang) : t('Toàn quốc', 'Nationwide'),
    year ? t(`năm ${year}`, `year ${year}`) : t('mọi năm', 'all years'),
  ].join(' · ');

  return (
    <div className="page project-list-page">
      <Breadcrumbs
        items={[...drillCrumbs(t, lang, crumbYear, region, unit), { label: t('Đề án', 'Projects') }]}
      />
      <header className="dd-page-head">
        <div>
          <h1>{t('Danh sách đề án', 'Projects')}</h1>
          <p className="dd-subtitle">{subtitle}</p>
        </div>
        {staff ? <LiveStatus connected={live.connected} fetchedAt={list.fetchedAt} /> : null}
      </header>

      {!staff ? (
        <Notice testId="projects-not-for-role">
          {t(
            'Danh sách đề án dành cho cán bộ của Cục và các Sở Công Thương. Với vai trò người xem, bạn có thể xem số liệu hội nghị đã công bố.',
            'The project list is for the agency’s and the provincial departments’ staff. As a viewer you can read the published conference figures.',
          )}{' '}
          <Link to={`/conferences/national/${crumbYear}`}>
            {t('Xem số liệu hội nghị', 'Open the conference figures')}
          </Link>
        </Notice>
      ) : (
        <>
          <form className="dd-filters card" role="search" onSubmit={(e) => e.preventDefault()}>
            <label className="dd-search">
              {t(
                'Tìm kiếm (mã, tên đề án, đơn vị; không cần dấu)',
                'Search (code, title, unit; accents optional)',
              )}
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={t('ví dụ: det may, ha noi', 'e.g. det may, ha noi')}
                data-testid="project-search"
              />
            </label>
            <label>
              {t('Đơn vị', 'Unit')}
              <select
                value={province}
                onChange={(e) => update({ province: e.target.value, unitAsOf: '' })}
                disabled={!!ownUnit}
                data-testid="filter-province"
              >
                <option value="">{t('Tất cả 34 đơn vị', 'All 34 units')}</option>
                {endedUnit ? (
                  <option value={endedUnit.code}>
                    {provinceName(endedUnit, lang)}
                    {endedUnit.validTo ? ` (${t('đến', 'until')} ${formatDate(endedUnit.validTo)})` : ''}
                  </option>
                ) : null}
                {sortedProvinces.map((p) => (
                  <option key={p.code} value={p.code}>
                    {provinceName(p, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Năm kế hoạch', 'Plan year')}
              <select
                value={year}
                onChange={(e) => update({ year: e.target.value })}
                data-testid="filter-year"
              >
                <option value="">{t('Mọi năm', 'All years')}</option>
                {selectableYears().map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Trạng thái', 'Status')}
              <select
                value={status}
                onChange={(e) => update({ status: e.target.value })}
                data-testid="filter-status"
              >
                <option value="">{t('Mọi trạng thái', 'Any status')}</option>
                {PROJECT_STATUSES.map((s: ProjectStatus) => (
                  <option key={s} value={s}>
                    {statusText(s, STATUS_VI[s], lang)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('Nội dung khuyến công', 'Activity content')}
              <select
                value={content}
                onChange={(e) => update({ content: e.target.value })}
                data-testid="filter-content"
              >
                <option value="">{t('Mọi nội dung', 'Any content')}</option>
                {(contents.data?.items ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code}. {lang === 'vi' ? c.nameVi : c.nameEn}
                  </option>
                ))}
              </select>
            </label>
          </form>

          {list.error ? <ErrorNotice error={list.error} /> : null}
          {list.loading ? <Loading /> : null}
          {list.data ? (
            <section className="card" aria-labelledby="project-list-title">
              <div className="dd-section-title">
                <h2 id="project-list-title">
                  <span data-testid="project-total" data-figure="projects" data-value={list.data.total}>
                    {formatCount(list.data.total)}
                  </span>{' '}
                  {t('đề án', 'projects')}
                </h2>
                <a className="button secondary" href={exportHref} download>
                  {t('Tải Excel', 'Download Excel')}
                </a>
              </div>
              {list.data.items.length === 0 ? (
                <p data-testid="project-list-empty">
                  {t('Không có đề án nào khớp bộ lọc.', 'No project matches the filters.')}
                </p>
              ) : (
                <div className="table-wrap">
                  <table className="table dd-cards" data-testid="project-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('Mã đề án', 'Code')}</th>
                        <th scope="col">{t('Tên đề án', 'Title')}</th>
                        <th scope="col">{t('Đơn vị thực hiện', 'Implementing unit')}</th>
                        <th scope="col">{t('Trạng thái', 'Status')}</th>
                        <th scope="col" className="num">
                          {t('Kinh phí được giao', 'Allocated support')}
                        </th>
                        <th scope="col">{t('Tiến độ', 'Progress')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.data.items.map((p) => {
                        const where = provinceOf.get(p.provinceCode);
                        return (
                          <tr
                            key={p.id}
                            data-testid="project-row"
                            data-project-id={p.id}
                            data-code={p.code}
                            data-province={p.provinceCode}
                          >
                            <td data-label={t('Mã', 'Code')}>
                              <Link to={`/projects/${p.id}`}>{p.code}</Link>
                            </td>
                            <td className="wrap">
                              <Link to={`/projects/${p.id}`}>{p.title}</Link>
                            </td>
                            <td className="wrap" data-label={t('Đơn vị', 'Unit')}>
                              {p.implementingUnit}
                              {where ? <div className="muted">{provinceName(where, lang)}</div> : null}
                            </td>
                            <td data-label={t('Trạng thái', 'Status')}>
                              <StatusBadge status={p.status} label={p.statusLabel} />
                            </td>
                            <td
                              className="num"
                              data-label={t('Được giao', 'Allocated')}
                              data-vnd={p.allocatedSupportVnd}
                            >
                              {formatVnd(p.allocatedSupportVnd)}
                            </td>
                            <td data-label={t('Tiến độ', 'Progress')}>
                              <Progress percent={p.lastProgressPercent} month={p.lastProgressMonth} />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <Pager
                page={list.data.page}
                limit={list.data.limit}
                total={list.data.total}
                hrefFor={hrefFor}
                noun={t('đề án', 'projects')}
              />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
