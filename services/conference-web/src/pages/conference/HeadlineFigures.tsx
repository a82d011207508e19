import type { ConferenceTotals } from '@kc/contracts';
import { formatCount, formatPercent } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { definitionOf, formatFigure, labelOf, type Glossary } from './figures';

interface Props {
  totals: ConferenceTotals;
  glossary: Glossary;
  /** Larger type and fewer words: the hall screen. */
  large?: boolean;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/**
 * The conference's headline: projects, allocated VND and completion, then the money as it moved
 * (contracted, advanced, paid, settled) and the plans of all levels. Each value carries data-figure="<key>".
 */
export function HeadlineFigures({ totals, glossary, large }: Props) {
  const { t, lang } = useLang();
  const label = (key: string) => labelOf(glossary, key, lang);
  const value = (key: keyof ConferenceTotals) => {
    const raw = totals[key];
    const measure = definitionOf(glossary, key)?.measure;
    return (
      <span className={measure === 'vnd' ? 'value vnd' : 'value'} data-figure={key}>
        {formatFigure(measure, typeof raw === 'number' ? raw : null)}
      </span>
    );
  };
  const term = (key: string) =>
    definitionOf(glossary, key)?.[lang === 'vi' ? 'definitionVi' : 'definitionEn'];
  const money = ['contractedVnd', 'advancedVnd', 'paidVnd', 'settledVnd'] as const;

  return (
    <section
      className={large ? 'headline large' : 'headline'}
      aria-label={t('Số liệu chính', 'Headline figures')}
    >
      <div className="hero">
        <div className="figure hero-figure" title={term('projects')}>
          <span className="label">{label('projects')}</span>
          {value('projects')}
          <span className="note">
            <span data-figure="projectsInPlan">{formatCount(totals.projectsInPlan)}</span>{' '}
            {t('được giao kế hoạch', 'in the plan')} ·{' '}
            <span data-figure="projectsCompleted">{formatCount(totals.projectsCompleted)}</span>{' '}
            {t('hoàn thành', 'completed')}
          </span>
        </div>
        <div className="figure hero-figure" title={term('allocatedVnd')}>
          <span className="label">{label('allocatedVnd')}</span>
          {value('allocatedVnd')}
          <span className="note">
            {label('planBudgetAllLevelsVnd')}: {formatFigure('vnd', totals.planBudgetAllLevelsVnd)}
          </span>
        </div>
        <div className="figure hero-figure" title={term('completionPercent')}>
          <span className="label">{label('completionPercent')}</span>
          {value('completionPercent')}
          <span className="meter" aria-hidden="true">
            <span style={{ width: `${totals.completionPercent ?? 0}%` }} />
          </span>
        </div>
      </div>
      <div className="figures money">
        {money.map((key) => (
          <div className="figure" key={key} title={term(key)}>
            <span className="label">{label(key)}</span>
            {value(key)}
            <span className="note">
              {formatPercent(share(totals[key], totals.allocatedVnd))}{' '}
              {t('kinh phí được giao', 'of allocated')}
            </span>
          </div>
        ))}
        <div className="figure" title={term('plansAllLevels')}>
          <span className="label">{label('plansAllLevels')}</span>
          {value('plansAllLevels')}
          <span className="note">
            KCQG {totals.nationalPlans === null ? '—' : formatCount(totals.nationalPlans)} · KCĐP{' '}
            {formatCount(totals.provincialPlans)}
          </span>
        </div>
      </div>
    </section>
  );
}
