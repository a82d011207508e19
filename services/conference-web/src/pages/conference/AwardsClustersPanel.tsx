import type { ConferenceClusterPeriod, ConferenceTotals } from '@kc/contracts';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ClusterFigures } from './ClusterFigures';
import { labelOf, type Glossary } from './figures';

const LEVELS = [
  ['commune', 'Cấp xã (huyện)', 'Commune (district)'],
  ['provincial', 'Cấp tỉnh', 'Provincial'],
  ['regional', 'Cấp khu vực', 'Regional'],
  ['national', 'Cấp quốc gia', 'National'],
] as const;

const GROUPS: Record<string, [string, string]> = {
  handicraft: ['Thủ công mỹ nghệ', 'Handicrafts'],
  'agro-food': ['Chế biến nông lâm thủy sản và thực phẩm', 'Processed agro-forestry-fishery and food'],
  machinery: ['Máy móc, thiết bị, dụng cụ, phụ tùng cơ khí', 'Machinery, tools and mechanical parts'],
  other: ['Sản phẩm khác', 'Other products'],
};

/**
 * Award rounds and certificates by level and group, and industrial clusters (the registry today and the year's
 * approved reports), as far as the report holds them.
 */
export function AwardsClustersPanel({
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
  const keys = [
    'awardRoundsAllLevels',
    'provincialAwardRounds',
    'regionalAwardRounds',
    'nationalAwardRounds',
    'fairsHosted',
  ] as const;
  const certificates = totals.awardCertificates;
  const sumOf = (byLevel: Record<(typeof LEVELS)[number][0], number>) =>
    LEVELS.reduce((sum, [level]) => sum + byLevel[level], 0);
  const issued = sumOf(certificates.issued.byLevel);
  const titles = totals.artisanTitlesConferred;
  return (
    <section className="card" aria-labelledby="awards-clusters">
      <h2 id="awards-clusters">
        {t('Bình chọn sản phẩm và cụm công nghiệp', 'Product awards and clusters')}
      </h2>
      <dl className="pairs">
        {keys
          .filter((key) => totals[key] !== null)
          .map((key) => (
            <div key={key}>
              <dt>{labelOf(glossary, key, lang)}</dt>
              <dd>
                <span data-figure={key}>{formatCount(totals[key]!)}</span>
              </dd>
            </div>
          ))}
        <div>
          <dt>{labelOf(glossary, 'awardEntries', lang)}</dt>
          <dd>
            <span data-figure="awardEntries">{formatCount(sumOf(totals.awardEntries.byLevel))}</span>
          </dd>
        </div>
        <div>
          <dt>{labelOf(glossary, 'awardPasses', lang)}</dt>
          <dd>
            <span data-figure="awardPasses">{formatCount(sumOf(totals.awardPasses.byLevel))}</span>
          </dd>
        </div>
        <div>
          <dt>{t('Giấy chứng nhận cấp trong năm', 'Certificates issued in the year')}</dt>
          <dd>
            <span data-figure="awardCertificatesIssued">{formatCount(issued)}</span>
          </dd>
        </div>
        {LEVELS.map(([level, vi, en]) => (
          <div key={level} className="indent">
            <dt>{t(vi, en)}</dt>
            <dd>
              <span data-figure={`awardCertificates.${level}`}>
                {formatCount(certificates.issued.byLevel[level])}
              </span>
            </dd>
          </div>
        ))}
        {Object.entries(certificates.issued.byGroup).map(([group, count]) => (
          <div key={group} className="indent">
            <dt>{GROUPS[group] ? t(...GROUPS[group]) : group}</dt>
            <dd>{formatCount(count)}</dd>
          </div>
        ))}
        <div>
          <dt>{t('Giấy chứng nhận còn hiệu lực ngày 31/12', 'Certificates valid on 31 December')}</dt>
          <dd>
            <span data-figure="awardCertificatesValid">{formatCount(certificates.validAtYearEnd)}</span>
          </dd>
        </div>
        <div>
          <dt>{labelOf(glossary, 'artisanTitlesConferred', lang)}</dt>
          <dd>
            <span data-figure="artisanTitlesConferred">
              {formatCount(titles.meritorious + titles.people)}
            </span>
          </dd>
        </div>
        <div className="indent">
          <dt>{t('Nghệ nhân ưu tú', 'Meritorious Artisan')}</dt>
          <dd>{formatCount(titles.meritorious)}</dd>
        </div>
        <div className="indent">
          <dt>{t('Nghệ nhân nhân dân', "People's Artisan")}</dt>
          <dd>{formatCount(titles.people)}</dd>
        </div>
      </dl>
      <ClusterFigures totals={totals} glossary={glossary} year={year} clusterPeriod={clusterPeriod} />
    </section>
  );
}
