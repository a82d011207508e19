import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isCentral, listProvinceFilter, maySee } from '@kc/auth';
import {
  petitionStatusLabels,
  type FilePetitionRequest,
  type ListPetitionsQuery,
  type Page,
  type PetitionView,
  type Principal,
} from '@kc/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import {
  assertPetitionStep,
  petitionOverdue,
  responseDueOn,
  type PetitionStatus,
} from '../../domain/cluster-petition';
import { clusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import { ReportClock } from '../reports/report-clock';

interface PetitionRow {
  id: string;
  province_code: string;
  cluster_id: string | null;
  cluster_code: string | null;
  petitioner: 'province' | 'developer';
  developer_tax_code: string | null;
  subject: string;
  content: string;
  received_on: string;
  response_due_on: string;
  calendar_version: string;
  status: PetitionStatus;
  answer: string | null;
  answered_by: string | null;
  answered_on: string | null;
  close_note: string | null;
  closed_by: string | null;
  closed_on: string | null;
  filed_by: string;
  filed_at: Date;
  received_on_paper: boolean;
}

const SELECT = `SELECT id, province_code, cluster_id, cluster_code, petitioner, developer_tax_code, subject, content,
  received_on::text, response_due_on::text, calendar_version, status, answer, answered_by, answered_on::text,
  close_note, closed_by, closed_on::text, filed_by, filed_at, received_on_paper FROM cluster_petition`;

const toView = (r: PetitionRow, today: string): PetitionView => ({
  id: r.id,
  provinceCode: r.province_code,
  clusterId: r.cluster_id,
  clusterCode: r.cluster_code,
  petitioner: r.petitioner,
  developerTaxCode: r.developer_tax_code,
  subject: r.subject,
  content: r.content,
  receivedOn: r.received_on,
  receivedOnPaper: r.received_on_paper,
  responseDueOn: r.response_due_on,
  calendarVersion: r.calendar_version,
  status: r.status,
  statusLabel: petitionStatusLabels[r.status],
  overdue: petitionOverdue(r.status, r.response_due_on, today),
  answer:
    r.answer !== null && r.answered_by !== null && r.answered_on !== null
      ? {
          text: r.answer,
          answeredBy: r.answered_by,
          answeredOn: r.answered_on,
          late: r.answered_on > r.response_due_on,
        }
      : null,
  closed:
    r.close_note !== null && r.closed_by !== null && r.closed_on !== null
      ? { note: r.close_note, closedBy: r.closed_by, closedOn: r.closed_on }
      : null,
  filedBy: r.filed_by,
  filedAt: r.filed_at.toISOString(),
});

/** A developer sees its own petitions; staff those of provinces they see. */
const maySeePetition = (principal: Principal, r: PetitionRow) =>
  principal.role === 'business'
    ? !!principal.facilityTaxCode && principal.facilityTaxCode === r.developer_tax_code
    : maySee(principal, r.province_code);

/**
 * Petitions (kiến nghị) to the agency about clusters: filed by a province's department or a cluster's developer,
 * answered by the agency within 15 working days (see PETITION_RESPONSE_WORKING_DAYS).
 */
@Injectable()
export class ClusterPetitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ReportClock,
  ) {}

  private today = () => vietnamDate(this.clock.now());

  async file(principal: Principal, request: FilePetitionRequest): Promise<PetitionView> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = request.clusterId ? await clusterFacts(manager, request.clusterId) : null;
      const clusterMissing = () =>
        new NotFoundError(
          {
            vi: `Không có cụm công nghiệp ${request.clusterId}`,
            en: `Cluster ${request.clusterId} does not exist`,
          },
          'cluster.not-found',
          'clusterId',
        );
      let provinceCode: string;
      let petitioner: 'province' | 'developer';
      const onPaper = request.receivedOn !== undefined;
      if (onPaper) this.assertPaperReceipt(principal, request.receivedOn as string);
      if (onPaper && isCentral(principal)) {
        // The agency records a department's petition that came on paper: the province is named or the cluster's.
        const named = request.provinceCode ?? cluster?.provinceCode;
        if (!named)
          throw new RuleViolationError(
            {
              vi: 'Kiến nghị nhận bằng văn bản giấy phải nêu tỉnh gửi (provinceCode) hoặc cụm công nghiệp',
              en: 'A petition received on paper names the province that sent it (provinceCode) or its cluster',
            },
            'cluster-petition.province-required',
            'provinceCode',
          );
        if (request.clusterId && (!cluster || cluster.provinceCode !== named)) throw clusterMissing();
        provinceCode = named;
        petitioner = 'province';
      } else if (principal.role === 'business') {
        if (!request.clusterId)
          throw new RuleViolationError(
            {
              vi: 'Chủ đầu tư hạ tầng phải nêu cụm công nghiệp của mình (clusterId)',
              en: 'A developer names its cluster (clusterId)',
            },
            'cluster-petition.cluster-required',
            'clusterId',
          );
        if (!cluster || !principal.facilityTaxCode || cluster.developerTaxCode !== principal.facilityTaxCode)
          throw clusterMissing();
        provinceCode = cluster.provinceCode;
        petitioner = 'developer';
      } else if (principal.role === 'province-officer' && principal.provinceCode) {
        provinceCode = request.provinceCode ?? principal.provinceCode;
        if (provinceCode !== principal.provinceCode)
          throw new ForbiddenError(
            {
              vi: `Sở Công Thương tỉnh ${principal.provinceCode} chỉ gửi kiến nghị của tỉnh mình`,
              en: `The department of province ${principal.provinceCode} files only its own province's petitions`,
            },
            'auth.other-province',
            'provinceCode',
          );
        if (request.clusterId && (!cluster || cluster.provinceCode !== provinceCode)) throw clusterMissing();
        petitioner = 'province';
      } else {
        throw new ForbiddenError(
          {
            vi: 'Kiến nghị gửi đến Cục do Sở Công Thương hoặc chủ đầu tư hạ tầng cụm công nghiệp gửi',
            en: 'Petitions to the agency come from a department or a cluster developer',
          },
          'cluster-petition.not-petitioner',
        );
      }
      const receivedOn = request.receivedOn ?? this.today();
      const calendar = workingDayCalendar();
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cluster_petition (id, province_code, cluster_id, cluster_code, petitioner, developer_tax_code,
           subject, content, received_on, response_due_on, calendar_version, status, filed_by, filed_at,
           received_on_paper)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'received', $12, $13, $14)`,
        [
          id,
          provinceCode,
          cluster?.id ?? null,
          cluster?.code ?? null,
          petitioner,
          petitioner === 'developer' ? principal.facilityTaxCode : null,
          request.subject,
          request.content,
          receivedOn,
          responseDueOn(receivedOn, calendar),
          calendar.version.id,
          principal.name,
          this.clock.now(),
          onPaper,
        ],
      );
      await this.outbox.audit(manager, {
        action: 'cluster-petition.file',
        resourceType: 'cluster-petition',
        resourceId: id,
        provinceCode,
        summary:
          `Kiến nghị "${request.subject}" của ${petitioner === 'developer' ? `chủ đầu tư hạ tầng cụm ${cluster?.code}` : `tỉnh ${provinceCode}`}` +
          (onPaper ? ` (nhận bằng văn bản giấy ngày ${receivedOn})` : ''),
      });
      return this.viewIn(manager, id);
    });
  }

  /**
   * A day of receipt other than today is the record of a petition that came on paper: only the agency or a
   * department records one, and never with a day after today in Việt Nam (2018 and later: the schema).
   */
  private assertPaperReceipt(principal: Principal, receivedOn: string): void {
    if (!isCentral(principal) && principal.role !== 'province-officer')
      throw new ForbiddenError(
        {
          vi: 'Chỉ Cục hoặc Sở Công Thương ghi nhận kiến nghị nhận bằng văn bản giấy với ngày nhận (receivedOn)',
          en: 'Only the agency or a department records a petition received on paper with its day of receipt (receivedOn)',
        },
        'cluster-petition.paper-receipt-recorder',
        'receivedOn',
      );
    const today = this.today();
    if (receivedOn > today)
      throw new RuleViolationError(
        {
          vi: `Ngày nhận kiến nghị ${receivedOn} không được sau hôm nay (${today})`,
          en: `The day of receipt ${receivedOn} must not be after today (${today})`,
        },
        'cluster-petition.received-in-future',
        'receivedOn',
      );
  }

  async list(principal: Principal, query: ListPetitionsQuery): Promise<Page<PetitionView>> {
    const today = this.today();
    const business = principal.role === 'business';
    const provinces = business ? undefined : listProvinceFilter(principal, query.provinceCode);
    const rows: (PetitionRow & { total: number })[] = await this.dataSource.query(
      `${SELECT.replace(' FROM', ', count(*) OVER ()::int AS total FROM')}
        WHERE ($1::text[] IS NULL OR province_code = ANY($1))
          AND ($2::text IS NULL OR developer_tax_code = $2)
          AND ($3::text IS NULL OR status = $3)
          AND ($4::boolean IS NULL OR (status IN ('received', 'in-progress') AND response_due_on < $5::date) = $4)
        ORDER BY received_on DESC, id
        LIMIT $6 OFFSET $7`,
      [
        business ? (query.provinceCode ? [query.provinceCode] : null) : (provinces ?? null),
        business ? (principal.facilityTaxCode ?? '-') : null,
        query.status ?? null,
        query.overdue === undefined ? null : query.overdue === 'true',
        today,
        query.limit,
        (query.page - 1) * query.limit,
      ],
    );
    return {
      items: rows.map((r) => toView(r, today)),
      page: query.page,
      limit: query.limit,
      total: rows[0]?.total ?? 0,
    };
  }

  async get(principal: Principal, id: string): Promise<PetitionView> {
    const row = await this.visible(this.dataSource.manager, principal, id);
    return toView(row, this.today());
  }

  start(principal: Principal, id: string) {
    return this.agencyStep(principal, id, 'start', async (manager) => {
      await manager.query(`UPDATE cluster_petition SET status = 'in-progress' WHERE id = $1`, [id]);
      return 'Bắt đầu xử lý kiến nghị';
    });
  }

  answer(principal: Principal, id: string, answer: string) {
    return this.agencyStep(principal, id, 'answer', async (manager) => {
      await manager.query(
        `UPDATE cluster_petition SET status = 'answered', answer = $2, answered_by = $3, answered_on = $4
          WHERE id = $1`,
        [id, answer, principal.name, this.today()],
      );
      return 'Trả lời kiến nghị';
    });
  }

  close(principal: Principal, id: string, note: string) {
    return this.agencyStep(principal, id, 'close', async (manager) => {
      await manager.query(
        `UPDATE cluster_petition SET status = 'closed', close_note = $2, closed_by = $3, closed_on = $4
          WHERE id = $1`,
        [id, note, principal.name, this.today()],
      );
      return `Đóng kiến nghị: ${note}`;
    });
  }

  private async visible(manager: EntityManager, principal: Principal, id: string, lock = false) {
    const [row]: PetitionRow[] = await manager.query(`${SELECT} WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ]);
    if (!row || !maySeePetition(principal, row))
      throw new NotFoundError(
        { vi: `Không có kiến nghị ${id}`, en: `Petition ${id} does not exist` },
        'cluster-petition.not-found',
      );
    return row;
  }

  private async viewIn(manager: EntityManager, id: string) {
    const [row]: PetitionRow[] = await manager.query(`${SELECT} WHERE id = $1`, [id]);
    return toView(row, this.today());
  }

  private agencyStep(
    principal: Principal,
    id: string,
    step: 'start' | 'answer' | 'close',
    write: (manager: EntityManager) => Promise<string>,
  ): Promise<PetitionView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.visible(manager, principal, id, true);
      if (!isCentral(principal))
        throw new ForbiddenError(
          { vi: 'Kiến nghị do Cục xử lý và trả lời', en: 'The agency handles and answers petitions' },
          'cluster-petition.agency-only',
        );
      assertPetitionStep(row.status, step);
      const summary = await write(manager);
      await this.outbox.audit(manager, {
        action: `cluster-petition.${step}`,
        resourceType: 'cluster-petition',
        resourceId: id,
        provinceCode: row.province_code,
        summary: `${summary} "${row.subject}"`,
      });
      return this.viewIn(manager, id);
    });
  }
}
