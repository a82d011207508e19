import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../app/list-params';
import type { ClusterStatus, ClusterView, Page } from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { useLang } from '../../i18n/lang';
import { isAgency, useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice, Pager, provinceName, useProvinceIndex } from '../projects/common';
import { ClusterStatusBadge, mayReadClusters } from './common';
import { countText, hectaresText, percentBound } from './figures';
import { CLUSTER_STATUS, CLUSTER_STATUSES, pick } from './labels';

const PAGE_SIZE = 50;
/** Typing a bound settles before the URL (and the API) follows. */
const TYPING_DELAY_MS = 400;

/** An occupancy bound typed in the filter, sent once it is a percent 0–100. */
function BoundInput({
  label,
  value,
  onSettled,
  testId,
}: {
  label: string;
  value: string;
  onSettled: (value: string) => void;
  testId: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const bound = percentBound(text) ?? '';
    if (bound === value || (text.trim() !== '' && bound === '')) return;
    const timer = setTimeout(() => onSettled(bound), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const invalid = text.trim() !== '' && percentBound(text) === undefined;
  return (
    <label>
      {label}
      <input
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={invalid || undefined}
        placeholder="0–100"
        size={6}
        data-testid={testId}
      />
    </label>
  );
}

/**
 * "Cơ sở dữ liệu cụm công nghiệp": the registry for the staff — a province's department its own unit's clusters,
 * the agency every unit's — filtered by unit, status, wastewater plant and occupancy, all in the URL, 50 a page,
 * with the same filters as an Excel download.
 */
export default function ClusterListPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, setFilters, pageHref: hrefFor } = useListParams();
  const reader = mayReadClusters(principal);
  const agency = isAgency(principal);
  // A department reads its own unit (the API limits it so; asking for another would be refused 403).
  const province = agency ? (params.get('province') ?? '') : (principal?.provinceCode ?? '');
  const status = params.get('status') ?? '';
  const plant = params.get('wastewater') ?? '';
  const occupancyMin = percentBound(params.get('occupancyMin')) ?? '';
  const occupancyMax = percentBound(params.get('occupancyMax')) ?? '';
  const { provinceOf, sortedProvinces } = useProvinceIndex();

  const filters = {
    // A department's list is its unit and the units merged into it: the API scopes it without a code.
    provinceCode: agency ? province || undefined : undefined,
    status: status || undefined,
    wastewaterPlant: plant || undefined,
    occupancyMinPercent: occupancyMin || undefined,
    occupancyMaxPercent: occupancyMax || undefined,
  };
  const live = useLiveVersions(['clusters']);
  const list = useApi<Page<ClusterView>>(
    reader ? `/api/v1/clusters${query({ ...filters, page, limit: PAGE_SIZE })}` : null,
    live.version,
  );
  const exportHref = `/api/v1/clusters/export.xlsx${query(filters)}`;

  const update = (name: string, value: string) => setFilters({ [name]: value });

  const unit = province ? provinceOf.get(province) : undefined;
  const unitText = unit
    ? provinceName(unit, lang)
    : province
      ? t(`Tỉnh mã ${province}`, `Province ${province}`)
      : t('Toàn quốc', 'Nationwide');

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Cụm công nghiệp', 'Industrial clusters')}</h1>
        <Notice testId="clusters-not-for-role">
          {t(
            'Cơ sở dữ liệu cụm công nghiệp dành cho cán bộ của Cục và các Sở Công Thương.',
            'The industrial cluster registry is for the agency’s and the provincial departments’ staff.',
          )}
        </Notice>
      </div>
    );
  }

  return (
    <div className="page cl-page">
      <header className="dd-page-head">
        <div>
          <h1>{t('Cơ sở dữ liệu cụm công nghiệp', 'Industrial cluster registry')}</h1>
          <p className="dd-subtitle">
            {unitText} · <Link to="/cluster-reports">{t('Báo cáo định kỳ', 'Periodic reports')}</Link>
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={list.fetchedAt} />
      </header>

      <form
        className="dd-filters card"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('Bộ lọc', 'Filters')}
      >
        <label>
          {t('Đơn vị', 'Unit')}
          <select
            value={province}
            onChange={(e) => update('province', e.target.value)}
            disabled={!agency}
            data-testid="filter-province"
          >
            <option value="">{t('Tất cả 34 đơn vị', 'All 34 units')}</option>
            {province && !unit ? <option value={province}>{unitText}</option> : null}
            {sortedProvinces.map((p) => (
              <option key={p.code} value={p.code}>
                {provinceName(p, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Trạng thái', 'Status')}
          <select
            value={status}
            onChange={(e) => update('status', e.target.value)}
            data-testid="filter-status"
          >
            <option value="">{t('Mọi trạng thái', 'Any status')}</option>
            {CLUSTER_STATUSES.map((s: ClusterStatus) => (
              <option key={s} value={s}>
                {pick(CLUSTER_STATUS[s], lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Trạm xử lý nước thải tập trung', 'Central wastewater plant')}
          <select
            value={plant}
            onChange={(e) => update('wastewater', e.target.value)}
            data-testid="filter-wastewater"
          >
            <option value="">{t('Tất cả', 'All')}</option>
            <option value="yes">{t('Có trạm', 'With a plant')}</option>
            <option value="no">{t('Chưa có trạm', 'Without a plant')}</option>
          </select>
        </label>
        <BoundInput
          label={t('Tỷ lệ lấp đầy từ (%)', 'Occupancy from (%)')}
          value={occupancyMin}
          onSettled={(v) => update('occupancyMin', v)}
          testId="filter-occupancy-min"
        />
        <BoundInput
          label={t('đến (%)', 'to (%)')}
          value={occupancyMax}
          onSettled={(v) => update('occupancyMax', v)}
          testId="filter-occupancy-max"
        />
      </form>

      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <section className="card" aria-labelledby="cluster-list-title">
          <div className="dd-section-title">
            <h2 id="cluster-list-title">
              <span data-testid="cluster-total" data-value={list.data.total}>
                {countText(list.data.total, lang)}
              </span>{' '}
              {t('cụm công nghiệp', 'clusters')}
            </h2>
            <a className="button secondary" href={exportHref} download data-testid="cluster-export">
              {t('Tải Excel', 'Download Excel')}
            </a>
          </div>
          {list.data.items.length === 0 ? (
            <p data-testid="cluster-list-empty">
              {t('Không có cụm công nghiệp nào khớp bộ lọc.', 'No cluster matches the filters.')}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table dd-cards" data-testid="cluster-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Mã CCN', 'Code')}</th>
                    <th scope="col">{t('Tên cụm công nghiệp', 'Name')}</th>
                    <th scope="col">{t('Tỉnh, thành phố', 'Province')}</th>
                    <th scope="col">{t('Trạng thái', 'Status')}</th>
                    <th scope="col" className="num">
                      {t('Tổng diện tích', 'Total area')}
                    </th>
                    <th scope="col" className="num">
                      {t('Đất công nghiệp cho thuê', 'Leasable')}
                    </th>
                    <th scope="col" className="num">
                      {t('Đã cho thuê', 'Leased')}
                    </th>
                    <th scope="col" className="num">
                      {t('Tỷ lệ lấp đầy', 'Occupancy')}
                    </th>
                    <th scope="col">{t('Xử lý nước thải', 'Wastewater')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((c) => {
                    const where = provinceOf.get(c.provinceCode);
                    return (
                      <tr
                        key={c.id}
                        data-testid="cluster-row"
                        data-cluster-id={c.id}
                        data-code={c.code}
                        data-province={c.provinceCode}
                      >
                        <td data-label={t('Mã', 'Code')}>
                          <Link to={`/clusters/${c.id}`}>{c.code}</Link>
                        </td>
                        <td className="wrap">
                          <Link to={`/clusters/${c.id}`}>{c.name}</Link>
                          {c.commune ? <div className="muted">{c.commune}</div> : null}
                        </td>
                        <td className="wrap" data-label={t('Tỉnh', 'Province')}>
                          {where ? provinceName(where, lang) : c.provinceCode}
                        </td>
                        <td data-label={t('Trạng thái', 'Status')}>
                          <ClusterStatusBadge status={c.status} label={c.statusLabel} />
                        </td>
                        <td className="num" data-label={t('Tổng', 'Total')}>
                          {hectaresText(c.totalAreaHa, lang)}
                        </td>
                        <td className="num" data-label={t('Cho thuê', 'Leasable')}>
                          {hectaresText(c.leasableAreaHa, lang)}
                        </td>
                        <td className="num" data-label={t('Đã thuê', 'Leased')}>
                          {hectaresText(c.leasedAreaHa, lang)}
                        </td>
                        <td
                          className="num"
                          data-label={t('Lấp đầy', 'Occupancy')}
                          data-testid="cluster-occupancy"
                        >
                          {c.occupancy
                            ? lang === 'vi'
                              ? c.occupancy.percentVi
                              : c.occupancy.percentEn
                            : '—'}
                        </td>
                        <td data-label={t('Nước thải', 'Wastewater')} data-wastewater={c.hasWastewaterPlant}>
                          {c.hasWastewaterPlant ? t('Có trạm', 'Plant') : t('Chưa có', 'None')}
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
            noun={t('cụm', 'clusters')}
          />
        </section>
      ) : null}
    </div>
  );
}
