import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { AwardRoundView, ScoreSheetView } from '@kc/contracts';
import { api, ApiError } from '../../api/http';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { problemText } from './common';
import {
  criterionTotal,
  formKeyOf,
  parseMessage,
  parsePoints,
  pointsText,
  problemsByKey,
  sheetRequest,
  sheetTotal,
  type FieldProblem,
  type SheetField,
  type SheetValues,
} from './sheet';

type SaveState =
  | { kind: 'clean'; savedAt: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'failed' };

/** One score: a decimal text field (a comma or a point), its range as a hint, and its refusal beside it. */
function ScoreInput({
  field,
  value,
  problem,
  readOnly,
  onChange,
}: {
  field: SheetField;
  value: string;
  problem: string | null;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  const { t, lang } = useLang();
  const id = useId();
  const label = field.subId === null ? t('Điểm', 'Score') : lang === 'vi' ? field.label.vi : field.label.en;
  return (
    <div className="aw-score" data-field={field.key}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className="aw-hint">
        {t(`từ 0 đến ${pointsText(field.maxTenths, lang)}`, `0 to ${pointsText(field.maxTenths, lang)}`)}
      </span>
      {problem ? (
        <span id={`${id}-error`} className="aw-field-error" data-testid="field-error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

/** "Đã lưu lúc …", "Đang lưu…", "Có thay đổi chưa lưu": announced politely as it changes. */
function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useLang();
  const text =
    state.kind === 'saving'
      ? t('Đang lưu…', 'Saving…')
      : state.kind === 'dirty'
        ? t('Có thay đổi chưa lưu', 'Unsaved changes')
        : state.kind === 'failed'
          ? t('Chưa lưu được phiếu chấm', 'The sheet was not saved')
          : state.savedAt
            ? t(`Đã lưu lúc ${formatDateTime(state.savedAt)}`, `Saved at ${formatDateTime(state.savedAt)}`)
            : t('Chưa chấm sản phẩm này', 'Not scored yet');
  return (
    <p className="aw-save-state" role="status" aria-live="polite" data-save-state={state.kind}>
      {text}
    </p>
  );
}

/**
 * The juror's own score sheet for one entry: the round's criteria (each whole, or split into sub-criteria), one
 * decimal allowed, a live total, and the API's refusals beside the fields they name. What is typed and not saved
 * yet is handed up (`onDraft`) so that moving to another entry and back keeps it.
 */
export function ScoreSheetForm({
  round,
  entryId,
  entryCode,
  fields,
  initial,
  fromDraft,
  savedAt,
  editable,
  nextHref,
  onDraft,
  onSaved,
}: {
  round: AwardRoundView;
  entryId: string;
  entryCode: string;
  fields: SheetField[];
  initial: SheetValues;
  /** The initial values are what was typed earlier and not saved. */
  fromDraft: boolean;
  /** When the shown values were saved; null for a sheet not saved yet (or a draft). */
  savedAt: string | null;
  editable: boolean;
  nextHref: string | null;
  onDraft: (values: SheetValues | null) => void;
  onSaved: (sheet: ScoreSheetView) => void;
}) {
  const { t, lang } = useLang();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  // The last refusal as received, so its messages follow a switch of language.
  const [refusal, setRefusal] = useState<{
    error: unknown;
    errors: FieldProblem[];
    /** Some of its errors name fields of the form. */
    onFields: boolean;
  } | null>(null);
  const [save, setSave] = useState<SaveState>(fromDraft ? { kind: 'dirty' } : { kind: 'clean', savedAt });
  const dirty = save.kind === 'dirty' || save.kind === 'failed';

  // A closing tab would lose what was typed: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const { byKey: apiProblems, rest } = problemsByKey(refusal?.errors ?? [], fields, lang);
  // Field errors alone say it beside the fields; anything else is said above the button.
  const general =
    refusal === null || (refusal.onFields && rest.length === 0)
      ? []
      : [problemText(refusal.error, lang), ...rest];

  const problemOf = (key: string, field?: SheetField): string | null => {
    if (apiProblems[key]) return apiProblems[key];
    if (!field) return null;
    const parsed = parsePoints(values[field.key] ?? '', field.maxTenths);
    if (!parsed.ok && parsed.reason === 'empty' && !attempted) return null;
    return parseMessage(parsed, field, lang);
  };

  const change = (key: string, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    setRefusal(
      (current) =>
        current && { ...current, errors: current.errors.filter((e) => formKeyOf(e.field, fields) !== key) },
    );
    setSave({ kind: 'dirty' });
    onDraft(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable || save.kind === 'saving') return;
    setAttempted(true);
    setRefusal(null);
    const body = sheetRequest(fields, values);
    if (!body) {
      setSave({ kind: 'failed' });
      // Let the messages render, then take the reader to the first refused field.
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSave({ kind: 'saving' });
    try {
      const sheet = await api<ScoreSheetView>(`/api/v1/award-rounds/${round.id}/entries/${entryId}/sheet`, {
        method: 'PUT',
        body,
      });
      setSave({ kind: 'saved', savedAt: sheet.updatedAt });
      onDraft(null);
      onSaved(sheet);
    } catch (error) {
      const errors = error instanceof ApiError ? ((error.problem.errors ?? []) as FieldProblem[]) : [];
      setRefusal({ error, errors, onFields: errors.some((e) => formKeyOf(e.field, fields) !== null) });
      setSave({ kind: 'failed' });
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus(),
      );
    }
  };

  const total = sheetTotal(fields, values);
  const totalId = useId();
  return (
    <form ref={form} className="aw-sheet" onSubmit={(e) => void submit(e)} noValidate data-entry={entryCode}>
      {round.criteria.map((criterion) => {
        const own = fields.filter((f) => f.criterionId === criterion.id);
        const split = criterion.subCriteria.length > 0;
        const groupProblem = split ? problemOf(criterion.id) : null;
        return (
          <fieldset key={criterion.id} className="aw-criterion" data-criterion={criterion.id}>
            <legend>
              {lang === 'vi' ? criterion.label.vi : criterion.label.en}{' '}
              <span className="aw-max">
                ({t('tối đa', 'max.')} {pointsText(criterion.maxTenths, lang)})
              </span>
            </legend>
            {groupProblem ? <p className="aw-field-error">{groupProblem}</p> : null}
            {own.map((field) => (
              <ScoreInput
                key={field.key}
                field={field}
                value={values[field.key] ?? ''}
                problem={problemOf(field.key, field)}
                readOnly={!editable}
                onChange={(value) => change(field.key, value)}
              />
            ))}
            {split ? (
              <p className="aw-subtotal">
                {t('Cộng', 'Subtotal')}: {pointsText(criterionTotal(fields, values, criterion.id), lang)}/
                {pointsText(criterion.maxTenths, lang)}
              </p>
            ) : null}
          </fieldset>
        );
      })}

      <div className="aw-sheet-foot">
        <p className="aw-total" id={totalId}>
          {t('Tổng điểm', 'Total')}:{' '}
          <output data-testid="sheet-total" data-tenths={total.tenths} aria-live="off">
            {pointsText(total.tenths, lang)}
          </output>
          /100
          {!total.complete ? <span className="muted"> {t('(chưa đủ các ô)', '(incomplete)')}</span> : null}
        </p>
        {general.length > 0 ? (
          <div className="dd-notice dd-error" role="alert" data-testid="sheet-error">
            {general.map((text, i) => (
              <span key={i}>{text}</span>
            ))}
          </div>
        ) : null}
        <SaveStatus state={save} />
        {editable ? (
          <div className="aw-actions">
            <button
              type="submit"
              className="button"
              disabled={save.kind === 'saving'}
              aria-describedby={totalId}
            >
              {save.kind === 'saving' ? t('Đang lưu…', 'Saving…') : t('Lưu phiếu chấm', 'Save the sheet')}
            </button>
            {save.kind === 'saved' && nextHref ? (
              <Link className="button secondary" to={nextHref}>
                {t('Sản phẩm tiếp theo chưa chấm', 'Next entry to score')} →
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
