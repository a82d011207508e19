import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lotteryDrawnV1, type DrawLotteryRequest, type LotteryView, type Principal } from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { drawDigest, drawLottery, LOTTERY_ALGORITHM } from '../domain/lottery';
import { BoothAllocation, REGISTRATION_COLUMNS, type RegistrationRow } from './booth-allocation';
import { assertRunsFair } from './registration-access';
import { fairOrThrow } from './fair-lookup';
import { inTransaction, sql } from '@kc/persistence';

type Requested = RegistrationRow & { award_certified: boolean };

/**
 * The lottery of a lottery fair: drawn once, after the window closed, with a seed published with the draw.
 * Booths are offered in draw order through the same statements as first-come requests (quota, then pool),
 * so the database keeps the same guarantees; the rest join the waiting list in draw order.
 */
@Injectable()
export class LotteryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly allocation: BoothAllocation,
  ) {}

  async draw(principal: Principal, fairId: string, request: DrawLotteryRequest): Promise<LotteryView> {
    assertRunsFair(principal, fairId);
    const seed = request.seed ?? randomBytes(32).toString('hex');
    await inTransaction(this.dataSource, async (manager) => {
      // The fair's row lock serialises draws; the primary key of fair_lottery refuses a second one anyway.
      const fair = await fairOrThrow(manager, fairId, true);
      if (fair.allocationMethod !== 'lottery') {
        throw new ConflictError(
          {
            vi: 'Hội chợ này phân gian hàng theo thứ tự đăng ký: không có bốc thăm',
            en: 'This fair allocates booths first come, first served: it has no lottery',
          },
          'lottery.not-lottery-fair',
        );
      }
      const [{ now }] = await sql<{ now: Date }>(manager, `SELECT now()`, [], { inTransaction: true });
      if (!fair.registrationClosesAt || now < fair.registrationClosesAt) {
        throw new ConflictError(
          {
            vi:
              'Chỉ bốc thăm sau khi hết thời hạn đăng ký ' +
              `(${fair.registrationClosesAt?.toISOString() ?? 'chưa lên lịch'})`,
            en:
              'The lottery is drawn after the registration window closes ' +
              `(${fair.registrationClosesAt?.toISOString() ?? 'not scheduled'})`,
          },
          'lottery.window-open',
        );
      }
      if (
        (
          await sql(manager, `SELECT 1 FROM fair_lottery WHERE fair_id = $1`, [fairId], {
            inTransaction: true,
          })
        ).length > 0
      ) {
        throw new ConflictError(
          { vi: 'Hội chợ này đã bốc thăm', en: 'The lottery of this fair has already been drawn' },
          'lottery.already-drawn',
        );
      }
      await this.allocation.releaseDueQuotas(manager, fairId);
      const requests = await sql<Requested>(
        manager,
        `SELECT ${REGISTRATION_COLUMNS}, award_certified FROM fair_registration
          WHERE fair_id = $1 AND state = 'requested' ORDER BY id FOR UPDATE`,
        [fairId],
        { inTransaction: true },
      );
      const byId = new Map(requests.map((r) => [r.id, r]));
      const order = drawLottery(
        seed,
        requests.map((r) => ({ registrationId: r.id, awardCertified: r.award_certified })),
        fair.awardPriority,
      );
      const outcomes: ('held' | 'waitlisted')[] = [];
      for (const entry of order) {
        const registration = byId.get(entry.registrationId)!;
        const hold = await this.allocation.tryHold(manager, fair, registration);
        if (hold) {
          await sql(
            manager,
            `UPDATE fair_registration SET state = 'held', charged_to = $2, hold_expires_at = $3, updated_at = now()
              WHERE id = $1`,
            [registration.id, hold.chargedTo, hold.expiresAt],
            { inTransaction: true },
          );
          await this.allocation.recordHold(manager, registration, hold, false);
          outcomes.push('held');
        } else {
          const [{ position }] = await sql<{ position: number }>(
            manager,
            `UPDATE trade_fair SET last_waitlist_position = last_waitlist_position + 1
              WHERE id = $1 RETURNING last_waitlist_position AS position`,
            [fairId],
            { inTransaction: true },
          );
          await sql(
            manager,
            `UPDATE fair_registration SET state = 'waitlisted', waitlist_position = $2, updated_at = now()
              WHERE id = $1`,
            [registration.id, position],
            { inTransaction: true },
          );
          await this.allocation.recordWaitlisted(manager, { ...registration, position });
          outcomes.push('waitlisted');
        }
      }
      const digest = drawDigest(order);
      const [{ drawn_at }] = await sql<{ drawn_at: Date }>(
        manager,
        `INSERT INTO fair_lottery (fair_id, seed, algorithm, award_priority, entries, draw_digest)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING drawn_at`,
        [fairId, seed, LOTTERY_ALGORITHM, fair.awardPriority, order.length, digest],
        { inTransaction: true },
      );
      await sql(
        manager,
        `INSERT INTO fair_lottery_entry (fair_id, rank, registration_id, ticket, award_priority, outcome)
         SELECT $1::uuid, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::boolean[], $6::text[])`,
        [
          fairId,
          order.map((e) => e.rank),
          order.map((e) => e.registrationId),
          order.map((e) => e.ticket),
          order.map((e) => e.awardPriority),
          outcomes,
        ],
        { inTransaction: true },
      );
      const held = outcomes.filter((o) => o === 'held').length;
      await this.outbox.append(manager, lotteryDrawnV1, {
        aggregateId: fairId,
        provinceCode: fair.provinceCode,
        payload: {
          fairId,
          seed,
          algorithm: LOTTERY_ALGORITHM,
          awardPriority: fair.awardPriority,
          entries: order.length,
          held,
          waitlisted: order.length - held,
          drawDigest: digest,
          drawnAt: drawn_at.toISOString(),
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair.draw-lottery',
        resourceType: 'fair',
        resourceId: fairId,
        provinceCode: fair.provinceCode,
        summary:
          `Bốc thăm gian hàng hội chợ "${fair.name}" với khóa công bố ${seed}: ${order.length} yêu cầu, ` +
          `${held} được giữ chỗ, ${order.length - held} vào danh sách chờ` +
          (fair.awardPriority ? ' (ưu tiên sản phẩm đạt giải còn hiệu lực)' : ''),
      });
    });
    return this.view(fairId);
  }

  /** The published draw: seed, algorithm and the entries in rank order (registration ids, no names). */
  async view(fairId: string): Promise<LotteryView> {
    await fairOrThrow(this.dataSource.manager, fairId);
    const [lottery] = await this.dataSource.query(
      `SELECT seed, algorithm, award_priority, draw_digest, drawn_at FROM fair_lottery WHERE fair_id = $1`,
      [fairId],
    );
    if (!lottery) {
      throw new NotFoundError(
        { vi: 'Hội chợ này chưa bốc thăm', en: 'The lottery of this fair has not been drawn yet' },
        'lottery.not-drawn',
      );
    }
    const entries: LotteryView['entries'] = (
      await this.dataSource.query(
        `SELECT rank, registration_id, ticket, award_priority, outcome FROM fair_lottery_entry
          WHERE fair_id = $1 ORDER BY rank`,
        [fairId],
      )
    ).map(
      (e: {
        rank: number;
        registration_id: string;
        ticket: string;
        award_priority: boolean;
        outcome: 'held' | 'waitlisted';
      }) => ({
        rank: e.rank,
        registrationId: e.registration_id,
        ticket: e.ticket,
        awardPriority: e.award_priority,
        outcome: e.outcome,
      }),
    );
    return {
      fairId,
      seed: lottery.seed,
      algorithm: lottery.algorithm,
      awardPriority: lottery.award_priority,
      drawDigest: lottery.draw_digest,
      drawnAt: (lottery.drawn_at as Date).toISOString(),
      entries,
    };
  }
}
