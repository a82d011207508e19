import type { ConferenceRegion, Page, WatchlistFlagCode, WatchlistItem } from '@kc/contracts';
import { Link } from 'react-router';
import { query } from '../../api/http';
import { allPages, useResource } from '../../api/resource';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { WATCHLIST_REASONS } from '../../i18n/watchlist';

/** Staff only: how many projects of the view are at risk, and the reasons that come up most. */
export function WatchlistPanel({
  year,
  region,
  version,
}: {
  year: number;
  region?: ConferenceRegion;
  version: number;
}) {
  const { t, lang } = useLang();
  const params = query({ year, regionCode: region });
  // A watchlist is tens of projects: a few pages at the very most, all counted.
  const watch = useResource(
    `/api/v1/watchlist${params}`,
    () => allPages<Page<WatchlistItem>>('/api/v1/watchlist', new URLSearchParams(params)),
    version,
  );
  const items = watch.data?.items;
  const counts = new Map<WatchlistFlagCode, number>();
  for (const flag of (items ?? []).flatMap((item) => item.flags))
    counts.set(flag.code, (counts.get(flag.code) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]);
  const overdue = (items ?? []).filter((item) =>
    item.flags.some((flag) => flag.severity === 'overdue'),
  ).length;

  return (
    <section className="card" aria-labelledby="watchlist-panel">
      <h2 id="watchlist-panel">{t('Cảnh báo sớm', 'Watchlist')}</h2>
      {watch.error !== undefined && !items && (
        <p className="error">
          {t('Không tải được danh sách cảnh báo.', 'The watchlist could not be loaded.')}
        </p>
      )}
      {items && (
        <>
          <div className="figures compact">
            <div className="figure">
              <span className="label">{t('Đề án cần theo dõi', 'Projects at risk')}</span>
              <span className="value" data-figure="watchlistProjects">
                {formatCount(items.length)}
              </span>
            </div>
            <div className="figure">
              <span className="label">{t('Có cảnh báo quá hạn', 'With an overdue flag')}</span>
              <span className="value" data-figure="watchlistOverdue">
                {formatCount(overdue)}
              </span>
            </div>
          </div>
          {top.length > 0 ? (
            <ol className="reasons">
              {top.map(([code, count]) => (
                <li key={code} data-reason={code}>
                  <span>{WATCHLIST_REASONS[code][lang]}</span>
                  <strong>{formatCount(count)}</strong>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t('Không có đề án nào cần cảnh báo.', 'No project is at risk.')}</p>
          )}
          <p>
            <Link to={`/watchlist${query({ year, regionCode: region })}`}>
              {t('Xem danh sách cảnh báo', 'Open the watchlist')} →
            </Link>
          </p>
        </>
      )}
      {watch.loading && !items && <p className="muted">{t('Đang tải…', 'Loading…')}</p>}
    </section>
  );
}
