import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { provinceScope } from '@kc/auth';
import {
  createProjectRequest,
  type CreateProjectRequest,
  type ImportProblem,
  type Principal,
  type ProjectImportRequest,
  type ProjectImportView,
} from '@kc/contracts';
import { DomainError, RuleViolationError, UnavailableError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import { columnOfField, parseSheet, type ParsedRow } from '../domain/project-sheet';
import { PlanRefEntity } from '../infrastructure/persistence/plan-ref.entity';
import { ProjectImportEntity } from '../infrastructure/persistence/project-import.entity';
import type { NormsInForce } from './norms-in-force';
import { ProjectsService } from './projects.service';
import { PlansAtOwner } from './plans-owner';
import { importTemplate, MAX_SHEET_ROWS, readSheet } from './project-import-workbook';

/** Thrown inside the transaction to undo it (a dry run, or a sheet that may not be written): not an error. */
class Undo extends Error {}

interface Outcome {
  created: ProjectImportView['created'];
  problems: ImportProblem[];
}

@Injectable()
export class ProjectImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
    private readonly plans: PlansAtOwner,
  ) {}

  /**
   * Imports a province's registration sheet: every row that reads and passes the registration request's schema
   * is created and registered through the registration use case, all in one transaction. A dry run, or a
   * sheet with bad rows in mode `all`, rolls that transaction back, so the answer lists every problem the
   * real run would meet (double funding included) and nothing is written. A written import is stored under
   * (plan, sha256 of the bytes): the same file again answers with that first result and writes nothing.
   */
  async import(principal: Principal, body: ProjectImportRequest): Promise<ProjectImportView> {
    const bytes = Buffer.from(body.contentBase64, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const plan = await this.visiblePlan(principal, body.planId);
    const earlier = await this.stored(this.dataSource.manager, body.planId, sha256);
    if (earlier) return earlier;

    const sheet = await readSheet(bytes);
    if (!sheet)
      throw new RuleViolationError(
        { vi: 'Tệp không phải bảng tính .xlsx đọc được', en: 'The file is not a readable .xlsx workbook' },
        'import.not-xlsx',
        'contentBase64',
      );
    const parsed = parseSheet(sheet.rows);
    const problems: ImportProblem[] = [...parsed.sheetProblems];
    if (sheet.truncated || parsed.rows.length > MAX_SHEET_ROWS)
      problems.push({
        row: MAX_SHEET_ROWS,
        column: null,
        field: null,
        rule: 'sheet.too-many-rows',
        message: `Tối đa ${MAX_SHEET_ROWS} dòng mỗi tệp / At most ${MAX_SHEET_ROWS} rows per file`,
      });
    const candidates: { row: number; request: CreateProjectRequest }[] = [];
    for (const row of parsed.rows) {
      const checked = this.check(principal, body.planId, row);
      if ('request' in checked) candidates.push({ row: row.row, request: checked.request });
      else problems.push(...checked.problems);
    }
    const base = {
      planId: body.planId,
      fileName: body.fileName,
      sha256,
      dryRun: body.dryRun,
      mode: body.mode,
      rows: parsed.rows.length,
    };
    // A sheet that cannot be read as a whole writes nothing, whatever the mode.
    const blocked = parsed.sheetProblems.length > 0 || sheet.truncated;
    const norms = this.plans.normsFor(plan);
    await norms.prefetch(candidates.map((c) => c.request));

    let outcome: Outcome = { created: [], problems };
    let importId: string | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const claimed = body.dryRun || blocked ? null : await this.claim(manager, principal, body, sha256);
        // Claimed by a concurrent import of the same file that committed: answer with its result below.
        if (!body.dryRun && !blocked && claimed === null) throw new Undo();
        importId = claimed;
        outcome = await this.createRows(manager, principal, plan, norms, candidates, problems);
        const badRows = new Set(outcome.problems.map((p) => p.row)).size;
        const writable = outcome.created.length > 0 && (body.mode === 'valid-rows' || badRows === 0);
        if (claimed === null || !writable) throw new Undo();
        const result = this.view(base, claimed, outcome, true);
        await manager.update(
          ProjectImportEntity,
          { id: claimed },
          { result, projectIds: result.created.map((c) => c.projectId) },
        );
        await this.outbox.audit(manager, {
          action: 'project.import',
          resourceType: 'project-import',
          resourceId: claimed,
          provinceCode: provinceScope(principal),
          summary: `Nhập ${result.created.length} đề án từ tệp "${body.fileName}" (${base.rows} dòng, ${result.invalidRows} dòng lỗi)`,
        });
      });
    } catch (error) {
      if (!(error instanceof Undo)) throw error;
      // Undone: nothing of this request was written, the problems say why.
      if (importId === null && !body.dryRun && !blocked) {
        const first = await this.stored(this.dataSource.manager, body.planId, sha256);
        if (first) return first;
      }
      return this.view(base, null, { created: [], problems: outcome.problems }, false);
    }
    return this.view(base, importId, outcome, true);
  }

  /**
   * The template, its guide listing the norm codes plans has in force today (national, and a province
   * officer's own province's); plans unavailable, the guide
   * says where to find them instead (a template is worth having without them).
   */
  async template(principal: Principal): Promise<Buffer> {
    const asOf = vietnamDate(new Date());
    const norms = await this.plans.normsOn(asOf, provinceScope(principal)).catch((error: unknown) => {
      if (error instanceof UnavailableError) return undefined;
      throw error;
    });
    return importTemplate({ asOf, norms });
  }

  /** The stored answer to this file for this plan, marked as a replay. */
  private async stored(
    manager: EntityManager,
    planId: string,
    sha256: string,
  ): Promise<ProjectImportView | null> {
    const stored = await manager.getRepository(ProjectImportEntity).findOneBy({ planId, sha256 });
    return stored ? { ...stored.result, replayed: true } : null;
  }

  private visiblePlan(principal: Principal, planId: string): Promise<PlanRefEntity> {
    return this.plans.knownPlan(principal, planId);
  }

  /**
   * Takes the (plan, sha256) slot for this import; a concurrent import of the same file waits here on the
   * unique index until the first commits (then gets null: answer with the first result) or rolls back.
   */
  private async claim(
    manager: EntityManager,
    principal: Principal,
    body: ProjectImportRequest,
    sha256: string,
  ): Promise<string | null> {
    const id = randomUUID();
    const [row] = await manager.query(
      `INSERT INTO project_import (id, plan_id, sha256, file_name, mode, result, project_ids, imported_by)
       VALUES ($1, $2, $3, $4, $5, '{}', '{}', $6)
       ON CONFLICT (plan_id, sha256) DO NOTHING RETURNING id`,
      [id, body.planId, sha256, body.fileName, body.mode, principal.name],
    );
    return row ? id : null;
  }

  /** A row's fields as a registration request, or its problems (mapped back to the sheet's cells). */
  private check(
    principal: Principal,
    planId: string,
    row: ParsedRow,
  ): { request: CreateProjectRequest } | { problems: ImportProblem[] } {
    if (row.problems.length > 0) return { problems: row.problems };
    const scope = provinceScope(principal);
    if (scope !== null && row.fields.provinceCode !== scope)
      return {
        problems: [
          problem(
            row.row,
            'provinceCode',
            'auth.other-province',
            `Sở Công Thương tỉnh ${scope} chỉ đăng ký đề án của tỉnh mình / A province officer registers only their own province's projects`,
          ),
        ],
      };
    const parsed = createProjectRequest.safeParse({ planId, ...row.fields });
    if (parsed.success) return { request: parsed.data };
    return {
      problems: parsed.error.issues.map((issue) => {
        const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        const where = issue.path.slice(1).join('.');
        return problem(
          row.row,
          field,
          `schema.${issue.code}`,
          where ? `${where}: ${issue.message}` : issue.message,
        );
      }),
    };
  }

  /**
   * Creates and registers each candidate through the registration use case (create draft, register), each
   * row inside a savepoint so a row refused there (e.g. double funding) is undone alone and reported.
   */
  private async createRows(
    manager: EntityManager,
    principal: Principal,
    plan: PlanRefEntity,
    norms: NormsInForce,
    candidates: { row: number; request: CreateProjectRequest }[],
    problems: ImportProblem[],
  ): Promise<Outcome> {
    const created: Outcome['created'] = [];
    const all = [...problems];
    for (const { row, request } of candidates) {
      await manager.query('SAVEPOINT import_row');
      try {
        const draft = await this.projects.createIn(manager, principal, plan, request, norms);
        await this.projects.registerIn(manager, principal, draft.id);
        created.push({ row, projectId: draft.id, code: draft.code });
        await manager.query('RELEASE SAVEPOINT import_row');
      } catch (error) {
        await manager.query('ROLLBACK TO SAVEPOINT import_row');
        if (!(error instanceof DomainError)) throw error;
        all.push(problem(row, error.field ?? null, error.code, error.message));
      }
    }
    return { created, problems: all.sort((a, b) => a.row - b.row) };
  }

  private view(
    base: Omit<
      ProjectImportView,
      'importId' | 'validRows' | 'invalidRows' | 'written' | 'created' | 'problems' | 'replayed'
    >,
    importId: string | null,
    outcome: Outcome,
    written: boolean,
  ): ProjectImportView {
    const invalidRows = new Set(outcome.problems.map((p) => p.row)).size;
    return {
      importId,
      ...base,
      validRows: Math.max(0, base.rows - invalidRows),
      invalidRows,
      written,
      created: written ? outcome.created : [],
      problems: outcome.problems,
      replayed: false,
    };
  }
}

function problem(row: number, field: string | null, rule: string, message: string): ImportProblem {
  return { row, column: field ? columnOfField(field) : null, field, rule, message };
}
