import type { ConferenceTotals } from '@kc/contracts';
import { formatCount, formatPercent, formatVnd } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { labelOf, type Glossary } from './figures';

/**
 * By funding source, as far as the report tells it: the national plan (KCQG, national reports only) beside
 * the provincial plans (KCĐP) with their share of the plan budget, and the beneficiaries' counterpart funds.
 */
export function FundingPanel({ totals, glossary }: { totals: ConferenceTotals; glossary: Glossary }) {
  const { t, lang } = useLang();
  const label = (key: string) => labelOf(glossary, key, lang);
  const plans = (count: number) => `${formatCount(count)} ${t('kế hoạch', count === 1 ? 'plan' : 'plans')}`;
  const budget = totals.planBudgetAllLevelsVnd;
  const sources: { key: string; value: number; note: string; share: boolean }[] = [];
  if (totals.nationalPlanBudgetVnd !== null) {
    sources.push({
      key: 'nationalPlanBudgetVnd',
      value: totals.nationalPlanBudgetVnd,
      note: plans(totals.nationalPlans ?? 0),
      share: true,
    });
  }
  sources.push({
    key: 'provincialPlanBudgetVnd',
    value: totals.provincialPlanBudgetVnd,
    note: plans(totals.provincialPlans),
    share: true,
  });
  sources.push({
    key: 'counterpartVnd',
    value: totals.counterpartVnd,
    note: t('do cơ sở thụ hưởng góp', 'from the beneficiaries'),
    share: false,
  });
  return (
    <section className="card" aria-labelledby="by-funding">
      <h2 id="by-funding">{t('Theo nguồn kinh phí', 'By funding source')}</h2>
      <ul className="sources">
        {sources.map(({ key, value, note, share }) => {
          const part = share && budget > 0 ? (value / budget) * 100 : null;
          return (
            <li key={key}>
              <span className="source-label">{label(key)}</span>
              <span className="source-value">
                <strong data-figure={key}>{formatVnd(value)}</strong>
                <small>
                  {note}
                  {part !== null &&
                    ` · ${formatPercent(Math.round(part * 10) / 10)} ${t('kinh phí kế hoạch', 'of the plan budget')}`}
                </small>
              </span>
              {part !== null && (
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${part}%` }} />
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
