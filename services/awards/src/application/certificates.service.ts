import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { listProvinceFilter } from '@kc/auth';
import {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  type AwardCertificateView,
  type AwardProductGroup,
  type CertificateVerificationView,
  type ListAwardCertificatesQuery,
  type Page,
  type Principal,
  type RecordAwardCertificatesRequest,
  type RecordAwardCertificatesView,
  type RecordedCertificate,
  type RecordedCertificateResult,
  type WithdrawAwardCertificateRequest,
} from '@kc/contracts';
import { ConflictError, DomainError, NotFoundError } from '@kc/errors';
import { outboxEntry, OutboxWriter, type OutboxEntry } from '@kc/messaging';
import { sql } from '@kc/persistence';
import { vietnamDate, type IsoDate } from '@kc/reference-data';
import {
  certificateNumber,
  issueCertificate,
  parseCertificateNumber,
  publicCertificateView,
  withdrawCertificate,
  type AwardScope,
  type Certificate,
} from '../domain/certificate';
import { recordPaperCertificate } from '../domain/certificate-record';
import { renderCertificatePdf } from '../infrastructure/certificate-pdf/certificate-pdf';
import { CertificateEntity } from '../infrastructure/persistence/certificate.entity';
import { assertIssuingAuthority, mayPrintCertificate, maySeeCertificate } from './certificate-access';
import type { CertificateLookup } from './certificate-lookup';
import { certificateView, printedCertificate, scopeColumns, toCertificate } from './certificate-views';

/** The web app's address (`PUBLIC_BASE_URL`): printed certificates point at its verification page. */
export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

const today = (): IsoDate => vietnamDate(new Date());

/** A round's numbering without the sequence: `QG-2023`, `T-40-2024`. */
const seriesOf = (scope: AwardScope, roundYear: number) =>
  certificateNumber(scope, roundYear, 1).slice(0, -5);

const notFound = (number: string) =>
  new NotFoundError(
    { vi: `Không có giấy chứng nhận số ${number}`, en: `There is no certificate number ${number}` },
    'certificate.not-found',
  );

/**
 * Numbering is serialised per series (one round's numbers, issued here or recorded): the lock is held to the end
 * of the caller's transaction, so the next issuer reads the sequences this one wrote. Taken in one order, so two
 * transactions naming the same series cannot deadlock.
 */
async function lockSeries(manager: EntityManager, series: string[]): Promise<void> {
  await sql(
    manager,
    `SELECT pg_advisory_xact_lock(hashtextextended('award-certificate:' || s, 0))
       FROM (SELECT DISTINCT unnest($1::text[]) AS s ORDER BY 1) locks`,
    [series],
    { inTransaction: true },
  );
}

function issuedEvent(row: CertificateEntity): OutboxEntry {
  return outboxEntry(awardCertificateIssuedV1, {
    aggregateId: row.id,
    provinceCode: row.holderProvinceCode,
    payload: {
      certificateId: row.id,
      number: row.number,
      roundId: row.roundId,
      roundYear: row.roundYear,
      level: row.level,
      productGroup: row.productGroup,
      productName: row.productName,
      holderName: row.holderName,
      holderTaxCode: row.holderTaxCode,
      provinceCode: row.holderProvinceCode,
      issuedOn: row.issuedOn,
      validUntil: row.validUntil,
    },
  });
}

function newRow(
  certificate: Certificate,
  sequence: number,
  productGroup: AwardProductGroup,
  origin: { roundId: string; entryId: string } | null,
): CertificateEntity {
  return Object.assign(new CertificateEntity(), {
    id: randomUUID(),
    number: certificate.number,
    series: seriesOf(certificate.scope, certificate.roundYear),
    sequence,
    roundId: origin?.roundId ?? null,
    entryId: origin?.entryId ?? null,
    ...scopeColumns(certificate.scope),
    roundYear: certificate.roundYear,
    productGroup,
    productName: certificate.productName,
    holderName: certificate.holder.facilityName,
    holderTaxCode: certificate.holder.taxCode,
    holderProvinceCode: certificate.holder.provinceCode,
    issuedOn: certificate.issuedOn,
    validUntil: certificate.validUntil,
    withdrawnOn: null,
    withdrawalReason: null,
  });
}

/** Whether a recorded certificate says exactly what the one on record under its number says. */
const sameFacts = (row: CertificateEntity, sent: RecordedCertificate) =>
  row.productGroup === sent.productGroup &&
  row.productName === sent.productName &&
  row.holderName === sent.holder.facilityName &&
  row.holderTaxCode === sent.holder.taxCode &&
  row.holderProvinceCode === sent.holder.provinceCode &&
  row.issuedOn === sent.issuedOn;

/**
 * Award certificates: numbered and issued for a round's passing entries (inside the round's transaction),
 * recorded from their paper originals, withdrawn by their issuing authority, verified by anyone, printed.
 */
const INSERT_BATCH = 1_000;

