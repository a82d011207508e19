import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  complaintOutcomeLabels,
  complaintStatusLabels,
  type AnswerComplaintRequest,
  type ComplaintView,
  type FileComplaintRequest,
  type ListComplaintsQuery,
  type Page,
  type Principal,
} from '@kc/contracts';
import { NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction, sql } from '@kc/persistence';
import { unitInForce, vietnamDate, workingDayCalendar } from '@kc/reference-data';
import {
  answerComplaint,
  complaintDeadline,
  isAnswerLate,
  isComplaintOverdueAt,
  submitComplaint,
  type Complaint,
} from '../domain/complaint';
import { AwardComplaintEntity } from '../infrastructure/persistence/award-complaint.entity';
import {
  assertIsAuthority,
  assertMayFile,
  complaintScope,
  inComplaintScope,
  mayReachRound,
  type ComplaintRound,
  type ComplaintScope,
} from './complaint-access';

interface RoundRow extends ComplaintRound {
  name: string;
  /** Null until the round's results are published. */
  announcedOn: string | null;
  /** The working-day calendar version publication counted the round's deadlines on. */
  calendarVersion: string | null;
}

const viDate = (date: string) => date.split('-').reverse().join('/');

const toDomain = (row: AwardComplaintEntity): Complaint => {
  const facts = {
    announcedOn: row.announcedOn,
    receivedOn: row.receivedOn,
    content: row.content,
    answerDueOn: row.answerDueOn,
  };
  return row.outcome === null
    ? { ...facts, status: 'submitted', answer: null }
    : {
        ...facts,
        status: 'answered',
        answer: { outcome: row.outcome, reason: row.reason!, answeredOn: row.answeredOn! },
      };
};

function toView(row: AwardComplaintEntity, today: string): ComplaintView {
  const complaint = toDomain(row);
  return {
    id: row.id,
    roundId: row.roundId,
    facilityTaxCode: row.facilityTaxCode,
    facilityName: row.facilityName,
    provinceCode: row.provinceCode,
    content: row.content,
    announcedOn: row.announcedOn,
    windowClosesOn: row.windowClosesOn,
    receivedOn: row.receivedOn,
    answerDueOn: row.answerDueOn,
    status: complaint.status,
    statusLabel: complaintStatusLabels[complaint.status],
    overdue: isComplaintOverdueAt(complaint, today),
    answer:
      complaint.answer === null
        ? null
        : {
            ...complaint.answer,
            outcomeLabel: complaintOutcomeLabels[complaint.answer.outcome],
            answeredBy: row.answeredBy!,
            late: isAnswerLate(complaint),
          },
    filedBy: row.filedBy,
    filedAt: row.filedAt.toISOString(),
    calendarVersion: row.calendarVersion,
  };
}

const scopeWhere = (scope: ComplaintScope): FindOptionsWhere<AwardComplaintEntity> =>
  scope.kind === 'all'
    ? {}
    : scope.kind === 'provinces'
      ? { provinceCode: In(scope.codes) }
      : { facilityTaxCode: scope.taxCode };

const notFound = (complaintId: string) =>
  new NotFoundError(
    { vi: `Không có khiếu nại ${complaintId}`, en: `Complaint ${complaintId} does not exist` },
    'complaint.not-found',
  );

