import type { AwardRoundView, PutScoreSheetRequest, ScoreSheetView } from '@kc/contracts';

/**
 * The score sheet as a form, without React: which fields the round's criteria ask for, what the juror typed,
 * the live total and the request body. Scores are kept in integer tenths, as the API does, so the total never
 * drifts by float rounding (35,5 + 40 + 9,5 + 10 = 950 tenths).
 */
type Lang = 'vi' | 'en';
type Bilingual = { vi: string; en: string };
type Criteria = AwardRoundView['criteria'];

/** One input: a criterion scored whole, or one sub-criterion of a split one. Its key names it on the sheet. */
export interface SheetField {
  /** `market`, or `market.quality` for a sub-criterion: the API's field after `scores.`. */
  key: string;
  criterionId: string;
  subId: string | null;
  label: Bilingual;
  maxTenths: number;
}

export function sheetFields(criteria: Criteria): SheetField[] {
  return criteria.flatMap((criterion): SheetField[] =>
    criterion.subCriteria.length === 0
      ? [
          {
            key: criterion.id,
            criterionId: criterion.id,
            subId: null,
            label: criterion.label,
            maxTenths: criterion.maxTenths,
          },
        ]
      : criterion.subCriteria.map((sub) => ({
          key: `${criterion.id}.${sub.id}`,
          criterionId: criterion.id,
          subId: sub.id,
          label: sub.label,
          maxTenths: sub.maxTenths,
        })),
  );
}

/** What the juror typed, by field key. */
export type SheetValues = Record<string, string>;

/** 355 → "35,5" (vi) / "35.5" (en); 400 → "40". */
export function pointsText(tenths: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: tenths % 10 === 0 ? 0 : 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(tenths / 10);
}

/** A published average ("85.33") in the reader's writing. */
export function decimalText(text: string | null, lang: Lang): string {
  if (text === null) return '—';
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** The form's values from the juror's saved sheet, or empty. */
export function valuesOf(fields: SheetField[], sheet: ScoreSheetView | null, lang: Lang): SheetValues {
  const values: SheetValues = {};
  for (const field of fields) {
    const saved = sheet?.scoresTenths[field.criterionId];
    const tenths =
      field.subId === null
        ? typeof saved === 'number'
          ? saved
          : undefined
        : typeof saved === 'object'
          ? saved[field.subId]
          : undefined;
    values[field.key] = tenths === undefined ? '' : pointsText(tenths, lang);
  }
  return values;
}

export type Parsed =
  | { ok: true; tenths: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-precise' | 'out-of-range' };

/** "35,5", "35.5" or "35" → 355 tenths; at most one decimal, from 0 to the maximum, as the API checks. */
export function parsePoints(text: string, maxTenths: number): Parsed {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const match = /^(\d{1,4})(?:\.(\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, reason: 'not-a-number' };
  const decimals = match[2] ?? '';
  // "35,50" is still one decimal; "35,55" is not (the API refuses rather than rounds).
  if (decimals.replace(/0+$/, '').length > 1) return { ok: false, reason: 'too-precise' };
  const tenths = Number(match[1]) * 10 + Number(decimals.charAt(0) || '0');
  if (tenths > maxTenths) return { ok: false, reason: 'out-of-range' };
  return { ok: true, tenths };
}

/** Why a typed value is refused, in the reader's language (empty is no message until a save is tried). */
export function parseMessage(parsed: Parsed, field: SheetField, lang: Lang): string | null {
  if (parsed.ok) return null;
  const max = pointsText(field.maxTenths, lang);
  const say = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  switch (parsed.reason) {
    case 'empty':
      return say('Chưa nhập điểm', 'No score yet');
    case 'not-a-number':
      return say(`Nhập một số từ 0 đến ${max}, ví dụ 8,5`, `Enter a number from 0 to ${max}, e.g. 8.5`);
    case 'too-precise':
      return say('Chỉ được có nhiều nhất một chữ số thập phân', 'At most one decimal');
    case 'out-of-range':
      return say(`Điểm phải từ 0 đến ${max}`, `The score must be from 0 to ${max}`);
  }
}

/** The sum of the valid scores so far, and whether every field has one. */
export function sheetTotal(fields: SheetField[], values: SheetValues): { tenths: number; complete: boolean } {
  let tenths = 0;
  let complete = true;
  for (const field of fields) {
    const parsed = parsePoints(values[field.key] ?? '', field.maxTenths);
    if (parsed.ok) tenths += parsed.tenths;
    else complete = false;
  }
  return { tenths, complete };
}

/** The criterion's subtotal over its sub-criteria (valid ones only). */
export function criterionTotal(fields: SheetField[], values: SheetValues, criterionId: string): number {
  return sheetTotal(
    fields.filter((f) => f.criterionId === criterionId),
    values,
  ).tenths;
}

/** The PUT body in points, or null while any field is empty or refused. */
export function sheetRequest(fields: SheetField[], values: SheetValues): PutScoreSheetRequest | null {
  const scores: PutScoreSheetRequest['scores'] = {};
  for (const field of fields) {
    const parsed = parsePoints(values[field.key] ?? '', field.maxTenths);
    if (!parsed.ok) return null;
    // Tenths / 10 is the nearest double to the one-decimal value, which the API turns back into the same tenths.
    const points = parsed.tenths / 10;
    if (field.subId === null) scores[field.criterionId] = points;
    else {
      const parts = (scores[field.criterionId] ??= {}) as Record<string, number>;
      parts[field.subId] = points;
    }
  }
  return { scores };
}

/** One field error of a problem+json answer; the platform sends each message in both languages. */
export interface FieldProblem {
  field?: string;
  rule?: string;
  message?: string;
  messages?: Bilingual;
}

/**
 * Where an API field error belongs on the form: `body.scores.market.quality` (request validation) and
 * `scores.market.quality` (the scoring rules) both name the field `market.quality`; `scores.market` of a split
 * criterion names the criterion's group. Null for what no field of the form holds (shown above the form).
 */
export function formKeyOf(field: string | undefined, fields: SheetField[]): string | null {
  if (!field) return null;
  const path = field.replace(/^body\./, '');
  if (!path.startsWith('scores.')) return null;
  const key = path.slice('scores.'.length);
  if (fields.some((f) => f.key === key || f.criterionId === key)) return key;
  return null;
}

/** The refusal's field errors by form key, and the rest. */
export function problemsByKey(
  errors: FieldProblem[],
  fields: SheetField[],
  lang: Lang,
): { byKey: Record<string, string>; rest: string[] } {
  const byKey: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of errors) {
    const text = error.messages?.[lang] ?? error.message ?? '';
    const key = formKeyOf(error.field, fields);
    if (key === null) rest.push(text);
    else byKey[key] = byKey[key] ? `${byKey[key]}; ${text}` : text;
  }
  return { byKey, rest };
}
