import { useMemo } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import type { ConferenceFigures, ConferenceReport } from '@kc/contracts';
import { ApiError } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { isAgency, isStaff, useSession } from '../../session/session';
import { AwardsClustersPanel } from './AwardsClustersPanel';
import { PackTool, ShareTool } from './ConferenceTools';
import { ContentPanel } from './ContentPanel';
import { FairsPanel } from './FairsPanel';
import {
  conferenceTitle,
  formatFigure,
  isRegion,
  labelOf,
  REGION_NAMES,
  reportPath,
  tileFigures,
} from './figures';
import { FundingPanel } from './FundingPanel';
import { HeadlineFigures } from './HeadlineFigures';
import { RegionPanel } from './RegionPanel';
import { ReportedIndicatorsPanel } from './ReportedIndicatorsPanel';
import { TrendPanel } from './TrendPanel';
import { UnitTiles } from './UnitTiles';
import { WatchlistPanel } from './WatchlistPanel';
import './conference.css';

/** Figures of `unattributed` that are not zero: facts no unit of the historical grouping can hold. */
function unattributedFigures(report: ConferenceReport): [string, number][] {
  const { awardCertificates, awardEntries, awardPasses, artisanTitlesConferred, ...numbers } =
    report.unattributed as ConferenceFigures;
  const byLevel = (counts: { byLevel: Record<string, number> }) =>
    Object.values(counts.byLevel).reduce((a, b) => a + b, 0);
  const counted: [string, number][] = [
    ['awardCertificates', byLevel(awardCertificates.issued)],
    ['awardEntries', byLevel(awardEntries)],
    ['awardPasses', byLevel(awardPasses)],
    ['artisanTitlesConferred', artisanTitlesConferred.meritorious + artisanTitlesConferred.people],
  ];
  return [
    ...Object.entries(numbers).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] !== 0,
    ),
    ...counted.filter(([, n]) => n > 0),
  ];
}

