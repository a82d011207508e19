import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DossierFileView, Principal, PutDossierContentRequest } from '@kc/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { sql } from '@kc/persistence';
import { pieceOrderProblem, pieceStore, sha256Hex, type RunSql } from '@kc/uploads';
import { chunkProblem, completeFileProblem, type ChunkProblem } from '../domain/dossier-content';
import { assertState } from '../domain/round-state';
import {
  AwardEntryFileEntity,
  type AwardEntryEntity,
} from '../infrastructure/persistence/award-entry.entity';
import { isEntrySide } from './dossier-access';
import { dossierFileSummary } from './round-audit';
import { entryNotFound, entryOfRound } from './juries.service';
import { findRound, roundNotFound } from './round-loading';
import { isAssigned } from './scoring.service';

const fileNotFound = (entryCode: string, position: number) =>
  new NotFoundError(
    {
      vi: `Hồ sơ của sản phẩm ${entryCode} không có tệp thứ ${position}`,
      en: `The dossier of entry ${entryCode} has no file at position ${position}`,
    },
    'award-dossier.file-not-found',
  );

const fileView = (roundId: string, file: AwardEntryFileEntity): DossierFileView => ({
  roundId,
  entryId: file.entryId,
  position: file.position,
  kind: file.kind,
  fileName: file.fileName,
  mediaType: file.mediaType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
  receivedBytes: file.receivedBytes,
  uploaded: file.uploadedAt !== null,
});

const refusal = (problem: ChunkProblem) =>
  new RuleViolationError(problem.messages, problem.code, problem.field);

/** A dossier file's pieces: `award_entry_file_chunk`, keyed by entry and position. */
const pieces = pieceStore({ table: 'award_entry_file_chunk', key: ['entry_id', 'position'] });
const inTx =
  (manager: EntityManager): RunSql =>
  (text, params) =>
    sql(manager, text, params, { inTransaction: true });

export interface DossierDownload {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * The bytes of the dossier files: uploaded in pieces by whoever stands behind the entry, stored in the awards
 * database (award_entry_file_chunk), read back by them and by the jurors the entry is assigned to.
 */
@Injectable()
export class DossierFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Stores the next piece of a declared file. Every rule is checked before anything is written; the last piece
   * is kept only if the whole file hashes to the declared SHA-256 — otherwise every piece of the file is
   * discarded (committed) and the caller hears why. The file row is locked, so pieces of one file never race.
   */
  async putContent(
    principal: Principal,
    roundId: string,
    entryId: string,
    position: number,
    request: PutDossierContentRequest,
  ): Promise<DossierFileView> {
    const bytes = Buffer.from(request.contentBase64, 'base64');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const round = await findRound(manager, roundId);
      if (!round) throw roundNotFound(roundId);
      const entry = await entryOfRound(manager, roundId, entryId);
      if (!isEntrySide(principal, entry)) throw entryNotFound(entryId);
      const file = await manager.getRepository(AwardEntryFileEntity).findOne({
        where: { entryId, position },
        lock: { mode: 'pessimistic_write' },
      });
      if (!file) throw fileNotFound(entry.code, position);
      assertState(round.state, 'entries-open', { vi: 'gửi tệp hồ sơ', en: 'upload dossier files' });
      // A piece sent again after its answer was lost: the same bytes at the same offset change nothing.
      const key = [entryId, position];
      const retried =
        request.offset < file.receivedBytes &&
        (await pieces.holds(inTx(manager), key, request.offset, bytes));
      if (retried) return { view: fileView(roundId, file) };
      const outOfOrder = pieceOrderProblem(
        { fileName: file.fileName, receivedBytes: file.receivedBytes, complete: file.uploadedAt !== null },
        request.offset,
        'award-dossier.',
      );
      if (outOfOrder) throw new ConflictError(outOfOrder.messages, outOfOrder.code, outOfOrder.field);
      const problem = chunkProblem(file, request.offset, bytes);
      if (problem) throw refusal(problem);
      await pieces.append(inTx(manager), key, request.offset, bytes);
      const received = request.offset + bytes.length;
      if (received < file.sizeBytes) {
        await manager
          .getRepository(AwardEntryFileEntity)
          .update({ entryId, position }, { receivedBytes: received });
        return { view: fileView(roundId, { ...file, receivedBytes: received }) };
      }
      // The last piece: the service's own SHA-256 over every stored byte, in order, against the declared one.
      const whole = await pieces.whole(inTx(manager), key);
      const mismatch = completeFileProblem(file, position, whole, sha256Hex(whole));
      if (mismatch) {
        await pieces.discard(inTx(manager), key);
        await manager.getRepository(AwardEntryFileEntity).update({ entryId, position }, { receivedBytes: 0 });
        await this.audit(manager, entry, file, 'discarded');
        return { refused: mismatch };
      }
      const uploadedAt = new Date();
      await manager
        .getRepository(AwardEntryFileEntity)
        .update({ entryId, position }, { receivedBytes: received, uploadedAt });
      await this.audit(manager, entry, file, 'uploaded');
      return { view: fileView(roundId, { ...file, receivedBytes: received, uploadedAt }) };
    });
    if ('refused' in outcome) throw refusal(outcome.refused!);
    return outcome.view;
  }

  /**
   * A whole file for the entry's side or a juror it is assigned to; anyone else hears what a missing entry
   * answers. A juror learns nothing of the panel from it: the answer is the file only.
   */
  async download(
    principal: Principal,
    roundId: string,
    entryId: string,
    position: number,
  ): Promise<DossierDownload> {
    const manager = this.dataSource.manager;
    if (!(await findRound(manager, roundId))) throw roundNotFound(roundId);
    const entry = await entryOfRound(manager, roundId, entryId);
    const allowed =
      principal.role === 'juror'
        ? await isAssigned(manager, roundId, principal.id, entryId)
        : isEntrySide(principal, entry);
    if (!allowed) throw entryNotFound(entryId);
    const file = await manager.getRepository(AwardEntryFileEntity).findOneBy({ entryId, position });
    if (!file) throw fileNotFound(entry.code, position);
    if (file.uploadedAt === null) {
      throw new ConflictError(
        {
          vi: `Tệp "${file.fileName}" chưa được tải lên đủ (${file.receivedBytes}/${file.sizeBytes} byte)`,
          en: `File "${file.fileName}" is not uploaded whole yet (${file.receivedBytes}/${file.sizeBytes} bytes)`,
        },
        'award-dossier.not-uploaded',
      );
    }
    return {
      fileName: file.fileName,
      mediaType: file.mediaType,
      sha256: file.sha256,
      bytes: await pieces.whole((text, params) => sql(manager, text, params), [entryId, position]),
    };
  }

  private audit(
    manager: EntityManager,
    entry: AwardEntryEntity,
    file: AwardEntryFileEntity,
    outcome: 'uploaded' | 'discarded',
  ) {
    return this.outbox.audit(manager, {
      action: outcome === 'uploaded' ? 'award-entry.dossier-file-upload' : 'award-entry.dossier-file-discard',
      resourceType: 'award-entry',
      resourceId: entry.id,
      provinceCode: entry.provinceCode,
      summary: dossierFileSummary(entry.code, file.fileName, file.sizeBytes, outcome),
    });
  }
}
