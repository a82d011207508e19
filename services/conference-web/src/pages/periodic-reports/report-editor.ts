import type { PeriodicReportView, ReportFormVersionView } from '@kc/contracts';

/**
 * Entering a report's figures and narratives on its page, free of React: the form's fields as text from the
 * working content, the text read back as whole numbers, the body of `PUT …/content`, and the API's refusals
 * placed beside the fields they name. The API checks everything again; this only keeps an obvious slip (a
 * decimal, a letter) from a round trip and says where each refusal belongs.
 */
export interface Bilingual {
  vi: string;
  en: string;
}
type Content = NonNullable<PeriodicReportView['working']>;
type Form = Pick<ReportFormVersionView, 'cells' | 'narratives'>;

/** What the fields hold, as typed: per cell its figure and its explanation, per narrative its text. */
export interface EditorDraft {
  values: Record<string, string>;
  explanations: Record<string, string>;
  narratives: Record<string, string>;
}

/** `PUT /api/v1/periodic-reports/:id/content`: each part given replaces the report's (values, explanations, narratives). */
export interface ContentEdit {
  values: Record<string, number>;
  explanations: Record<string, string>;
  narratives: Record<string, string>;
}

/** A refusal of one field: `values.<cell>`, `explanations.<cell>`, `narratives.<key>` (the API's field names). */
export interface FieldProblem {
  field: string;
  messages: Bilingual;
}

/** 1250000000 → "1.250.000.000": the app's Vietnamese grouping, which `parseWhole` reads back. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The fields of a form, filled from a report's content (a blank field for what it does not hold). */
export function draftOf(form: Form, content: Content | null): EditorDraft {
  const values: Record<string, string> = {};
  const explanations: Record<string, string> = {};
  for (const cell of form.cells) {
    const value = content?.entered[cell.key];
    values[cell.key] = value === undefined ? '' : groupDigits(value);
    explanations[cell.key] = content?.explanations[cell.key] ?? '';
  }
  const narratives: Record<string, string> = {};
  for (const n of form.narratives) narratives[n.key] = content?.narratives[n.key] ?? '';
  return { values, explanations, narratives };
}

const NOT_WHOLE: Bilingual = {
  vi: 'phải là số nguyên không âm (có thể ngăn cách hàng nghìn bằng dấu chấm, ví dụ 1.250.000)',
  en: 'must be a whole number of 0 or more (thousands may be grouped with dots, e.g. 1.250.000)',
};
const TOO_LARGE: Bilingual = { vi: 'quá lớn', en: 'is too large' };

/**
 * A typed figure as a whole number: plain digits, or digits grouped by threes with dots or spaces as the app
 * shows them (1.250.000). Blank is null (the cell left empty). A comma is refused rather than guessed: it is
 * the Vietnamese decimal sign, and a figure is whole.
 */
export function parseWhole(text: string): { value: number | null } | { problem: Bilingual } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const grouped = /^\d{1,3}(?:\.\d{3})+$/.test(trimmed) || /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(trimmed);
  if (!grouped && !/^\d+$/.test(trimmed)) return { problem: NOT_WHOLE };
  const value = Number(trimmed.replace(/[.\s\u00a0\u202f]/g, ''));
  return Number.isSafeInteger(value) ? { value } : { problem: TOO_LARGE };
}

/**
 * Whether a cell's typed figure is not the platform's: only where the platform knows the cell (a blank entry
 * then differs too), as the API's differences are computed; such a cell needs an explanation to be submitted.
 */
export function differsFromPlatform(cellKey: string, draft: EditorDraft, platform: Record<string, number>) {
  const known = platform[cellKey];
  if (known === undefined) return false;
  const parsed = parseWhole(draft.values[cellKey] ?? '');
  return 'problem' in parsed || parsed.value !== known;
}

/**
 * The content edit the fields make, or the problems that keep it from being sent: every typed figure, the
 * explanations of the cells that differ from the platform's figures, the narratives that are not blank.
 */
export function contentEdit(
  form: Form,
  draft: EditorDraft,
  platform: Record<string, number>,
): { edit: ContentEdit; problems: FieldProblem[] } {
  const edit: ContentEdit = { values: {}, explanations: {}, narratives: {} };
  const problems: FieldProblem[] = [];
  for (const cell of form.cells) {
    const parsed = parseWhole(draft.values[cell.key] ?? '');
    if ('problem' in parsed) problems.push({ field: `values.${cell.key}`, messages: parsed.problem });
    else if (parsed.value !== null) edit.values[cell.key] = parsed.value;
    const explanation = (draft.explanations[cell.key] ?? '').trim();
    if (explanation && differsFromPlatform(cell.key, draft, platform))
      edit.explanations[cell.key] = explanation;
  }
  for (const n of form.narratives) {
    const text = draft.narratives[n.key] ?? '';
    if (text.length > n.maxLength) {
      problems.push({
        field: `narratives.${n.key}`,
        messages: {
          vi: `dài ${text.length} ký tự, tối đa ${n.maxLength}`,
          en: `is ${text.length} characters long, at most ${n.maxLength}`,
        },
      });
    } else if (text.trim()) edit.narratives[n.key] = text;
  }
  return { edit, problems };
}

/**
 * Whether the fields would change the report: what they would send is not what the saved content sends (so
 * "1250000" typed over a saved "1.250.000" is no change), or a field cannot be sent at all.
 */
export function draftChanged(
  form: Form,
  draft: EditorDraft,
  saved: EditorDraft,
  platform: Record<string, number>,
): boolean {
  const typed = contentEdit(form, draft, platform);
  if (typed.problems.length > 0) return true;
  return JSON.stringify(typed.edit) !== JSON.stringify(contentEdit(form, saved, platform).edit);
}

/** An item of a problem+json `errors` list, as the web's ApiError holds it. */
interface ProblemError {
  field?: string;
  message?: string;
  messages?: Bilingual;
}

/**
 * The API's refusals by the field they name (`body.values.workers` from request validation and `values.workers`
 * from the domain both land on `values.workers`), with each refusal in both languages.
 */
export function problemsByField(errors: readonly ProblemError[] | undefined): FieldProblem[] {
  return (errors ?? [])
    .filter((e) => e.field)
    .map((e) => ({
      field: e.field!.replace(/^body\./, ''),
      messages: e.messages ?? { vi: e.message ?? '', en: e.message ?? '' },
    }));
}

/** A DOM id for a field's input or its message (cell keys hold a slash: `kcqgAllocatedVnd/content-3`). */
export function fieldId(field: string, suffix = 'input'): string {
  return `pr-edit-${field.replace(/[^A-Za-z0-9-]/g, '-')}-${suffix}`;
}

/** Why a returned report came back: its latest return (level, who, when, the reason), or null if not returned. */
export function latestReturn(report: Pick<PeriodicReportView, 'status' | 'events'>) {
  if (report.status !== 'returned') return null;
  return report.events.filter((e) => e.kind === 'returned').at(-1) ?? null;
}
