import type { ReportFormView } from '@kc/contracts';
import { useReference } from '../../api/resource';
import { selectableYears } from '../../app/years';
import { useLang } from '../../i18n/lang';
import {
  REPORT_FORMS,
  frequencyOf,
  periodsOfYear,
  periodText,
  reportStatusText,
  STATUS_TONE,
  TIMELINESS_TONE,
  timelinessText,
  type Frequency,
  type ReporterKind,
  type ReportStatus,
  type Timeliness,
} from './figures';
import './periodic-reports.css';

/** The pieces the periodic-report pages share: the form and period pickers, status and timeliness badges. */

export interface FormChoice {
  id: string;
  frequency: Frequency;
  reporter: ReporterKind;
  title: { vi: string; en: string };
}

/**
 * Every form from the catalogue (staff and businesses may read it) — the departments', the implementing units',
 * the certificate holders' —; the built-in list otherwise (a viewer reads the completeness panel but not the
 * catalogue).
 */
export function useReportForms(mayReadCatalogue: boolean): FormChoice[] {
  const forms = useReference<{ items: ReportFormView[] }>(mayReadCatalogue ? '/api/v1/report-forms' : null);
  const items = forms.data?.items;
  return items && items.length > 0
    ? items.map((f) => ({ id: f.id, frequency: f.frequency, reporter: f.reporter, title: f.title }))
    : REPORT_FORMS;
}

/** A form and one of its periods (year, then the period of that year). */
export function FormPeriodPicker({
  forms,
  formId,
  period,
  onChange,
}: {
  forms: FormChoice[];
  formId: string;
  period: string;
  onChange: (formId: string, period: string) => void;
}) {
  const { t, lang } = useLang();
  const frequency = frequencyOf(period);
  const year = Number(period.slice(0, 4));
  const years = selectableYears();
  const periods = periodsOfYear(frequency, year);
  return (
    <>
      <label>
        {t('Biểu mẫu', 'Form')}
        <select
          value={formId}
          data-testid="filter-form"
          onChange={(e) => {
            const form = forms.find((f) => f.id === e.target.value);
            if (!form) return;
            onChange(form.id, periodsOfYear(form.frequency, year).at(-1)!);
          }}
        >
          {forms.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('Năm', 'Year')}
        <select
          value={year}
          data-testid="filter-year"
          onChange={(e) => {
            const next = periodsOfYear(frequency, Number(e.target.value));
            const index = periods.indexOf(period);
            onChange(formId, next[Math.max(0, index)] ?? next[0]!);
          }}
        >
          {!years.includes(year) && <option value={year}>{year}</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {periods.length > 1 ? (
        <label>
          {t('Kỳ báo cáo', 'Period')}
          <select
            value={period}
            data-testid="filter-period"
            onChange={(e) => onChange(formId, e.target.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodText(p, lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}

export function ReportStatusBadge({
  status,
  awaiting,
}: {
  status: ReportStatus;
  awaiting: 'province' | 'agency' | null;
}) {
  const { lang } = useLang();
  return (
    <span className={STATUS_TONE[status]} data-report-status={status}>
      {reportStatusText(status, awaiting, lang)}
    </span>
  );
}

export function TimelinessBadge({
  timeliness,
  daysLate,
}: {
  timeliness: Timeliness;
  daysLate?: number | null;
}) {
  const { lang } = useLang();
  const late = timeliness === 'late' && daysLate ? ` (${daysLate} ${lang === 'vi' ? 'ngày' : 'd'})` : '';
  return (
    <span className={TIMELINESS_TONE[timeliness]} data-timeliness={timeliness}>
      {timelinessText(timeliness, lang)}
      {late}
    </span>
  );
}