@Injectable()
export class CertificatesService implements CertificateLookup {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
  ) {}

  async byNumber(manager: EntityManager, number: string): Promise<Certificate | null> {
    const row = await manager.getRepository(CertificateEntity).findOneBy({ number });
    return row ? toCertificate(row) : null;
  }

  /**
   * Numbers the passing entries in the order given, after the highest sequence of the round's series (gaps
   * left by recorded certificates stay gaps; a number is never given twice), and appends one
   * awards.certificate.issued per certificate. The caller audits its own change (publishing the results).
   */
  async issueForPassingEntries(
    manager: EntityManager,
    round: { id: string; year: number; scope: AwardScope },
    entries: {
      entryId: string;
      productGroup: AwardProductGroup;
      productName: string;
      holder: Certificate['holder'];
    }[],
    issuedOn: string,
  ): Promise<{ entryId: string; number: string }[]> {
    if (entries.length === 0) return [];
    const series = seriesOf(round.scope, round.year);
    await lockSeries(manager, [series]);
    const [{ last }] = await sql<{ last: number }>(
      manager,
      `SELECT coalesce(max(sequence), 0)::int AS last FROM award_certificate WHERE series = $1`,
      [series],
      { inTransaction: true },
    );
    const rows = entries.map((entry, i) => {
      const certificate = issueCertificate({
        scope: round.scope,
        roundYear: round.year,
        sequence: last + 1 + i,
        productName: entry.productName,
        holder: entry.holder,
        issuedOn,
      });
      return newRow(certificate, last + 1 + i, entry.productGroup, {
        roundId: round.id,
        entryId: entry.entryId,
      });
    });
    // PostgreSQL takes at most 65,535 parameters a statement: a thousand rows of twenty at a time.
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await manager.getRepository(CertificateEntity).insert(rows.slice(i, i + INSERT_BATCH));
    }
    await this.outbox.appendAll(manager, rows.map(issuedEvent));
    return rows.map((row) => ({ entryId: row.entryId!, number: row.number }));
  }

  /**
   * Records paper certificates: the caller must be the issuing authority of every one (else nothing is
   * written); then each is checked and written on its own (a savepoint), or refused with its problem.
   */
  async record(
    principal: Principal,
    body: RecordAwardCertificatesRequest,
  ): Promise<RecordAwardCertificatesView> {
    body.certificates.forEach((sent, i) => {
      const parts = parseCertificateNumber(sent.number);
      if (parts) assertIssuingAuthority(principal, parts.scope, `certificates[${i}].number`);
    });
    const on = today();
    const results = await this.dataSource.transaction(async (manager) => {
      await lockSeries(
        manager,
        body.certificates.flatMap((sent) => {
          const parts = parseCertificateNumber(sent.number);
          return parts ? [seriesOf(parts.scope, parts.roundYear)] : [];
        }),
      );
      const existing = new Map(
        (
          await manager
            .getRepository(CertificateEntity)
            .findBy({ number: In(body.certificates.map((sent) => sent.number)) })
        ).map((row) => [row.number, row]),
      );
      const out: RecordedCertificateResult[] = [];
      for (const [index, sent] of body.certificates.entries()) {
        out.push(await this.recordOne(manager, sent, index, existing.get(sent.number), on));
      }
      return out;
    });
    const count = (outcome: RecordedCertificateResult['outcome']) =>
      results.filter((r) => r.outcome === outcome).length;
    return {
      recorded: count('recorded'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      results,
    };
  }

  private async recordOne(
    manager: EntityManager,
    sent: RecordedCertificate,
    index: number,
    existing: CertificateEntity | undefined,
    on: IsoDate,
  ): Promise<RecordedCertificateResult> {
    await manager.query('SAVEPOINT certificate_record');
    try {
      const outcome = existing ? this.compare(existing, sent) : await this.insertRecorded(manager, sent, on);
      await manager.query('RELEASE SAVEPOINT certificate_record');
      return { number: sent.number, outcome, problems: [] };
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT certificate_record');
      if (!(error instanceof DomainError)) throw error;
      const at = `certificates[${index}]`;
      return {
        number: sent.number,
        outcome: 'refused',
        problems: [
          { field: error.field ? `${at}.${error.field}` : at, rule: error.code, message: error.message },
        ],
      };
    }
  }

  private compare(existing: CertificateEntity, sent: RecordedCertificate): 'unchanged' {
    if (sameFacts(existing, sent)) return 'unchanged';
    throw new ConflictError(
      {
        vi: `Số ${sent.number} đã được dùng cho giấy chứng nhận khác: sản phẩm "${existing.productName}" của ${existing.holderName}, cấp ngày ${existing.issuedOn.split('-').reverse().join('/')}`,
        en: `Number ${sent.number} is already on record for another certificate: "${existing.productName}" of ${existing.holderName}, issued on ${existing.issuedOn}`,
      },
      'certificate.number-taken',
      'number',
    );
  }

  private async insertRecorded(
    manager: EntityManager,
    sent: RecordedCertificate,
    on: IsoDate,
  ): Promise<'recorded'> {
    const { certificate, parts } = recordPaperCertificate(sent, on);
    const row = newRow(certificate, parts.sequence, sent.productGroup, null);
    await manager.getRepository(CertificateEntity).insert(row);
    await this.outbox.appendAll(manager, [
      issuedEvent(row),
      this.outbox.auditEvent({
        action: 'award-certificate.record',
        resourceType: 'award-certificate',
        resourceId: row.id,
        provinceCode: row.holderProvinceCode,
        summary: `Ghi nhận giấy chứng nhận ${row.number} (cấp ngày ${row.issuedOn.split('-').reverse().join('/')}): "${row.productName}" của ${row.holderName}`,
      }),
    ]);
    return 'recorded';
  }

  /** By the issuing authority; a certificate the caller may not see answers like a missing one. */
  async withdraw(
    principal: Principal,
    number: string,
    request: WithdrawAwardCertificateRequest,
  ): Promise<AwardCertificateView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CertificateEntity);
      const row = await repo.findOne({ where: { number }, lock: { mode: 'pessimistic_write' } });
      if (!row || !maySeeCertificate(principal, row.holderProvinceCode)) throw notFound(number);
      assertIssuingAuthority(principal, toCertificate(row).scope, 'number');
      const { withdrawal } = withdrawCertificate(toCertificate(row), {
        on: request.on,
        reason: request.reason,
      });
      row.withdrawnOn = withdrawal!.on;
      row.withdrawalReason = withdrawal!.reason;
      await repo.update(
        { id: row.id },
        { withdrawnOn: row.withdrawnOn, withdrawalReason: row.withdrawalReason },
      );
      await this.outbox.append(manager, awardCertificateWithdrawnV1, {
        aggregateId: row.id,
        provinceCode: row.holderProvinceCode,
        payload: {
          certificateId: row.id,
          number,
          withdrawnOn: row.withdrawnOn,
          reason: row.withdrawalReason,
        },
      });
      await this.outbox.audit(manager, {
        action: 'award-certificate.withdraw',
        resourceType: 'award-certificate',
        resourceId: row.id,
        provinceCode: row.holderProvinceCode,
        summary: `Thu hồi giấy chứng nhận ${number} từ ngày ${row.withdrawnOn.split('-').reverse().join('/')}: ${row.withdrawalReason}`,
      });
      return certificateView(row, today(), this.publicBaseUrl);
    });
  }

  async get(principal: Principal, number: string): Promise<AwardCertificateView> {
    return certificateView(await this.visible(principal, number), today(), this.publicBaseUrl);
  }

  async list(principal: Principal, query: ListAwardCertificatesQuery): Promise<Page<AwardCertificateView>> {
    const provinces = listProvinceFilter(principal, query.provinceCode, query.unitAsOf);
    const on = today();
    const qb = this.dataSource.getRepository(CertificateEntity).createQueryBuilder('c');
    if (provinces) qb.andWhere('c.holderProvinceCode IN (:...provinces)', { provinces });
    if (query.level) qb.andWhere('c.level = :level', { level: query.level });
    if (query.year) qb.andWhere('c.roundYear = :year', { year: query.year });
    if (query.roundId) qb.andWhere('c.roundId = :roundId', { roundId: query.roundId });
    // The same order of precedence as certificateStatusAt: not yet issued, withdrawn, expired, valid.
    const inForce = 'c.issuedOn <= :on AND (c.withdrawnOn IS NULL OR c.withdrawnOn > :on)';
    const byStatus = {
      'not-yet-issued': 'c.issuedOn > :on',
      withdrawn: 'c.issuedOn <= :on AND c.withdrawnOn <= :on',
      expired: `${inForce} AND c.validUntil < :on`,
      valid: `${inForce} AND c.validUntil >= :on`,
    };
    if (query.status) qb.andWhere(byStatus[query.status], { on });
    const [rows, total] = await qb
      .orderBy('c.roundYear', 'DESC')
      .addOrderBy('c.number', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return {
      items: rows.map((row) => certificateView(row, on, this.publicBaseUrl)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** Anyone: the public record on `asOf` (today by default); unknown, or not issued by then, answers 404. */
  async verify(number: string, asOf: IsoDate | undefined): Promise<CertificateVerificationView> {
    const row = await this.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    const view = row && publicCertificateView(toCertificate(row), asOf ?? today());
    if (!view) throw notFound(number);
    return view;
  }

  /** The printable certificate for staff who may see it and for the holder facility; others get 404. */
  async pdf(principal: Principal, number: string): Promise<{ fileName: string; content: Buffer }> {
    const row = await this.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (
      !row ||
      !mayPrintCertificate(principal, { provinceCode: row.holderProvinceCode, taxCode: row.holderTaxCode })
    )
      throw notFound(number);
    return {
      fileName: `giay-chung-nhan-${row.number}.pdf`,
      content: await renderCertificatePdf(printedCertificate(row, this.publicBaseUrl)),
    };
  }

  private async visible(principal: Principal, number: string): Promise<CertificateEntity> {
    const row = await this.dataSource.getRepository(CertificateEntity).findOneBy({ number });
    if (!row || !maySeeCertificate(principal, row.holderProvinceCode)) throw notFound(number);
    return row;
  }
}
