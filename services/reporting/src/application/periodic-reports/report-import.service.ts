import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  PeriodicReportImportProblem,
  PeriodicReportImportRequest,
  PeriodicReportImportView,
  Principal,
} from '@kc/contracts';
import { RuleViolationError, RuleViolationsError } from '@kc/errors';
import { editReport } from '../../domain/periodic-reports';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsService } from './periodic-reports.service';
import { assertReporter, assertVisible, reportNotFound } from './report-access';
import { INDICATOR_SHEET, INFO_SHEET, readTemplate, writeTemplate } from './report-workbook';

/**
 * The Excel side of a report: the template of a form version (filled with a report's figures when one is named)
 * and the import of a filled-in copy into a draft or returned report. The import checks every cell — the sheet's
 * own rules, then the domain's content rules, each refusal named by sheet, row, column and indicator — and
 * writes nothing on a dry run or when any cell is bad; otherwise it sets the values, explanations and narratives
 * in one edit (one transaction). It never submits: the reporter reviews the differences and submits.
 */
@Injectable()
export class ReportImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly reports: PeriodicReportsService,
  ) {}

  async template(
    principal: Principal,
    formId: string,
    versionNumber: number,
    reportId: string | undefined,
  ): Promise<Buffer> {
    const { form, version } = this.catalogue.version(formId, versionNumber);
    if (reportId === undefined) return writeTemplate(form, version, null);
    const report = await this.reports.get(principal, reportId);
    if (report.formId !== formId || report.formVersion !== versionNumber)
      throw new RuleViolationError(
        {
          vi: `Báo cáo ${reportId} lập theo biểu ${report.formId} phiên bản ${report.formVersion}, không phải mẫu này`,
          en: `Report ${reportId} is on form ${report.formId} version ${report.formVersion}, not this template's`,
        },
        'periodic-report.template-report-mismatch',
        'query.reportId',
      );
    const content = report.working ?? report.versions.at(-1)?.content ?? null;
    return writeTemplate(form, version, {
      reportId,
      period: report.period,
      provinceCode: report.provinceCode,
      platform: report.platform,
      entered: content?.entered ?? {},
      explanations: content?.explanations ?? {},
      narratives: content?.narratives ?? {},
    });
  }

  async import(
    principal: Principal,
    id: string,
    body: PeriodicReportImportRequest,
  ): Promise<PeriodicReportImportView> {
    const stored = await reportStore.load(this.dataSource.manager, id, false);
    if (!stored) throw reportNotFound(id);
    const form = this.catalogue.form(stored.report.formId);
    assertVisible(principal, form.reporter, stored.report.subject, id);
    assertReporter(principal, form.reporter, stored.report.subject);
    const version = form.versions.find((v) => v.version === stored.report.formVersion)!;
    const answer = (problems: PeriodicReportImportProblem[], counts = { v: 0, e: 0, n: 0 }) => ({
      reportId: id,
      fileName: body.fileName,
      dryRun: body.dryRun,
      written: false,
      values: counts.v,
      explanations: counts.e,
      narratives: counts.n,
      problems,
      report: null,
    });

    const read = await readTemplate(Buffer.from(body.contentBase64, 'base64'), version);
    if (!read)
      return answer([
        {
          sheet: '',
          row: 1,
          column: null,
          indicator: null,
          rule: 'periodic-report-import.not-xlsx',
          message: 'Tệp không phải bảng tính .xlsx / The file is not an .xlsx workbook',
        },
      ]);
    const problems = [...read.problems];
    if (read.formId !== null && (read.formId !== form.id || read.version !== version.version))
      problems.unshift({
        sheet: INFO_SHEET,
        row: read.formId !== form.id ? 1 : 2,
        column: 'B',
        indicator: null,
        rule: 'periodic-report-import.form-version-mismatch',
        message:
          `Tệp là mẫu của biểu ${read.formId} phiên bản ${read.version}; báo cáo lập theo biểu ${form.id} phiên bản ${version.version} / ` +
          `The file is the template of form ${read.formId} version ${read.version}; the report is on form ${form.id} version ${version.version}`,
      });
    if (read.reportId !== null && read.reportId !== id)
      problems.unshift({
        sheet: INFO_SHEET,
        row: 6,
        column: 'B',
        indicator: null,
        rule: 'periodic-report-import.other-report',
        message: `Tệp được lập cho báo cáo ${read.reportId}, không phải ${id} / The file was made for report ${read.reportId}, not ${id}`,
      });
    const counts = {
      v: Object.keys(read.values).length,
      e: Object.keys(read.explanations).length,
      n: Object.keys(read.narratives).length,
    };
    const change = { entered: read.values, explanations: read.explanations, narratives: read.narratives };
    if (problems.length === 0) {
      // The domain's own content rules, on the report as it stands (a submitted one answers 409 here).
      try {
        editReport(stored.report, form, change);
      } catch (error) {
        if (!(error instanceof RuleViolationsError)) throw error;
        for (const v of error.violations) {
          const key = v.field.replace(/^values\.|^explanations\./, '');
          const at = read.where.get(key) ?? read.where.get(v.field);
          problems.push({
            sheet: at?.sheet ?? INDICATOR_SHEET,
            row: at?.row ?? 1,
            column: at?.column ?? null,
            indicator: key.replace(/^narratives\./, ''),
            rule: v.code,
            message: `${v.messages.vi} / ${v.messages.en}`,
          });
        }
      }
    }
    if (problems.length > 0 || body.dryRun) return answer(problems, counts);
    const report = await this.reports.edit(principal, id, {
      values: read.values,
      explanations: read.explanations,
      narratives: read.narratives,
    });
    return { ...answer([], counts), written: true, report };
  }
}
