import { useMemo, useState } from 'react';
import type { PeriodicReportView, ReportFormVersionView } from '@kc/contracts';
import { ApiError, apiResponse } from '../../api/http';
import { formatCount, formatVnd } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice } from '../projects/common';
import { sectionRows } from './figures';
import {
  contentEdit,
  differsFromPlatform,
  draftChanged,
  draftOf,
  fieldId,
  problemsByField,
  type EditorDraft,
  type FieldProblem,
} from './report-editor';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The reporter's form for a draft or returned report: each cell's figure (with the platform's beside it where the
 * platform knows it, and an explanation when they differ), the narratives, saved as one content edit; "Gửi báo
 * cáo" saves what was typed, then submits under a fresh Idempotency-Key. The API's refusals are listed at the
 * top and placed beside the fields they name.
 */
export function ReportEditor({
  report,
  form,
  onDone,
}: {
  report: PeriodicReportView;
  form: ReportFormVersionView;
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const saved = useMemo(() => draftOf(form, report.working), [form, report.working]);
  const [draft, setDraft] = useState<EditorDraft>(saved);
  const [base, setBase] = useState(saved);
  // A newer content from the API (after a save, a live change) replaces the fields unless the reader typed.
  if (base !== saved) {
    setBase(saved);
    if (!draftChanged(form, draft, base, report.platform)) setDraft(saved);
  }
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [local, setLocal] = useState<FieldProblem[]>([]);
  const changed = draftChanged(form, draft, saved, report.platform);
  const sections = sectionRows(form, report.working, report.platform, lang);

  const refused = failure instanceof ApiError ? problemsByField(failure.problem.errors) : [];
  const problems = [...local, ...refused];
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.messages[lang];
  /** The fields with an input on the form: a refusal of another (an attachment) is only listed. */
  const inputs = new Set<string>([
    ...form.cells.map((c) => `values.${c.key}`),
    ...form.cells
      .filter((c) => differsFromPlatform(c.key, draft, report.platform))
      .map((c) => `explanations.${c.key}`),
    ...form.narratives.map((n) => `narratives.${n.key}`),
  ]);

  const save = async (): Promise<boolean> => {
    const { edit, problems: found } = contentEdit(form, draft, report.platform);
    setLocal(found);
    setFailure(null);
    if (found.length > 0) return false;
    setBusy(true);
    try {
      await apiResponse(`/api/v1/periodic-reports/${report.id}/content`, {
        method: 'PUT',
        headers: JSON_HEADERS,
        body: JSON.stringify(edit),
      });
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (changed && !(await save())) return;
    setBusy(true);
    setFailure(null);
    try {
      await apiResponse(`/api/v1/periodic-reports/${report.id}/submit`, {
        method: 'POST',
        // One key per press: a retried request answers the same submission with its first receipt time.
        headers: { 'idempotency-key': crypto.randomUUID() },
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      onDone();
    }
  };

  const set = (part: keyof EditorDraft, key: string, value: string) =>
    setDraft((d) => ({ ...d, [part]: { ...d[part], [key]: value } }));

  /** A field's description: its own refusal, then any hint (the platform's figure). */
  const describedBy = (field: string, hint?: string) =>
    [problemOf(field) ? fieldId(field, 'error') : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: string) => {
    const message = problemOf(field);
    return message ? (
      <span className="error" id={fieldId(field, 'error')}>
        {message}
      </span>
    ) : null;
  };

  return (
    <section className="card" aria-labelledby="pr-edit" data-testid="report-editor">
      <h2 id="pr-edit">{t('Nhập số liệu và thuyết minh', 'Enter the figures and narratives')}</h2>
      <p className="muted">
        {t(
          'Mục có dấu * phải điền trước khi gửi. Số liệu là số nguyên; số tiền tính bằng đồng, có thể ngăn cách hàng nghìn bằng dấu chấm (1.250.000).',
          'Fields marked * are needed to submit. Figures are whole numbers; money in đồng, thousands may be grouped with dots (1.250.000).',
        )}
      </p>
      {failure || local.length > 0 ? (
        <div role="alert" data-testid="editor-problems">
          {failure ? (
            <ErrorNotice error={failure} what={t('Không lưu hoặc gửi được', 'Not saved or submitted')} />
          ) : null}
          {problems.length > 0 ? (
            <ul className="pr-problems">
              {problems.map((p, i) => (
                <li key={i}>
                  {inputs.has(p.field) ? (
                    <a href={`#${fieldId(p.field)}`}>{p.messages[lang]}</a>
                  ) : (
                    p.messages[lang]
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save().then((ok) => ok && onDone());
        }}
      >
        {sections.map((section) => (
          <fieldset key={section.key} className="pr-edit-section">
            <legend>{section.title}</legend>
            <div className="pr-edit-grid">
              {section.rows.map((row) => {
                const field = `values.${row.key}`;
                const explanation = `explanations.${row.key}`;
                const hint = row.platform === null ? undefined : fieldId(field, 'platform');
                const differs = differsFromPlatform(row.key, draft, report.platform);
                return (
                  <div key={row.key} className="pr-edit-field" data-cell={row.key}>
                    <label htmlFor={fieldId(field)}>
                      {row.label}
                      {row.measure === 'vnd' ? ' (đồng)' : ''}
                      {row.required ? <span aria-hidden="true"> *</span> : null}
                    </label>
                    <input
                      id={fieldId(field)}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={draft.values[row.key] ?? ''}
                      aria-required={row.required || undefined}
                      aria-invalid={problemOf(field) ? true : undefined}
                      aria-describedby={describedBy(field, hint)}
                      onChange={(e) => set('values', row.key, e.target.value)}
                    />
                    {row.platform !== null ? (
                      <span className="muted" id={hint}>
                        {t('Số liệu nền tảng', 'Platform’s figure')}:{' '}
                        {row.measure === 'vnd' ? formatVnd(row.platform) : formatCount(row.platform)}
                      </span>
                    ) : null}
                    {errorOf(field)}
                    {differs ? (
                      <>
                        <label htmlFor={fieldId(explanation)}>
                          {t('Giải trình chênh lệch', 'Explanation of the difference')}
                          <span aria-hidden="true"> *</span>
                        </label>
                        <textarea
                          id={fieldId(explanation)}
                          rows={2}
                          maxLength={5_000}
                          value={draft.explanations[row.key] ?? ''}
                          aria-required
                          aria-invalid={problemOf(explanation) ? true : undefined}
                          aria-describedby={describedBy(explanation)}
                          onChange={(e) => set('explanations', row.key, e.target.value)}
                        />
                        {errorOf(explanation)}
                      </>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        {form.narratives.length > 0 ? (
          <fieldset className="pr-edit-section">
            <legend>{t('Thuyết minh', 'Narratives')}</legend>
            {form.narratives.map((n) => {
              const field = `narratives.${n.key}`;
              return (
                <div key={n.key} className="pr-edit-field" data-narrative={n.key}>
                  <label htmlFor={fieldId(field)}>
                    {n.label[lang]}
                    {n.required ? <span aria-hidden="true"> *</span> : null}
                  </label>
                  <textarea
                    id={fieldId(field)}
                    rows={4}
                    maxLength={n.maxLength}
                    value={draft.narratives[n.key] ?? ''}
                    aria-required={n.required || undefined}
                    aria-invalid={problemOf(field) ? true : undefined}
                    aria-describedby={describedBy(field)}
                    onChange={(e) => set('narratives', n.key, e.target.value)}
                  />
                  {errorOf(field)}
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <div className="pr-actions">
          <button type="submit" className="button secondary" disabled={busy} data-testid="report-save">
            {t('Lưu bản nháp', 'Save the draft')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="report-submit"
            onClick={() => void submit()}
          >
            {changed ? t('Lưu và gửi báo cáo', 'Save and submit') : t('Gửi báo cáo', 'Submit')}
          </button>
          <span className="muted" role="status" data-testid="editor-state">
            {busy
              ? t('Đang xử lý…', 'Working…')
              : changed
                ? t('Có thay đổi chưa lưu', 'Unsaved changes')
                : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
