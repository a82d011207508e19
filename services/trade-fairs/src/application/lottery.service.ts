import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lotteryDrawnV1, type DrawLotteryRequest, type LotteryView, type Principal } from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { drawDigest, drawLottery, LOTTERY_ALGORITHM } from '../domain/lottery';
import { nextWaitlistPosition } from '../infrastructure/persistence/booth-allocation.queries';
import {
  databaseNow,
  drawEntriesOf,
  drawOf,
  holdForDrawnRequest,
  isDrawn,
  lockRequestsForDraw,
  recordDraw,
  waitlistDrawnRequest,
} from '../infrastructure/persistence/lottery.queries';
import { BoothAllocation } from './booth-allocation';
import { assertRunsFair } from './registration-access';
import { fairOrThrow } from './fair-lookup';
import { inTransaction } from '@kc/persistence';

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
      const now = await databaseNow(manager);
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
      if (await isDrawn(manager, fairId)) {
        throw new ConflictError(
          { vi: 'Hội chợ này đã bốc thăm', en: 'The lottery of this fair has already been drawn' },
          'lottery.already-drawn',
        );
      }
      await this.allocation.releaseDueQuotas(manager, fairId);
      const requests = await lockRequestsForDraw(manager, fairId);
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
          await holdForDrawnRequest(manager, registration.id, hold);
          await this.allocation.recordHold(manager, registration, hold, false);
          outcomes.push('held');
        } else {
          const position = await nextWaitlistPosition(manager, fairId);
          await waitlistDrawnRequest(manager, registration.id, position);
          await this.allocation.recordWaitlisted(manager, { ...registration, position });
          outcomes.push('waitlisted');
        }
      }
      const digest = drawDigest(order);
      const drawnAt = await recordDraw(manager, {
        fairId,
        seed,
        algorithm: LOTTERY_ALGORITHM,
        awardPriority: fair.awardPriority,
        digest,
        entries: order,
        outcomes,
      });
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
          drawnAt: drawnAt.toISOString(),
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
    const lottery = await drawOf(this.dataSource.manager, fairId);
    if (!lottery) {
      throw new NotFoundError(
        { vi: 'Hội chợ này chưa bốc thăm', en: 'The lottery of this fair has not been drawn yet' },
        'lottery.not-drawn',
      );
    }
    const entries: LotteryView['entries'] = (await drawEntriesOf(this.dataSource.manager, fairId)).map(
      (e) => ({
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
      drawnAt: lottery.drawn_at.toISOString(),
      entries,
    };
  }
}