/**
 * Complaints about a round's results: received within 15 working days after the announcement, answered by the
 * round's council within 10 working days after receipt, on the working-day calendar of reference data.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async file(principal: Principal, roundId: string, request: FileComplaintRequest): Promise<ComplaintView> {
    assertMayFile(principal, request);
    const today = vietnamDate(new Date());
    const receivedOn = request.receivedOn ?? today;
    if (receivedOn > today) {
      throw new RuleViolationError(
        {
          vi: `Ngày nhận khiếu nại ${viDate(receivedOn)} chưa đến (hôm nay là ${viDate(today)} theo giờ Việt Nam)`,
          en: `the receipt day ${receivedOn} is in the future (today is ${today} in Vietnam)`,
        },
        'complaint.received-in-future',
        'receivedOn',
      );
    }
    if (!unitInForce(request.provinceCode, receivedOn)) {
      throw new RuleViolationError(
        {
          vi: `Đơn vị cấp tỉnh ${request.provinceCode} không tồn tại vào ngày nhận khiếu nại ${viDate(receivedOn)}`,
          en: `provincial unit ${request.provinceCode} was not in force on ${receivedOn}, the day the complaint was received`,
        },
        'complaint.unknown-province',
        'provinceCode',
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const round = await this.reachableRound(manager, principal, roundId);
      // Counted on the calendar the round's published deadlines were counted on, so the two agree.
      const calendar = workingDayCalendar(round.calendarVersion ?? undefined);
      const announcedOn = this.announcement(round, calendar.coverage.from);
      const complaint = submitComplaint({ announcedOn, receivedOn, content: request.content }, calendar);
      const repo = manager.getRepository(AwardComplaintEntity);
      const row = repo.create({
        id: randomUUID(),
        roundId,
        facilityTaxCode: request.facilityTaxCode,
        facilityName: request.facilityName,
        provinceCode: request.provinceCode,
        content: complaint.content,
        announcedOn,
        windowClosesOn: complaintDeadline(announcedOn, calendar),
        receivedOn,
        answerDueOn: complaint.answerDueOn,
        calendarVersion: calendar.version.id,
        filedBy: principal.name,
        filedAt: new Date(),
        outcome: null,
        reason: null,
        answeredOn: null,
        answeredBy: null,
      });
      await repo.insert(row);
      await this.outbox.audit(manager, {
        action: 'award-complaint.file',
        resourceType: 'award-complaint',
        resourceId: row.id,
        provinceCode: row.provinceCode,
        summary:
          `Nhận khiếu nại của ${row.facilityName} (MST ${row.facilityTaxCode}) về kết quả "${round.name}", ` +
          `ngày nhận ${viDate(receivedOn)}, hạn trả lời ${viDate(row.answerDueOn)}`,
      });
      return toView(row, today);
    });
  }

  async answer(
    principal: Principal,
    roundId: string,
    complaintId: string,
    request: AnswerComplaintRequest,
  ): Promise<ComplaintView> {
    const today = vietnamDate(new Date());
    return inTransaction(this.dataSource, async (manager) => {
      const round = await this.reachableRound(manager, principal, roundId);
      const row = await manager.getRepository(AwardComplaintEntity).findOne({
        where: { id: complaintId, roundId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || !inComplaintScope(complaintScope(principal, round), row)) throw notFound(complaintId);
      assertIsAuthority(principal, round);
      const answered = answerComplaint(toDomain(row), { answeredOn: today, ...request });
      const answer = answered.answer!;
      Object.assign(row, {
        outcome: answer.outcome,
        reason: answer.reason,
        answeredOn: answer.answeredOn,
        answeredBy: principal.name,
      });
      await manager.getRepository(AwardComplaintEntity).save(row);
      const late = isAnswerLate(answered);
      await this.outbox.audit(manager, {
        action: 'award-complaint.answer',
        resourceType: 'award-complaint',
        resourceId: row.id,
        provinceCode: row.provinceCode,
        summary:
          `Trả lời khiếu nại của ${row.facilityName} (MST ${row.facilityTaxCode}): ` +
          `${complaintOutcomeLabels[answer.outcome]}` +
          (late ? `, quá hạn trả lời ${viDate(row.answerDueOn)}` : ''),
      });
      return toView(row, today);
    });
  }

  async get(principal: Principal, roundId: string, complaintId: string): Promise<ComplaintView> {
    const manager = this.dataSource.manager;
    const round = await this.reachableRound(manager, principal, roundId);
    const row = await manager.getRepository(AwardComplaintEntity).findOneBy({ id: complaintId, roundId });
    if (!row || !inComplaintScope(complaintScope(principal, round), row)) throw notFound(complaintId);
    return toView(row, vietnamDate(new Date()));
  }

  async list(
    principal: Principal,
    roundId: string,
    query: ListComplaintsQuery,
  ): Promise<Page<ComplaintView>> {
    const manager = this.dataSource.manager;
    const round = await this.reachableRound(manager, principal, roundId);
    const status =
      query.status === undefined ? {} : { outcome: query.status === 'answered' ? Not(IsNull()) : IsNull() };
    const [rows, total] = await manager.getRepository(AwardComplaintEntity).findAndCount({
      where: { roundId, ...status, ...scopeWhere(complaintScope(principal, round)) },
      order: { receivedOn: 'ASC', filedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    const today = vietnamDate(new Date());
    return { items: rows.map((row) => toView(row, today)), page: query.page, limit: query.limit, total };
  }

  /**
   * The round as this service's own table holds it, read in SQL so that complaints rest only on its columns.
   * A round the caller may not address answers like a missing one.
   */
  private async reachableRound(manager: EntityManager, principal: Principal, roundId: string) {
    const [round] = await sql<RoundRow>(
      manager,
      `SELECT id, name, province_code AS "provinceCode", announced_on::text AS "announcedOn",
              calendar_version AS "calendarVersion"
       FROM award_round WHERE id = $1`,
      [roundId],
    );
    if (!round || !mayReachRound(principal, round)) {
      throw new NotFoundError(
        { vi: `Không có vòng bình chọn ${roundId}`, en: `Award round ${roundId} does not exist` },
        'award-round.not-found',
      );
    }
    return round;
  }

  /** The day the window is counted from: the round's results must be out, on a day the calendar covers. */
  private announcement(round: RoundRow, calendarStart: string): string {
    if (round.announcedOn === null) {
      throw new RuleViolationError(
        {
          vi: `Vòng bình chọn "${round.name}" chưa công bố kết quả; chỉ nhận khiếu nại sau khi công bố`,
          en: `the results of round "${round.name}" are not announced yet; complaints come after the announcement`,
        },
        'complaint.not-announced',
      );
    }
    if (round.announcedOn < calendarStart) {
      throw new RuleViolationError(
        {
          vi: `Lịch ngày làm việc chỉ có từ ngày ${viDate(calendarStart)}; không tính được thời hạn khiếu nại của kết quả công bố ngày ${viDate(round.announcedOn)}`,
          en: `the working-day calendar starts on ${calendarStart}; no complaint window can be counted from an announcement on ${round.announcedOn}`,
        },
        'complaint.outside-calendar',
      );
    }
    return round.announcedOn;
  }
}
