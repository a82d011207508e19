import type { ConferenceTotals } from '@kc/contracts';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { labelOf, type Glossary } from './figures';

/** Award rounds by level and industrial clusters, as far as the report holds them (it grows with the services). */
export function AwardsClustersPanel({ totals, glossary }: { totals: ConferenceTotals; glossary: Glossary }) {
  const { t, lang } = useLang();
  const keys = [
    'awardRoundsAllLevels',
    'provincialAwardRounds',
    'regionalAwardRounds',
    'nationalAwardRounds',
    'clustersRegistered',
    'fairsHosted',
  ] as const;
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
      </dl>
    </section>
  );
}
