import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BoothView, FairFiguresView, FairView } from '@kc/contracts';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { FAIR_SCALES } from '../../i18n/fairs';
import { formatCount, formatDate, formatVnd } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice, Loading, useProvinces } from '../projects/common';
import { countStates, Hall, hallsOf, STATES, stateLabel } from './FloorPlan';

/**
 * The live floor plan of a fair, signed in by the session: the halls drawn from the booths list, a legend that
 * counts free / held / allocated / checked-in booths, and the fair's figures by province. Every change by the
 * trade-fairs (or reporting) service redraws it; when the session has ended the next reload meets a 401 and
 * the shell asks the reader to sign in instead of leaving a stale plan on the wall.
 */
export default function FloorPlanPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [zoomed, setZoomed] = useState(false);
  const base = `/api/v1/fairs/${encodeURIComponent(id)}`;
  const live = useLiveVersions(['trade-fairs', 'reporting']);
  const fair = useApi<FairView>(base, live.version);
  const booths = useApi<BoothView[]>(`${base}/booths`, live.version);
  const figures = useApi<FairFiguresView>(`${base}/figures`, live.version);
  const provinces = useProvinces();

  const halls = useMemo(() => hallsOf(booths.data ?? []), [booths.data]);
  const counts = useMemo(() => countStates(booths.data ?? []), [booths.data]);
  const provinceName = (code: string) => {
    const p = provinces.data?.items.find((x) => x.code === code);
    return p ? (lang === 'vi' ? p.nameVi : p.nameEn) : code;
  };

  if (fair.loading || booths.loading) return <Loading />;
  if (!fair.data || !booths.data) {
    return (
      <div className="page">
        <h1>{t('Sơ đồ gian hàng', 'Floor plan')}</h1>
        <ErrorNotice
          error={fair.error ?? booths.error}
          what={t('Không tải được sơ đồ gian hàng', 'Could not load the floor plan')}
        />
      </div>
    );
  }
  const f = fair.data;
  const total = booths.data.length;

  return (
    <div className="page floor-plan-page" data-testid="floor-plan-page" data-fair-id={f.id}>
      <header className="dd-page-head">
        <div>
          <p className="dd-subtitle">
            {t('Sơ đồ gian hàng', 'Floor plan')} ·{' '}
            {t(
              `Hội chợ ${FAIR_SCALES[f.scale].vi.toLowerCase()}`,
              `${FAIR_SCALES[f.scale].en.toLowerCase()} fair`,
            )}
          </p>
          <h1 data-testid="fair-name">{f.name}</h1>
          <p className="dd-subtitle">
            {formatDate(f.startDate)} – {formatDate(f.endDate)}
            {f.venue ? ` · ${f.venue}` : ''}
            {' · '}
            {f.allocationMethod === 'lottery'
              ? t('phân bổ bằng bốc thăm', 'allocated by lottery')
              : t('phân bổ theo thứ tự đăng ký', 'first come, first served')}
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={booths.fetchedAt} />
      </header>
      {booths.error ? <ErrorNotice error={booths.error} /> : null}

      <section className="figures fp-counts" aria-label={t('Số gian theo trạng thái', 'Booths by state')}>
        <div className="figure" data-figure="booths-total" data-value={total}>
          <div className="label">{t('Tổng số gian', 'All booths')}</div>
          <div className="value">{formatCount(total)}</div>
        </div>
        {STATES.map((s) => (
          <div
            className="figure fp-legend-item"
            key={s.state}
            data-figure={`booths-${s.state}`}
            data-value={counts[s.state]}
          >
            <div className="label">
              <span
                className="fp-swatch"
                style={{ background: s.fill, borderColor: s.stroke }}
                aria-hidden="true"
              />
              {stateLabel(s.state, lang)}
            </div>
            <div className="value">{formatCount(counts[s.state])}</div>
          </div>
        ))}
      </section>

      <section className="card fp-plan" aria-labelledby="plan-title">
        <div className="fp-plan-head">
          <h2 id="plan-title">{t('Sơ đồ', 'Plan')}</h2>
          <button
            type="button"
            className="button secondary"
            onClick={() => setZoomed((z) => !z)}
            data-testid="zoom"
          >
            {zoomed ? t('Vừa khung', 'Fit to box') : t('Phóng to', 'Zoom in')}
          </button>
        </div>
        {total === 0 ? (
          <p className="muted">{t('Hội chợ chưa có gian hàng nào.', 'The fair has no booth yet.')}</p>
        ) : (
          <div className="fp-halls">
            {halls.map(([name, list]) => (
              <Hall key={name} name={name} booths={list} zoomed={zoomed} lang={lang} />
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="fair-figures-title">
        <h2 id="fair-figures-title">{t('Số liệu hội chợ', 'Fair figures')}</h2>
        {figures.error ? <ErrorNotice error={figures.error} /> : null}
        {figures.data ? (
          <>
            <div className="figures fp-totals">
              <div
                className="figure"
                data-figure="boothsAllocated"
                data-value={figures.data.totals.boothsAllocated}
              >
                <div className="label">{t('Gian được phân bổ', 'Booths allocated')}</div>
                <div className="value">{formatCount(figures.data.totals.boothsAllocated)}</div>
              </div>
              <div
                className="figure"
                data-figure="boothsSupported"
                data-value={figures.data.totals.boothsSupported}
              >
                <div className="label">{t('Gian được hỗ trợ', 'Booths supported')}</div>
                <div className="value">{formatCount(figures.data.totals.boothsSupported)}</div>
              </div>
              <div className="figure" data-figure="supportVnd" data-value={figures.data.totals.supportVnd}>
                <div className="label">{t('Kinh phí hỗ trợ', 'Support')}</div>
                <div className="value">{formatVnd(figures.data.totals.supportVnd)}</div>
              </div>
              <div className="figure" data-figure="facilities" data-value={figures.data.totals.facilities}>
                <div className="label">{t('Cơ sở tham gia', 'Facilities')}</div>
                <div className="value">{formatCount(figures.data.totals.facilities)}</div>
              </div>
            </div>
            {figures.data.provinces.length === 0 ? (
              <p className="muted">{t('Chưa có gian nào được phân bổ.', 'No booth allocated yet.')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table dd-cards" data-testid="fair-provinces">
                  <thead>
                    <tr>
                      <th scope="col">{t('Tỉnh, thành phố', 'Province')}</th>
                      <th scope="col" className="num">
                        {t('Cơ sở', 'Facilities')}
                      </th>
                      <th scope="col" className="num">
                        {t('Gian phân bổ', 'Allocated')}
                      </th>
                      <th scope="col" className="num">
                        {t('Gian hỗ trợ', 'Supported')}
                      </th>
                      <th scope="col" className="num">
                        {t('Kinh phí hỗ trợ', 'Support')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.data.provinces.map((row) => (
                      <tr key={row.provinceCode} data-testid="fair-province-row" data-code={row.provinceCode}>
                        <td>
                          <Link to={`/provinces/${row.provinceCode}?year=${f.year}`}>
                            {provinceName(row.provinceCode)}
                          </Link>
                        </td>
                        <td className="num" data-label={t('Cơ sở', 'Facilities')}>
                          {formatCount(row.facilities)}
                        </td>
                        <td className="num" data-label={t('Gian phân bổ', 'Allocated')}>
                          {formatCount(row.boothsAllocated)}
                        </td>
                        <td className="num" data-label={t('Gian hỗ trợ', 'Supported')}>
                          {formatCount(row.boothsSupported)}
                        </td>
                        <td className="num" data-label={t('Kinh phí hỗ trợ', 'Support')}>
                          {formatVnd(row.supportVnd)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
