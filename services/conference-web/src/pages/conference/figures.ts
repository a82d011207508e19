import type { ConferenceFigureDefinition, ConferenceRegion, ConferenceReport } from '@kc/contracts';
import { formatCount, formatHectares, formatPercent, formatVnd, formatVndShort } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';

export type Glossary = ConferenceReport['glossary'];

/** The regions as the pages name them (the reference data says "Bắc", "Trung – Tây Nguyên", "Nam"). */
export const REGION_NAMES: Record<ConferenceRegion, [string, string]> = {
  north: ['Miền Bắc', 'Northern region'],
  central: ['Miền Trung – Tây Nguyên', 'Central region & Highlands'],
  south: ['Miền Nam', 'Southern region'],
};

export const REGIONS: readonly ConferenceRegion[] = ['north', 'central', 'south'];

export function isRegion(value: string | undefined): value is ConferenceRegion {
  return REGIONS.includes(value as ConferenceRegion);
}

export function definitionOf(glossary: Glossary, key: string): ConferenceFigureDefinition | undefined {
  return glossary.find((entry) => entry.key === key);
}

/**
 * A figure's label from the report's glossary, without its unit in brackets where the value shows the unit
 * itself ("Kinh phí được giao (đồng)" → "Kinh phí được giao": the value reads "120.000.000.000 đ").
 */
export function labelOf(glossary: Glossary, key: string, lang: Lang): string {
  const entry = definitionOf(glossary, key);
  if (!entry) return key;
  const label = lang === 'vi' ? entry.labelVi : entry.labelEn;
  return label.replace(/\s*\((đồng|VND|%|ha)\)$/, '');
}

/** A figure's value in full, as the glossary measures it. */
export function formatFigure(
  measure: ConferenceFigureDefinition['measure'] | undefined,
  value: number | null,
): string {
  if (value === null) return '—';
  if (measure === 'vnd') return formatVnd(value);
  if (measure === 'percent') return formatPercent(value);
  if (measure === 'centi-ha') return formatHectares(value);
  return formatCount(value);
}

/** The same, compact (tiles, chart labels): 5,7 tỷ instead of 5.715.000.000 đ. */
export function formatFigureShort(
  measure: ConferenceFigureDefinition['measure'] | undefined,
  value: number | null,
  lang: Lang,
): string {
  if (value !== null && measure === 'vnd') return formatVndShort(value, lang);
  return formatFigure(measure, value);
}

/** The unit figures a reader can colour the tile grid by: every number a unit row holds. */
export function tileFigures(glossary: Glossary): ConferenceFigureDefinition[] {
  return glossary.filter(
    (entry) =>
      entry.in === 'units' &&
      (entry.measure === 'count' ||
        entry.measure === 'vnd' ||
        entry.measure === 'percent' ||
        entry.measure === 'centi-ha'),
  );
}

/** "Hội nghị khuyến công khu vực miền Bắc năm 2019" / "Northern region industrial extension conference 2019". */
export function conferenceTitle(
  region: ConferenceRegion | null | undefined,
  year: number,
  lang: Lang,
): string {
  const scope = region ? REGION_NAMES[region] : null;
  return lang === 'vi'
    ? `Hội nghị khuyến công ${scope ? `khu vực ${scope[0].replace('Miền', 'miền')}` : 'toàn quốc'} năm ${year}`
    : `${scope ? scope[1] : 'National'} industrial extension conference ${year}`;
}

export function conferencePath(
  level: 'national' | 'regional',
  region: ConferenceRegion | undefined,
  year: number,
) {
  return level === 'national' ? `/conferences/national/${year}` : `/conferences/regional/${region}/${year}`;
}

export function reportPath(
  level: 'national' | 'regional',
  region: ConferenceRegion | undefined,
  year: number,
  grouping: 'current' | 'historical',
): string {
  const base =
    level === 'national' ? '/api/v1/conferences/national' : `/api/v1/conferences/regional/${region}`;
  return `${base}?year=${year}&grouping=${grouping}`;
}
