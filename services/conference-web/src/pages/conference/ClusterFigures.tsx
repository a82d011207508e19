import type { ConferenceClusterPeriod, ConferenceTotals } from '@kc/contracts';
import { useLang } from '../../i18n/lang';
import { definitionOf, formatFigure, labelOf, type Glossary } from './figures';

/** The registry's figures as of today: clusters by status, land, occupancy, wastewater, tenants. */
const REGISTRY = [
  ['clustersRegistered', false],
  ['clustersPlanned', true],
  ['clustersEstablished', true],
  ['clustersOperating', true],
  ['clusterTotalAreaCentiHa', false],
  ['clusterLeasableAreaCentiHa', false],
  ['clusterLeasedAreaCentiHa', false],
  ['clusterOccupancyPercent', false],
  ['clustersWithWastewaterPlant', false],
  ['wastewaterCoveragePercent', false],
  ['clusterProjects', false],
  ['clusterFirms', false],
  ['clusterWorkers', false],
] as const satisfies readonly [keyof ConferenceTotals, boolean][];

/** The sums of the year's approved reports. */
const REPORTED = [
  ['clusterReports', false],
  ['clusterReportsAnnual', true],
  ['clusterReportsLate', true],
  ['reportedTotalAreaCentiHa', false],
  ['reportedLeasableAreaCentiHa', false],
  ['reportedLeasedAreaCentiHa', false],
  ['reportedOccupancyPercent', false],
  ['reportedClustersWithWastewaterPlant', false],
  ['reportedWastewaterCoveragePercent', false],
  ['reportedProjects', false],
  ['reportedFirms', false],
  ['reportedWorkers', false],
] as const satisfies readonly [keyof ConferenceTotals, boolean][];

const PERIODS: Record<ConferenceClusterPeriod, [string, string]> = {
  'annual-else-six-monthly': [
    'báo cáo năm đã duyệt, nếu chưa có thì báo cáo 6 tháng',
    'the approved annual report, else the six-monthly one',
  ],
  annual: ['chỉ báo cáo năm', 'annual reports only'],
  'six-monthly': ['chỉ báo cáo 6 tháng', 'six-monthly reports only'],
};

/**
 * Industrial clusters on the conference dashboard: the registry as it stands today, and the approved periodic
 * reports of the year (Circular 14/2024), each figure labelled and measured as the report's glossary says.
 */
export function ClusterFigures({
  totals,
  glossary,
  year,
  clusterPeriod,
}: {
  totals: ConferenceTotals;
  glossary: Glossary;
  year: number;
  clusterPeriod: ConferenceClusterPeriod;
}) {
  const { t, lang } = useLang();
  const rows = (figures: readonly (readonly [keyof ConferenceTotals, boolean])[]) =>
    figures.map(([key, indent]) => (
      <div key={key} className={indent ? 'indent' : undefined}>
        <dt
          title={
            lang === 'vi'
              ? definitionOf(glossary, key)?.definitionVi
              : definitionOf(glossary, key)?.definitionEn
          }
        >
          {labelOf(glossary, key, lang)}
        </dt>
        <dd>
          <span data-figure={key}>
            {formatFigure(definitionOf(glossary, key)?.measure, totals[key] as number | null)}
          </span>
        </dd>
      </div>
    ));
  return (
    <div className="cluster-figures" data-cluster-period={clusterPeriod}>
      <h3>{t('Cụm công nghiệp — cơ sở dữ liệu hiện tại', 'Industrial clusters — the registry today')}</h3>
      <dl className="pairs">{rows(REGISTRY)}</dl>
      <h3>
        {t(
          `Cụm công nghiệp — báo cáo được duyệt năm ${year}`,
          `Industrial clusters — approved reports of ${year}`,
        )}
      </h3>
      <p className="note">{t(...PERIODS[clusterPeriod])}</p>
      <dl className="pairs">{rows(REPORTED)}</dl>
    </div>
  );
}
