import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { formProblems, type FormDefinition, type FormVersion } from '../../domain/periodic-reports';
import {
  formsFromRows,
  formVersionRows,
  type FormHeader,
} from '../../infrastructure/persistence/periodic-reports/form-version-rows';

/**
 * The form catalogue as the database holds it. At boot, versions of forms.data.ts the database lacks are
 * inserted (a new version is published by adding it there); a published version whose data differs from the
 * stored row stops the boot: versions are immutable (the table refuses updates), a change is a new version.
 */
@Injectable()
export class FormCatalogueService implements OnModuleInit {
  private readonly logger = new Logger(FormCatalogueService.name);
  private forms: FormDefinition[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.seedAndLoad();
  }

  async seedAndLoad(): Promise<void> {
    const stored = await this.storedRows();
    const byKey = new Map(stored.map((r) => [`${r.form.id}:${r.definition.version}`, r]));
    for (const row of formVersionRows()) {
      const existing = byKey.get(`${row.formId}:${row.version}`);
      if (existing) {
        if (canonicalJson(existing.definition) !== canonicalJson(row.definition)) {
          throw new Error(
            `report form ${row.formId} version ${row.version} differs from the published version: publish a new version instead`,
          );
        }
        continue;
      }
      await this.dataSource.query(
        `INSERT INTO report_form_version
           (form_id, version, frequency, reporter, effective_from, published_on, form, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (form_id, version) DO NOTHING`,
        [
          row.formId,
          row.version,
          row.frequency,
          row.reporter,
          row.effectiveFrom,
          row.publishedOn,
          JSON.stringify(row.form),
          JSON.stringify(row.definition),
        ],
      );
      this.logger.log(`published report form ${row.formId} version ${row.version}`);
    }
    this.forms = formsFromRows(await this.storedRows());
    for (const form of this.forms) {
      const problems = formProblems(form);
      if (problems.length) throw new Error(`report form ${form.id}: ${problems.join('; ')}`);
    }
  }

  private async storedRows(): Promise<{ form: FormHeader; definition: FormVersion }[]> {
    return this.dataSource.query(
      `SELECT form, definition FROM report_form_version ORDER BY form_id, version`,
    );
  }

  all(): readonly FormDefinition[] {
    return this.forms;
  }

  form(id: string, field = 'formId'): FormDefinition {
    const form = this.forms.find((f) => f.id === id);
    if (!form) {
      throw new NotFoundError(
        { vi: `Không có biểu mẫu báo cáo "${id}"`, en: `There is no report form "${id}"` },
        'periodic-report.form-not-found',
        field,
      );
    }
    return form;
  }

  version(id: string, version: number): { form: FormDefinition; version: FormVersion } {
    const form = this.form(id);
    const found = form.versions.find((v) => v.version === version);
    if (!found) {
      throw new NotFoundError(
        {
          vi: `Biểu mẫu "${id}" không có phiên bản ${version}`,
          en: `The form "${id}" has no version ${version}`,
        },
        'periodic-report.form-version-not-found',
        'version',
      );
    }
    return { form, version: found };
  }
}
