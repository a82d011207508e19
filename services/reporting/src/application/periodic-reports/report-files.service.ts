import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttachmentFileView, FilePieceRequest, Principal } from '@kc/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction, sql } from '@kc/persistence';
import { pieceOrderProblem, sha256Hex, type UploadProblem } from '@kc/uploads';
import {
  ATTACHMENT_CODE_PREFIX,
  attachmentFileProblem,
  attachmentPieceProblem,
  type Attachment,
  type PeriodicReport,
  type StoredFile,
} from '../../domain/periodic-reports';
import {
  reportFilePieces,
  reportFiles,
  runIn,
} from '../../infrastructure/persistence/periodic-reports/report-files.store';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { assertReporter, assertVisible, reportNotFound } from './report-access';

const fileNotFound = (sha256: string) =>
  new NotFoundError(
    {
      vi: `Báo cáo không có tệp đính kèm nào có SHA-256 ${sha256}`,
      en: `The report has no attachment whose SHA-256 is ${sha256}`,
    },
    'periodic-report.attachment-not-found',
    'sha256',
  );

const notWhole = (a: Attachment, file: StoredFile | null) =>
  new ConflictError(
    {
      vi: `Tệp "${a.fileName}" chưa được tải lên đủ (${file?.receivedBytes ?? 0}/${a.bytes} byte)`,
      en: `File "${a.fileName}" is not uploaded whole yet (${file?.receivedBytes ?? 0}/${a.bytes} bytes)`,
    },
    'periodic-report.attachment-not-uploaded',
    'sha256',
  );

const refusal = (problem: UploadProblem) =>
  new RuleViolationError(problem.messages, problem.code, problem.field);
const conflict = (problem: UploadProblem) => new ConflictError(problem.messages, problem.code, problem.field);

const view = (file: StoredFile): AttachmentFileView => ({ ...file });

/** The declaration of a file: the working content's first, else the newest version's that lists it. */
function declarationOf(report: PeriodicReport, sha256: string): Attachment | undefined {
  const contents = [report.working, ...[...report.versions].reverse().map((v) => v.content)];
  for (const content of contents) {
    const found = content?.attachments.find((a) => a.sha256 === sha256);
    if (found) return found;
  }
  return undefined;
}

export interface AttachmentDownload {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * The files of a report's attachments: the reporter uploads the bytes of a file its working content declares,
 * in pieces, while the report is a draft or returned; whoever sees the report downloads them. Stored in
 * reporting's database beside the report (periodic_report_file, its pieces), as the awards' dossier files.
 */
@Injectable()
export class ReportFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly clock: PeriodicReportsClock,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Stores the next piece of a declared file. The report's row is locked, so pieces, edits and the submission of
   * one report never interleave. Every rule is checked before anything is written; when the last byte is in the
   * file is kept only if it hashes to the declared SHA-256 (and a workbook or document is one) — otherwise its
   * bytes are discarded (committed) and the caller hears why.
   */
  async putPiece(
    principal: Principal,
    id: string,
    sha256: string,
    request: FilePieceRequest,
  ): Promise<AttachmentFileView> {
    const bytes = Buffer.from(request.contentBase64, 'base64');
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const stored = await reportStore.load(manager, id, true);
      if (!stored) throw reportNotFound(id);
      const { report } = stored;
      const form = this.catalogue.form(report.formId);
      assertVisible(principal, form.reporter, report.subject, id);
      assertReporter(principal, form.reporter, report.subject);
      if (!report.working) {
        throw new ConflictError(
          {
            vi: 'Chỉ tải tệp đính kèm lên báo cáo đang soạn hoặc bị trả lại',
            en: 'Attachments are uploaded to a draft or returned report only',
          },
          'periodic-report.illegal-transition',
          'status',
        );
      }
      const declared = report.working.attachments.find((a) => a.sha256 === sha256);
      if (!declared) throw fileNotFound(sha256);
      const file = await reportFiles.claim(manager, id, declared, this.clock.now());
      const key = [id, sha256];
      const run = runIn(manager);
      // A piece sent again after its answer was lost: the same bytes at the same offset change nothing.
      if (
        request.offset < file.receivedBytes &&
        (await reportFilePieces.holds(run, key, request.offset, bytes))
      ) {
        return { view: view(file) };
      }
      const outOfOrder = pieceOrderProblem(
        { fileName: declared.fileName, receivedBytes: file.receivedBytes, complete: file.complete },
        request.offset,
        ATTACHMENT_CODE_PREFIX,
      );
      if (outOfOrder) throw conflict(outOfOrder);
      const problem = attachmentPieceProblem(declared, request.offset, bytes);
      if (problem) throw refusal(problem);
      await reportFilePieces.append(run, key, request.offset, bytes);
      const received = request.offset + bytes.length;
      if (received < file.sizeBytes) {
        await reportFiles.received(manager, id, sha256, received, null);
        return { view: view({ ...file, receivedBytes: received }) };
      }
      // The last piece: the service's own SHA-256 over every stored byte, in order, against the declared one.
      const whole = await reportFilePieces.whole(run, key);
      const mismatch = attachmentFileProblem(declared, whole, sha256Hex(whole));
      if (mismatch) {
        await reportFilePieces.discard(run, key);
        await reportFiles.received(manager, id, sha256, 0, null);
        await this.audit(manager, id, report, declared, 'discarded');
        return { refused: mismatch };
      }
      await reportFiles.received(manager, id, sha256, received, this.clock.now());
      await this.audit(manager, id, report, declared, 'uploaded');
      return { view: view({ ...file, receivedBytes: received, complete: true }) };
    });
    if ('refused' in outcome) throw refusal(outcome.refused!);
    return outcome.view;
  }

  /** A whole file of the report, for whoever sees the report; anyone else hears what a missing report answers. */
  async download(principal: Principal, id: string, sha256: string): Promise<AttachmentDownload> {
    const manager = this.dataSource.manager;
    const stored = await reportStore.load(manager, id, false);
    if (!stored) throw reportNotFound(id);
    const { report } = stored;
    assertVisible(principal, this.catalogue.form(report.formId).reporter, report.subject, id);
    const declared = declarationOf(report, sha256);
    if (!declared) throw fileNotFound(sha256);
    const file = await reportFiles.find(manager, id, sha256);
    if (!file?.complete) throw notWhole(declared, file);
    return {
      fileName: declared.fileName,
      mediaType: file.mediaType,
      sha256,
      bytes: await reportFilePieces.whole((text, params) => sql(manager, text, params), [id, sha256]),
    };
  }

  private audit(
    manager: EntityManager,
    id: string,
    report: PeriodicReport,
    a: Attachment,
    outcome: 'uploaded' | 'discarded',
  ) {
    return this.outbox.audit(manager, {
      action:
        outcome === 'uploaded' ? 'periodic-report.attachment-upload' : 'periodic-report.attachment-discard',
      resourceType: 'periodic-report',
      resourceId: id,
      provinceCode: report.subject.provinceCode,
      summary:
        outcome === 'uploaded'
          ? `Tải lên tệp đính kèm "${a.fileName}" (${a.slot}, ${a.bytes} byte, SHA-256 ${a.sha256}) của báo cáo ${report.formId} kỳ ${report.period}`
          : `Huỷ nội dung tệp đính kèm "${a.fileName}" (${a.slot}) của báo cáo ${report.formId} kỳ ${report.period}: SHA-256 hoặc loại tệp không khớp`,
    });
  }
}
