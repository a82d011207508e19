import type { ConferenceUnitRow } from '@kc/contracts';
import { Link } from 'react-router';
import { formatCount, formatPercent, formatVnd } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { conferencePath, labelOf, REGION_NAMES, REGIONS, type Glossary } from './figures';

/** The national view by region: the units' rows summed, each region linking to its conference page. */
export function RegionPanel({
  units,
  glossary,
  year,
}: {
  units: ConferenceUnitRow[];
  glossary: Glossary;
  year: number;
}) {
  const { t, lang } = useLang();
  const label = (key: string) => labelOf(glossary, key, lang);
  const rows = REGIONS.map((region) => {
    const members = units.filter((unit) => unit.regionCode === region);
    const sum = (pick: (unit: ConferenceUnitRow) => number) =>
      members.reduce((total, unit) => total + pick(unit), 0);
    const inPlan = sum((unit) => unit.projectsInPlan);
    const completed = sum((unit) => unit.projectsCompleted);
    return {
      region,
      units: members.length,
      projects: sum((unit) => unit.projects),
      completed,
      // The report's own rule: one decimal of completed ÷ in the plan, none when nothing is in the plan.
      completionPercent: inPlan > 0 ? Math.round((completed / inPlan) * 1000) / 10 : null,
      allocatedVnd: sum((unit) => unit.allocatedVnd),
      paidVnd: sum((unit) => unit.paidVnd),
    };
  });
  const most = Math.max(1, ...rows.map((row) => row.allocatedVnd));
  return (
    <section className="card wide" aria-labelledby="by-region">
      <h2 id="by-region">{t('Theo khu vực', 'By region')}</h2>
      {/* Focusable: a keyboard reader can scroll the table sideways on a phone. */}
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t('Bảng số liệu theo khu vực', 'Table: figures by region')}
      >
        <table className="table" data-table="by-region">
          <thead>
            <tr>
              <th scope="col">{t('Khu vực', 'Region')}</th>
              <th scope="col" className="num">
                {label('projects')}
              </th>
              <th scope="col" className="num">
                {label('completionPercent')}
              </th>
              <th scope="col" className="num">
                {label('allocatedVnd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.region} data-region={row.region}>
                <th scope="row">
                  <Link to={conferencePath('regional', row.region, year)}>
                    {lang === 'vi' ? REGION_NAMES[row.region][0] : REGION_NAMES[row.region][1]}
                  </Link>
                  <small className="muted">
                    {' '}
                    · {formatCount(row.units)} {t('đơn vị', 'units')}
                  </small>
                </th>
                <td className="num">{formatCount(row.projects)}</td>
                <td className="num">{formatPercent(row.completionPercent)}</td>
                <td className="num">
                  {formatVnd(row.allocatedVnd)}
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: `${(Math.max(0, row.allocatedVnd) / most) * 100}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
