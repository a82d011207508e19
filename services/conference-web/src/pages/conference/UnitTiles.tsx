import type { ConferenceUnitRow } from '@kc/contracts';
import { Link } from 'react-router';
import { useLang } from '../../i18n/lang';
import {
  definitionOf,
  formatFigure,
  formatFigureShort,
  labelOf,
  REGION_NAMES,
  REGIONS,
  type Glossary,
} from './figures';

/** Five steps from light to dark; the text on each keeps a 4.5:1 contrast (dark on light, white on dark). */
const STEPS = [
  { background: '#e3eef9', color: '#1b2430' },
  { background: '#b9d4f0', color: '#1b2430' },
  { background: '#7fb0e3', color: '#1b2430' },
  { background: '#2f6fb5', color: '#ffffff' },
  { background: '#0b3f78', color: '#ffffff' },
];
const EMPTY = { background: '#eef1f4', color: '#52606d' };

interface Props {
  units: ConferenceUnitRow[];
  glossary: Glossary;
  figure: string;
  year: number;
  /** Headings per region (the national page). */
  byRegion?: boolean;
  /** Tiles link to the unit's page; the hall screen shows them without links. */
  linked?: boolean;
  large?: boolean;
}

function valueOf(unit: ConferenceUnitRow, key: string): number | null {
  const value = (unit as unknown as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : null;
}

/**
 * The units of the view as a grid of tiles, north to south (by code), coloured by the figure chosen: the
 * scale runs from zero to the largest unit's value (0–100 for a percentage) in five equal steps.
 */
export function UnitTiles({ units, glossary, figure, year, byRegion, linked, large }: Props) {
  const { t, lang } = useLang();
  const measure = definitionOf(glossary, figure)?.measure;
  const label = labelOf(glossary, figure, lang);
  const values = units.map((unit) => valueOf(unit, figure) ?? 0);
  const top = measure === 'percent' ? 100 : Math.max(0, ...values);
  const stepOf = (value: number | null) =>
    value === null || value <= 0 || top <= 0
      ? EMPTY
      : STEPS[Math.min(4, Math.floor((value / top) * 5 - 1e-9))];

  const tile = (unit: ConferenceUnitRow) => {
    const value = valueOf(unit, figure);
    const style = stepOf(value);
    const body = (
      <>
        <span className="tile-name">{unit.nameVi}</span>
        <span className="tile-value" data-tile-value={value ?? ''}>
          {formatFigureShort(measure, value, lang)}
        </span>
      </>
    );
    const name = `${unit.nameVi}: ${formatFigure(measure, value)}`;
    return (
      <li key={unit.code} data-unit={unit.code} style={{ background: style.background, color: style.color }}>
        {linked ? (
          <Link to={`/provinces/${unit.code}?year=${year}`} aria-label={name} style={{ color: style.color }}>
            {body}
          </Link>
        ) : (
          <div aria-label={name} role="group">
            {body}
          </div>
        )}
      </li>
    );
  };

  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const groups = byRegion
    ? REGIONS.map((region) => ({
        region,
        units: sorted.filter((unit) => unit.regionCode === region),
      })).filter((group) => group.units.length > 0)
    : [{ region: null, units: sorted }];

  const legend = [EMPTY, ...STEPS].map((style, index) => {
    const from = index === 0 ? null : (top * (index - 1)) / 5;
    const to = index === 0 ? null : (top * index) / 5;
    const text =
      from === null || to === null
        ? measure === 'percent'
          ? t('0 hoặc chưa có', '0 or none')
          : '0'
        : `${formatFigureShort(measure, from, lang)} – ${formatFigureShort(measure, to, lang)}`;
    return (
      <li key={index}>
        <span className="swatch" style={{ background: style.background }} aria-hidden="true" />
        {text}
      </li>
    );
  });

  return (
    <div className={large ? 'tiles large' : 'tiles'}>
      {groups.map((group) => (
        <div key={group.region ?? 'all'} className="tile-group">
          {group.region && (
            <h3>
              {lang === 'vi' ? REGION_NAMES[group.region][0] : REGION_NAMES[group.region][1]}{' '}
              <span className="muted">({group.units.length})</span>
            </h3>
          )}
          <ul className="tile-grid" aria-label={`${label} — ${t('theo đơn vị', 'by unit')}`}>
            {group.units.map(tile)}
          </ul>
        </div>
      ))}
      {top > 0 && (
        <ul className="tile-legend" aria-label={t('Chú giải màu', 'Colour key')}>
          {legend}
        </ul>
      )}
    </div>
  );
}
