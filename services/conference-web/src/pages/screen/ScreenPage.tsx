import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { ScreenReport } from '@kc/contracts';
import { ApiError } from '../../api/http';
import { useLive } from '../../api/live';
import { useApi } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { Chart } from '../../charts/Chart';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { contentChartOption } from '../conference/ContentPanel';
import { conferenceTitle, labelOf } from '../conference/figures';
import { HeadlineFigures } from '../conference/HeadlineFigures';
import { UnitTiles } from '../conference/UnitTiles';
import '../conference/conference.css';
import './screen.css';

const SLIDES = ['figures', 'units', 'content'] as const;
const SLIDE_SECONDS = 15;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The link's own change notices, listened to while the link works: the page drops this once the link has
 * ended, so no reconnect keeps knocking at an expired link.
 */
function ScreenFeed({
  token,
  onChange,
  onConnection,
}: {
  token: string;
  onChange: () => void;
  onConnection: (connected: boolean) => void;
}) {
  const { connected } = useLive((change) => {
    if (change.services.includes('reporting')) onChange();
  }, `/api/v1/screens/${token}/live`);
  useEffect(() => onConnection(connected), [connected, onConnection]);
  return null;
}

/**
 * The hall screen: one conference view, read-only, opened by its share link (the token is its only
 * credential). It rotates between the headline, the units and the activity contents, refetches on the link's
 * own change notices, and says so plainly once the link has expired or if it never existed.
 */
export default function ScreenPage() {
  const { t, lang } = useLang();
  const { token = '' } = useParams();
  const wellFormed = TOKEN.test(token);
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  const refetch = useCallback(() => setVersion((n) => n + 1), []);
  const fetched = useApi<ScreenReport>(wellFormed ? `/api/v1/screens/${token}` : null, version);
  const screen = fetched.data;
  const [slide, setSlide] = useState(0);

  // Rotation only (the figures themselves arrive by change notices, never by a timer).
  useEffect(() => {
    const timer = setInterval(() => setSlide((n) => (n + 1) % SLIDES.length), SLIDE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, []);

  // At the link's expiry, ask once more: the gateway then answers 410 and the screen says the link ended.
  useEffect(() => {
    if (!screen) return;
    const wait = Date.parse(screen.expiresAt) - Date.now();
    const timer = setTimeout(refetch, Math.max(0, wait) + 1000);
    return () => clearTimeout(timer);
  }, [screen, refetch]);

  // Type for the back rows of a hall: the chart's text follows the viewport as the page's does.
  const width = window.innerWidth;
  const option = useMemo(
    () =>
      screen
        ? contentChartOption(screen.report.byContent, lang, {
            fontSize: Math.round(Math.min(24, Math.max(12, width / 90))),
            labelWidth: Math.round(width * 0.3),
          })
        : null,
    [screen, lang, width],
  );
  const failure = fetched.error instanceof ApiError ? fetched.error : null;
  // 410 by the contract; the gateway may also answer 404 with the code screen.expired.
  const expired = failure?.status === 410 || failure?.problem.code === 'screen.expired';
  const unknown = !wellFormed || (failure?.status === 404 && !expired);
  const feed =
    expired || unknown ? null : <ScreenFeed token={token} onChange={refetch} onConnection={setConnected} />;

  if (expired || unknown || (fetched.error !== undefined && !screen)) {
    return (
      <>
        {feed}
        <main
          className="screen screen-message"
          data-screen-state={expired ? 'expired' : unknown ? 'unknown' : 'error'}
        >
          <title>Hội nghị khuyến công</title>
          <h1>
            {expired
              ? t('Liên kết màn hình đã hết hạn', 'This screen link has expired')
              : unknown
                ? t('Liên kết màn hình không tồn tại', 'This screen link does not exist')
                : t('Không tải được số liệu', 'The figures could not be loaded')}
          </h1>
          <p>
            {expired || unknown
              ? t(
                  'Hãy đề nghị cán bộ phụ trách tạo liên kết mới.',
                  'Ask the officer in charge for a new link.',
                )
              : t(
                  'Màn hình sẽ thử lại khi có kết nối.',
                  'The screen will try again when the connection is back.',
                )}
          </p>
        </main>
      </>
    );
  }

  if (!screen) {
    return (
      <>
        {feed}
        <main className="screen screen-message">
          <p role="status">{t('Đang tải…', 'Loading…')}</p>
        </main>
      </>
    );
  }

  const { report } = screen;
  const title = conferenceTitle(screen.region, screen.year, lang);
  const current = SLIDES[slide];
  const names: Record<(typeof SLIDES)[number], string> = {
    figures: t('Số liệu chính', 'Headline figures'),
    units: `${labelOf(report.glossary, 'projects', lang)} ${t('theo đơn vị', 'by unit')}`,
    content: `${labelOf(report.glossary, 'allocatedVnd', lang)} ${t('theo nội dung hoạt động', 'by activity content')}`,
  };

  return (
    <>
      {feed}
      <main className="screen" data-screen-state="showing" data-slide={current}>
        <title>{title}</title>
        <header className="screen-head">
          <div>
            <h1>{title}</h1>
            <p className="screen-sub">
              {t(
                `${report.units.length} đơn vị cấp tỉnh theo địa giới ngày ${formatDate(report.unitsAsOf)}`,
                `${report.units.length} provincial units as they stood on ${formatDate(report.unitsAsOf)}`,
              )}
            </p>
          </div>
          <LiveStatus connected={connected} fetchedAt={fetched.fetchedAt} />
        </header>
        <section className="screen-slide" aria-label={names[current]}>
          <h2>{names[current]}</h2>
          <div hidden={current !== 'figures'}>
            <HeadlineFigures totals={report.totals} glossary={report.glossary} large />
          </div>
          <div hidden={current !== 'units'} className={report.units.length > 40 ? 'dense' : undefined}>
            <UnitTiles
              units={report.units}
              glossary={report.glossary}
              figure="projects"
              year={screen.year}
              byRegion={screen.level === 'national'}
              large
            />
          </div>
          <div hidden={current !== 'content'}>
            {option && <Chart option={option} height="62vh" ariaLabel={names.content} />}
          </div>
        </section>
        <footer className="screen-foot">
          <ol className="screen-dots" aria-label={t('Các trang', 'Pages')}>
            {SLIDES.map((name, index) => (
              <li key={name} aria-current={index === slide ? 'step' : undefined}>
                {names[name]}
              </li>
            ))}
          </ol>
          <span
            className="screen-progress"
            key={slide}
            aria-hidden="true"
            style={{ animationDuration: `${SLIDE_SECONDS}s` }}
          />
        </footer>
      </main>
    </>
  );
}
