import { Link } from 'react-router';
import { useListParams } from '../../app/list-params';
import type { AwardRoundView, Page } from '@kc/contracts';
import { query } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { selectableYears } from '../../app/years';
import { formatCount, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isStaff, useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice, Pager } from '../projects/common';
import { StateBadge, useAreaText } from './common';
import { AWARD_LEVELS, AWARD_STATES, LEVELS, levelText, pick, STATES } from './labels';

const PAGE_SIZE = 50;

/** Entries taken, scoring closes, results announced: the dates a reader of the list looks for. */
function ScheduleCell({ round }: { round: AwardRoundView }) {
  const { t } = useLang();
  const s = round.schedule;
  if (!s) return <span className="muted">{t('Chưa có lịch', 'No schedule')}</span>;
  return (
    <ul className="aw-schedule">
      <li>
        {t('Nhận hồ sơ', 'Entries')}: {formatDate(s.entriesOpenOn)} – {formatDate(s.entriesCloseOn)}
      </li>
      <li>
        {t('Hạn chấm', 'Scoring closes')}: {formatDate(s.scoringClosesOn)}
      </li>
      {s.announcedOn ? (
        <li>
          {t('Công bố', 'Announced')}: {formatDate(s.announcedOn)}
        </li>
      ) : null}
    </ul>
  );
}

/**
 * "Vòng bình chọn": the award rounds the reader may see — staff their authority's and the regional and national
 * ones, a juror those whose jury they sit on (the API decides) — by year, level and state, in the URL.
 */
export default function AwardRoundsPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, setFilters, pageHref: hrefFor } = useListParams();
  const juror = principal?.role === 'juror';
  const reader = juror || isStaff(principal);
  const year = params.get('year') ?? '';
  const level = params.get('level') ?? '';
  const state = params.get('state') ?? '';
  const areaText = useAreaText();

  const live = useLiveVersions(['awards']);
  const path = `/api/v1/award-rounds${query({
    year: year || undefined,
    level: level || undefined,
    state: state || undefined,
    page,
    limit: PAGE_SIZE,
  })}`;
  const list = useApi<Page<AwardRoundView>>(reader ? path : null, live.version);

  const choose = (name: string, value: string) => setFilters({ [name]: value });

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Vòng bình chọn sản phẩm', 'Product award rounds')}</h1>
        <Notice testId="awards-not-for-role">
          {t(
            'Các vòng bình chọn dành cho cán bộ của Cục, các Sở Công Thương và thành viên hội đồng giám khảo.',
            'Award rounds are for the agency’s and the provincial departments’ staff and for jurors.',
          )}
        </Notice>
      </div>
    );
  }

  return (
    <div className="page aw-page">
      <header className="dd-page-head">
        <div>
          <h1>{t('Vòng bình chọn sản phẩm CNNT tiêu biểu', 'Rural industrial product award rounds')}</h1>
          <p className="dd-subtitle">
            {juror
              ? t('Các vòng bạn tham gia ban giám khảo', 'The rounds whose jury you sit on')
              : t('Các vòng bình chọn bạn được xem', 'The award rounds you may see')}
            {' · '}
            {year ? t(`năm ${year}`, `year ${year}`) : t('mọi năm', 'all years')}
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
          {t('Năm', 'Year')}
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
          {t('Cấp bình chọn', 'Level')}
          <select value={level} onChange={(e) => choose('level', e.target.value)} data-testid="filter-level">
            <option value="">{t('Mọi cấp', 'All levels')}</option>
            {AWARD_LEVELS.map((l) => (
              <option key={l} value={l}>
                {pick(LEVELS[l], lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('Trạng thái', 'State')}
          <select value={state} onChange={(e) => choose('state', e.target.value)} data-testid="filter-state">
            <option value="">{t('Mọi trạng thái', 'Any state')}</option>
            {AWARD_STATES.map((s) => (
              <option key={s} value={s}>
                {pick(STATES[s], lang)}
              </option>
            ))}
          </select>
        </label>
      </form>

      {list.error ? <ErrorNotice error={list.error} /> : null}
      {list.loading ? <Loading /> : null}
      {list.data ? (
        <section className="card" aria-labelledby="award-rounds-title">
          <h2 id="award-rounds-title">
            {t(`${formatCount(list.data.total)} vòng bình chọn`, `${formatCount(list.data.total)} rounds`)}
          </h2>
          {list.data.items.length === 0 ? (
            <p data-testid="award-rounds-empty">
              {juror
                ? t(
                    'Bạn chưa được phân công vào ban giám khảo của vòng bình chọn nào.',
                    'You sit on no round’s jury yet.',
                  )
                : t('Không có vòng bình chọn nào.', 'No award round.')}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table dd-cards" data-testid="award-rounds">
                <thead>
                  <tr>
                    <th scope="col">{t('Vòng bình chọn', 'Round')}</th>
                    <th scope="col">{t('Cấp', 'Level')}</th>
                    <th scope="col" className="num">
                      {t('Năm', 'Year')}
                    </th>
                    <th scope="col">{t('Địa bàn', 'Area')}</th>
                    <th scope="col">{t('Trạng thái', 'State')}</th>
                    <th scope="col">{t('Lịch', 'Schedule')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((round) => (
                    <tr
                      key={round.id}
                      data-testid="award-round"
                      data-round-id={round.id}
                      data-state={round.state}
                    >
                      <td className="wrap aw-round-name">
                        <Link to={`/awards/${round.id}`}>{round.name}</Link>
                        {juror ? (
                          <Link className="button aw-score-link" to={`/awards/${round.id}/scoring`}>
                            {t('Chấm điểm', 'Score')}
                          </Link>
                        ) : null}
                      </td>
                      <td data-label={t('Cấp', 'Level')}>{levelText(round, lang)}</td>
                      <td className="num" data-label={t('Năm', 'Year')}>
                        {round.year}
                      </td>
                      <td className="wrap" data-label={t('Địa bàn', 'Area')}>
                        {areaText(round)}
                      </td>
                      <td data-label={t('Trạng thái', 'State')}>
                        <StateBadge round={round} />
                      </td>
                      <td data-label={t('Lịch', 'Schedule')}>
                        <ScheduleCell round={round} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            limit={PAGE_SIZE}
            total={list.data.total}
            hrefFor={hrefFor}
            noun={t('vòng', 'rounds')}
          />
        </section>
      ) : null}
    </div>
  );
}
