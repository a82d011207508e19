import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  conferencePackRoutes,
  XLSX_MEDIA_TYPE,
  type ConferencePackFileKind,
  type ConferencePackPage,
  type ConferencePackView,
  type CreateConferencePackRequest,
  type ListConferencePacksQuery,
  type Principal,
} from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import {
  packFileNames,
  packTitle,
  type ConferencePackScope,
  type FrozenConferencePack,
} from '../../domain/conference-packs/conference-pack';
import { vietnamDateTimeText } from '../../domain/conference-packs/pack-text';
import { renderPackAnnex } from '../../infrastructure/conference-packs/pack-annex-xlsx';
import { renderPackReport } from '../../infrastructure/conference-packs/pack-report-pdf';
import {
  ConferencePackEntity,
  ConferencePackFileEntity,
} from '../../infrastructure/persistence/conference-pack.entities';
import {
  ConferencePackQueries,
  type ConferencePackRow,
} from '../../infrastructure/persistence/conference-pack.queries';
import { ConferenceQueries } from '../../infrastructure/persistence/conference.queries';
import { Clock } from '../clock';
import { conferenceReport } from '../conference-report';

const notFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có bộ số liệu hội nghị ${id}`, en: `Conference pack ${id} does not exist` },
    'conference-pack.not-found',
  );

const hrefOf: Record<ConferencePackFileKind, (id: string) => string> = {
  report: (id) => conferencePackRoutes.report.path.replace(':id', id),
  annex: (id) => conferencePackRoutes.annex.path.replace(':id', id),
};

function toView(row: ConferencePackRow): ConferencePackView {
  const file = (kind: ConferencePackFileKind) => ({ href: hrefOf[kind](row.id), ...row.files[kind] });
  return {
    id: row.id,
    level: row.level,
    region: row.regionCode,
    year: row.year,
    grouping: row.grouping,
    title: row.title,
    unitsAsOf: row.unitsAsOf,
    cutOff: row.cutOff.toISOString(),
    frozenBy: { id: row.frozenById, name: row.frozenByName },
    createdAt: row.createdAt.toISOString(),
    files: { report: file('report'), annex: file('annex') },
    totals: row.totals,
  };
}

function storedFile(
  packId: string,
  kind: ConferencePackFileKind,
  mediaType: string,
  fileName: string,
  content: Buffer,
): ConferencePackFileEntity {
  return {
    packId,
    kind,
    mediaType,
    fileName,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  };
}

/**
 * Conference packs: a conference's figures frozen at a cut-off, and the PDF report and Excel annex rendered from
 * them once, at freezing. The files' bytes are stored, so a download by id gives the same bytes forever,
 * whatever the projections learn afterwards.
 */
@Injectable()
export class ConferencePacksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conferences: ConferenceQueries,
    private readonly packs: ConferencePackQueries,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async freeze(principal: Principal, request: CreateConferencePackRequest): Promise<ConferencePackView> {
    const scope: ConferencePackScope = {
      level: request.level,
      region: request.level === 'regional' ? request.region! : null,
      year: request.year,
      grouping: request.grouping,
    };
    const cutOff = this.clock.now();
    // The seven grouped queries read one snapshot, so the pack's figures agree with each other.
    const facts = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.conferences.factsOf(request.year, manager),
    );
    const pack: FrozenConferencePack = {
      ...scope,
      id: randomUUID(),
      title: packTitle(scope),
      cutOff,
      frozenBy: { id: principal.id, name: principal.name },
      report: conferenceReport(facts, { ...scope, now: cutOff }),
    };
    const [report, annex] = await Promise.all([renderPackReport(pack), renderPackAnnex(pack)]);
    const names = packFileNames(scope, cutOff);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ConferencePackEntity, {
        id: pack.id,
        level: pack.level,
        regionCode: pack.region,
        year: pack.year,
        grouping: pack.grouping,
        title: pack.title,
        cutOff,
        frozenById: pack.frozenBy.id,
        frozenByName: pack.frozenBy.name,
        report: pack.report,
        createdAt: this.clock.now(),
      });
      await manager.insert(ConferencePackFileEntity, [
        storedFile(pack.id, 'report', 'application/pdf', names.report, report),
        storedFile(pack.id, 'annex', XLSX_MEDIA_TYPE, names.annex, annex),
      ]);
      await this.outbox.audit(manager, {
        action: 'conference-pack.freeze',
        resourceType: 'conference-pack',
        resourceId: pack.id,
        provinceCode: null,
        summary: `Chốt bộ số liệu: ${pack.title}, số liệu lúc ${vietnamDateTimeText(cutOff)} (giờ Việt Nam)`,
      });
    });
    return this.get(pack.id);
  }

  async get(id: string): Promise<ConferencePackView> {
    const row = await this.packs.one(id);
    if (!row) throw notFound(id);
    return toView(row);
  }

  async list(query: ListConferencePacksQuery): Promise<ConferencePackPage> {
    const { rows, total } = await this.packs.page(query);
    return { items: rows.map(toView), page: query.page, limit: query.limit, total };
  }

  /** The file as stored at freezing. */
  async file(id: string, kind: ConferencePackFileKind): Promise<ConferencePackFileEntity> {
    const file = await this.dataSource
      .getRepository(ConferencePackFileEntity)
      .findOneBy({ packId: id, kind });
    if (!file) throw notFound(id);
    return file;
  }
}