export default function ConferencePage({ level }: { level: 'national' | 'regional' }) {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const year = Number(params.year);
  const region = isRegion(params.region) ? params.region : undefined;
  const grouping = search.get('grouping') === 'historical' ? 'historical' : 'current';
  const live = useLiveVersions(['reporting', 'trade-fairs']);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100 && (level === 'national' || region);
  const fetched = useApi<ConferenceReport>(
    valid ? reportPath(level, region, year, grouping) : null,
    live.versions.reporting,
  );
  const report = fetched.data;
  const figures = useMemo(() => (report ? tileFigures(report.glossary) : []), [report]);
  const chosen = search.get('figure');
  const figure = figures.some((entry) => entry.key === chosen) ? chosen! : 'projects';

  if (!valid) return <Navigate to="/" replace />;

  /** The units shown are a place in history (Back returns to them); the tiles' colouring is not. */
  const setParam = (name: string, value: string | null, replace: boolean) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace },
    );

  const scope = region ? REGION_NAMES[region] : null;
  const title = conferenceTitle(region, year, lang);
  const view = { level, region, year, grouping } as const;
  const failed = fetched.error;

  return (
    <div
      className="page conference"
      data-level={level}
      data-region={region}
      data-year={year}
      data-grouping={grouping}
    >
      <title>{`${title} — Hội nghị khuyến công`}</title>
      <div className="page-head">
        <div>
          <p className="eyebrow">{scope ? t(scope[0], scope[1]) : t('Toàn quốc', 'National')}</p>
          <h1>{title}</h1>
          <LiveStatus connected={live.connected} fetchedAt={fetched.fetchedAt} />
        </div>
        <div className="page-actions">
          <div className="segmented" role="group" aria-label={t('Đơn vị hành chính', 'Administrative units')}>
            <button
              type="button"
              aria-pressed={grouping === 'current'}
              onClick={() => setParam('grouping', null, false)}
            >
              {t('34 đơn vị hiện nay', "Today's 34 units")}
            </button>
            <button
              type="button"
              aria-pressed={grouping === 'historical'}
              onClick={() => setParam('grouping', 'historical', false)}
            >
              {t(`Đơn vị hành chính năm ${year}`, `Units as of ${year}`)}
            </button>
          </div>
          {isStaff(principal) && (
            <div className="tools">
              {isAgency(principal) && <PackTool view={view} />}
              <ShareTool view={view} />
            </div>
          )}
        </div>
      </div>

      {failed !== undefined && (
        <p className="error" role="alert">
          {t('Không tải được số liệu hội nghị', 'The conference figures could not be loaded')}
          {failed instanceof ApiError ? `: ${failed.problem.messages?.[lang] ?? failed.message}` : '.'}
          {report && ` ${t('Đang hiển thị số liệu trước đó.', 'Showing the figures from before.')}`}
        </p>
      )}
      {!report && fetched.loading && (
        <p className="loading" role="status">
          {t('Đang tải số liệu…', 'Loading the figures…')}
        </p>
      )}

      {report && (
        <>
          <p className="scope-note" data-units={report.units.length}>
            {t(
              `${report.units.length} đơn vị cấp tỉnh theo địa giới ngày ${formatDate(report.unitsAsOf)}`,
              `${report.units.length} provincial units as they stood on ${formatDate(report.unitsAsOf)}`,
            )}
            {unattributedFigures(report).map(([key, value]) => (
              <span key={key}>
                {' · '}
                {t('Không gắn được với đơn vị nào', 'Not attributable to a unit')}:{' '}
                {labelOf(report.glossary, key, lang)}{' '}
                {formatFigure(report.glossary.find((entry) => entry.key === key)?.measure, value)}
              </span>
            ))}
          </p>
          <HeadlineFigures totals={report.totals} glossary={report.glossary} />

          <div className="panels">
            <section className="card full" aria-labelledby="units">
              <div className="card-head">
                <h2 id="units">{t('Các đơn vị', 'The units')}</h2>
                <label className="inline">
                  {t('Tô màu theo', 'Colour by')}{' '}
                  <select value={figure} onChange={(event) => setParam('figure', event.target.value, true)}>
                    {figures.map((entry) => (
                      <option key={entry.key} value={entry.key}>
                        {labelOf(report.glossary, entry.key, lang)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <UnitTiles
                units={report.units}
                glossary={report.glossary}
                figure={figure}
                year={year}
                byRegion={level === 'national'}
                linked
              />
            </section>
            {level === 'national' && (
              <>
                <RegionPanel units={report.units} glossary={report.glossary} year={year} />
                <FundingPanel totals={report.totals} glossary={report.glossary} />
              </>
            )}
            <ContentPanel rows={report.byContent} glossary={report.glossary} />
            <ReportedIndicatorsPanel section={report.reportedIndicators} />
            <TrendPanel level={level} region={region} report={report} version={live.versions.reporting} />
            {isStaff(principal) && (
              <WatchlistPanel year={year} region={region} version={live.versions.reporting} />
            )}
            <FairsPanel report={report} region={region} version={live.versions['trade-fairs']} />
            {level === 'national' ? (
              <AwardsClustersPanel
                totals={report.totals}
                glossary={report.glossary}
                year={report.year}
                clusterPeriod={report.clusterPeriod}
              />
            ) : (
              <div className="stack">
                <FundingPanel totals={report.totals} glossary={report.glossary} />
                <AwardsClustersPanel
                  totals={report.totals}
                  glossary={report.glossary}
                  year={report.year}
                  clusterPeriod={report.clusterPeriod}
                />
              </div>
            )}
          </div>

          <details className="glossary">
            <summary>{t('Giải thích các số liệu', 'What each figure counts')}</summary>
            <dl>
              {report.glossary.map((entry) => (
                <div key={entry.key}>
                  <dt>{lang === 'vi' ? entry.labelVi : entry.labelEn}</dt>
                  <dd>{lang === 'vi' ? entry.definitionVi : entry.definitionEn}</dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </div>
  );
}
