import {
  reportForms,
  type FormDefinition,
  type FormVersion,
  type Frequency,
  type Reporter,
} from '../../../domain/periodic-reports';

/** What a form says of itself, beside its versions (stored with each version so a version row stands alone). */
export type FormHeader = Omit<FormDefinition, 'versions'>;

export interface FormVersionRow {
  formId: string;
  version: number;
  frequency: Frequency;
  reporter: Reporter;
  effectiveFrom: string;
  publishedOn: string;
  form: FormHeader;
  definition: FormVersion;
}

/** The catalogue of forms.data.ts as rows of report_form_version: the data the database is seeded with. */
export function formVersionRows(forms: readonly FormDefinition[] = reportForms): FormVersionRow[] {
  return forms.flatMap(({ versions, ...form }) =>
    versions.map((definition) => ({
      formId: form.id,
      version: definition.version,
      frequency: form.frequency,
      reporter: form.reporter,
      effectiveFrom: definition.effectiveFrom,
      publishedOn: definition.publishedOn,
      form,
      definition,
    })),
  );
}

/** Forms rebuilt from their stored versions; the header is the latest version's. */
export function formsFromRows(
  rows: readonly Pick<FormVersionRow, 'form' | 'definition'>[],
): FormDefinition[] {
  const byId = new Map<string, { form: FormHeader; versions: FormVersion[] }>();
  for (const row of [...rows].sort((a, b) => a.definition.version - b.definition.version)) {
    const entry = byId.get(row.form.id) ?? { form: row.form, versions: [] };
    entry.form = row.form;
    entry.versions.push(row.definition);
    byId.set(row.form.id, entry);
  }
  return [...byId.values()].map(({ form, versions }) => ({ ...form, versions }));
}
