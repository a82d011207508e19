import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { assertMayActFor, isCentral } from '@kc/auth';
import {
  awardEntrySubmittedV1,
  type AwardEntryView,
  type ListAwardEntriesQuery,
  type Page,
  type Principal,
  type PutShortlistRequest,
  type ShortlistView,
  type SubmitAwardEntryRequest,
} from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { fieldError, ValidationProblem } from '@kc/http';
import { OutboxWriter } from '@kc/messaging';
import { pgConstraint, sql } from '@kc/persistence';
import { referenceProvinces, unitsCoveredBy, vietnamDate } from '@kc/reference-data';
import { awardScopeOf } from '../domain/award-round';
import {
  certificateLevelLabels,
  levelBelow,
  parseCertificateNumber,
  scopeLevelLabel,
  type Certificate,
} from '../domain/certificate';
import { admitEntry, dossierProblems, productGroupLabels } from '../domain/entry';
import { assertMayRunHistoric, entryReceivedOn } from '../domain/historic-round';
import { assertState } from '../domain/round-state';
import {
  AwardEntryEntity,
  AwardEntryFileEntity,
  AwardShortlistEntity,
} from '../infrastructure/persistence/award-entry.entity';
import type { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { CERTIFICATE_LOOKUP, type CertificateLookup } from './certificate-lookup';
import { entryViews } from './entry-views';
import { entrySubmittedSummary, shortlistSummary } from './round-audit';
import { findRound, roundNotFound, visibleRound } from './round-loading';
import { scheduleOf } from './round-views';

/** `dossier[2].sizeBytes` (the domain's) as the request names it: `body.dossier.2.sizeBytes`. */
const bodyField = (field: string) => `body.${field.replace(/\[(\d+)\]/g, '.$1')}`;

/** A business enters into any round (rounds are public); staff only into rounds they may see. */
async function roundToEnter(
  manager: EntityManager,
  principal: Principal,
  id: string,
): Promise<AwardRoundEntity> {
  if (principal.role !== 'business') return visibleRound(manager, principal, id, 'update');
  const round = await findRound(manager, id, 'update');
  if (!round) throw roundNotFound(id);
  return round;
}

/** Entries of a round and the certificates lower authorities put forward to it. */
@Injectable()
export class EntriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(CERTIFICATE_LOOKUP) private readonly certificates: CertificateLookup,
  ) {}

  /**
   * Admits an entry under the round's lock, so the quota and the once-per-certificate rule see every entry
   * before them (the database enforces both again).
   */
  async submit(principal: Principal, id: string, request: SubmitAwardEntryRequest): Promise<AwardEntryView> {
    const problems = dossierProblems(request.dossier);
    if (problems.length > 0) {
      throw new ValidationProblem(problems.map((p) => fieldError(bodyField(p.field), p.code, p.messages)));
    }
    return this.dataSource.transaction(async (manager) => {
      const round = await roundToEnter(manager, principal, id);
      assertState(round.state, 'entries-open', { vi: 'đăng ký sản phẩm dự thi', en: 'enter a product' });
      const schedule = scheduleOf(round);
      if (!schedule) {
        throw new RuleViolationError(
          {
            vi: 'Vòng bình chọn chưa có lịch nhận hồ sơ nên chưa nhận sản phẩm dự thi',
            en: 'The round has no schedule for entries, so it takes none',
          },
          'award-round.no-schedule',
          'schedule',
        );
      }
      // A historic round is entered by the agency from its records, with the day each dossier was received.
      if (round.historic) assertMayRunHistoric(principal);
      const receivedOn = entryReceivedOn(round, request.submittedOn, vietnamDate(new Date()));
      const scope = awardScopeOf(round);
      const lowerCertificate = await this.lowerCertificate(manager, round, request.lowerCertificateNumber);
      const [shortlist, existingEntries] = await Promise.all([
        manager
          .getRepository(AwardShortlistEntity)
          .find({ select: { certificateNumber: true }, where: { roundId: id } }),
        // Only the entries the rules compare with: the same province and group (quota), the same certificate.
        sql<{
          provinceCode: string;
          productGroup: AwardEntryEntity['productGroup'];
          lowerCertificateNumber: string | null;
        }>(
          manager,
          `SELECT province_code AS "provinceCode", product_group AS "productGroup",
                  lower_certificate_number AS "lowerCertificateNumber"
           FROM award_entry
           WHERE round_id = $1
             AND ((province_code = $2 AND product_group = $3) OR lower_certificate_number = $4)`,
          [id, request.facility.provinceCode, request.productGroup, lowerCertificate?.number ?? null],
        ),
      ]);
      const entry = admitEntry(
        principal,
        {
          facility: { ...request.facility, localUnitCode: request.facility.localUnitCode ?? null },
          productGroup: request.productGroup,
          product: request.product,
          lowerCertificate,
          dossier: request.dossier,
        },
        {
          round: {
            scope,
            year: round.year,
            entriesOpenOn: schedule.entriesOpenOn,
            entriesCloseOn: schedule.entriesCloseOn,
            quotaPerProvinceAndGroup: round.quotaPerProvinceAndGroup,
          },
          on: receivedOn,
          provinces: referenceProvinces,
          shortlist: shortlist.map((s) => s.certificateNumber),
          existingEntries,
        },
      );
      const [{ entry_sequence: sequence }] = await sql<{ entry_sequence: number }>(
        manager,
        `UPDATE award_round SET entry_sequence = entry_sequence + 1 WHERE id = $1 RETURNING entry_sequence`,
        [id],
        { inTransaction: true },
      );
      const saved = manager.getRepository(AwardEntryEntity).create({
        id: randomUUID(),
        roundId: id,
        code: `E-${String(sequence).padStart(4, '0')}`,
        facilityName: entry.facility.name,
        facilityTaxCode: entry.facility.taxCode,
        provinceCode: entry.facility.provinceCode,
        localUnitCode: entry.facility.localUnitCode,
        productGroup: entry.productGroup,
        productKind: entry.product.kind,
        productName: entry.product.name,
        productItems: entry.product.kind === 'product-set' ? entry.product.items : [],
        lowerCertificateNumber: entry.lowerCertificate?.number ?? null,
        submittedOn: entry.submittedOn,
        submittedBy: principal.name,
      });
      try {
        await manager.getRepository(AwardEntryEntity).insert(saved);
      } catch (error) {
        throw this.refusalOf(error, saved) ?? error;
      }
      await manager
        .getRepository(AwardEntryFileEntity)
        .insert(entry.dossier.map((file, position) => ({ entryId: saved.id, position, ...file })));
      await this.outbox.append(manager, awardEntrySubmittedV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          entryId: saved.id,
          roundId: id,
          level: round.level,
          roundYear: round.year,
          provinceCode: saved.provinceCode,
          productGroup: saved.productGroup,
          submittedOn: saved.submittedOn,
        },
      });
      await this.outbox.audit(manager, {
        action: 'award-entry.submit',
        resourceType: 'award-entry',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: entrySubmittedSummary(saved.code, saved.productName, saved.facilityName),
      });
      return (await entryViews(manager, [{ ...saved, createdAt: new Date() }]))[0];
    });
  }

  /** The agency sees every entry, a province officer their unit's (and its predecessors'), a facility its own. */
  async list(principal: Principal, id: string, query: ListAwardEntriesQuery): Promise<Page<AwardEntryView>> {
    const manager = this.dataSource.manager;
    if (principal.role === 'business') {
      if (!(await findRound(manager, id))) throw roundNotFound(id);
    } else {
      await visibleRound(manager, principal, id);
    }
    const where = {
      roundId: id,
      productGroup: query.productGroup,
      ...(principal.role === 'business'
        ? { facilityTaxCode: principal.facilityTaxCode ?? '' }
        : isCentral(principal)
          ? {}
          : { provinceCode: In(unitsCoveredBy(principal.provinceCode ?? '')) }),
    };
    const [entries, total] = await manager.getRepository(AwardEntryEntity).findAndCount({
      where,
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: await entryViews(manager, entries), page: query.page, limit: query.limit, total };
  }

  /**
   * A province puts forward the certificates of the level below for a round (its own list, replaced whole),
   * while the round takes entries. A certificate is put forward by one province.
   */
  async shortlist(
    principal: Principal,
    id: string,
    provinceCode: string,
    request: PutShortlistRequest,
  ): Promise<ShortlistView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertMayActFor(principal, provinceCode);
      const below = levelBelow(round.level);
      if (!below) {
        throw new RuleViolationError(
          {
            vi: `Vòng bình chọn ${scopeLevelLabel(awardScopeOf(round))} là cấp đầu tiên: không có danh sách đề cử`,
            en: `A ${round.level} round is the entry level: it takes no shortlist`,
          },
          'award-shortlist.entry-level',
          'provinceCode',
        );
      }
      assertState(round.state, 'entries-open', { vi: 'lập danh sách đề cử', en: 'put certificates forward' });
      const covered = unitsCoveredBy(provinceCode);
      request.certificateNumbers.forEach((number, i) => {
        const field = `certificateNumbers.${i}`;
        const parts = parseCertificateNumber(number);
        if (!parts || parts.scope.level !== below) {
          throw new RuleViolationError(
            {
              vi: `"${number}" không phải số giấy chứng nhận ${certificateLevelLabels[below]}, cấp dưới liền kề của vòng này`,
              en: `"${number}" is not a certificate number of the level directly below this round (${below})`,
            },
            'award-shortlist.wrong-level',
            field,
          );
        }
        const holderProvince = 'provinceCode' in parts.scope ? parts.scope.provinceCode : null;
        if (holderProvince !== null && !covered.includes(holderProvince)) {
          throw new RuleViolationError(
            {
              vi: `Giấy chứng nhận ${number} thuộc tỉnh ${holderProvince}, không phải của tỉnh ${provinceCode}`,
              en: `Certificate ${number} belongs to province ${holderProvince}, not to ${provinceCode}`,
            },
            'award-shortlist.other-province',
            field,
          );
        }
        if (request.certificateNumbers.indexOf(number) !== i) {
          throw new RuleViolationError(
            { vi: `Số ${number} có tên hai lần`, en: `Number ${number} is listed twice` },
            'award-shortlist.duplicate',
            field,
          );
        }
      });
      const repo = manager.getRepository(AwardShortlistEntity);
      const elsewhere =
        request.certificateNumbers.length === 0
          ? []
          : await repo.find({ where: { roundId: id, certificateNumber: In(request.certificateNumbers) } });
      const taken = elsewhere.find((row) => row.provinceCode !== provinceCode);
      if (taken) {
        throw new ConflictError(
          {
            vi: `Giấy chứng nhận ${taken.certificateNumber} đã được tỉnh ${taken.provinceCode} đề cử vào vòng này`,
            en: `Certificate ${taken.certificateNumber} was already put forward to this round by province ${taken.provinceCode}`,
          },
          'award-shortlist.put-forward-elsewhere',
          `certificateNumbers.${request.certificateNumbers.indexOf(taken.certificateNumber)}`,
        );
      }
      await repo.delete({ roundId: id, provinceCode });
      const now = new Date();
      if (request.certificateNumbers.length > 0) {
        await repo.insert(
          request.certificateNumbers.map((certificateNumber) => ({
            roundId: id,
            certificateNumber,
            provinceCode,
            putForwardBy: principal.name,
            putForwardAt: now,
          })),
        );
      }
      await this.outbox.audit(manager, {
        action: 'award-round.shortlist',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode,
        summary: shortlistSummary(provinceCode, request.certificateNumbers.length),
      });
      return { roundId: id, provinceCode, certificateNumbers: request.certificateNumbers };
    });
  }

  /** The certificate an entry above the commune level names; none is looked at (or taken) at the entry level. */
  private async lowerCertificate(
    manager: EntityManager,
    round: AwardRoundEntity,
    number: string | undefined,
  ): Promise<Certificate | null> {
    if (number === undefined) return null;
    if (!levelBelow(round.level)) {
      throw new RuleViolationError(
        {
          vi: 'Vòng bình chọn cấp cơ sở không xét giấy chứng nhận cấp dưới: bỏ trường này',
          en: 'An entry-level round looks at no lower certificate: leave this field out',
        },
        'award-entry.lower-certificate-at-entry-level',
        'lowerCertificateNumber',
      );
    }
    const certificate = await this.certificates.byNumber(manager, number);
    if (!certificate) {
      throw new RuleViolationError(
        {
          vi: `Không có giấy chứng nhận số ${number}`,
          en: `There is no certificate number ${number}`,
        },
        'award-entry.lower-certificate-unknown',
        'lowerCertificateNumber',
      );
    }
    return certificate;
  }

  /** The database's own refusals, for the rare entry that passed the checks beside a concurrent one. */
  private refusalOf(error: unknown, entry: AwardEntryEntity) {
    switch (pgConstraint(error)) {
      case 'award_entry_round_id_lower_certificate_number_key':
        return new ConflictError(
          {
            vi: `Sản phẩm có giấy chứng nhận ${entry.lowerCertificateNumber} đã được đăng ký vào vòng bình chọn này`,
            en: `The product with certificate ${entry.lowerCertificateNumber} is already entered in this round`,
          },
          'award-entry.certificate-already-entered',
          'lowerCertificateNumber',
        );
      case 'award_entry_within_quota':
        return new RuleViolationError(
          {
            vi: `Tỉnh ${entry.provinceCode} đã đủ số lượng tối đa sản phẩm nhóm "${productGroupLabels[entry.productGroup]}" của vòng bình chọn`,
            en: `Province ${entry.provinceCode} has reached the round's maximum of entries in group ${entry.productGroup}`,
          },
          'award-entry.quota-reached',
          'productGroup',
        );
      default:
        return undefined;
    }
  }
}
