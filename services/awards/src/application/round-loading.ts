import type { Principal } from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import { sql } from '@kc/persistence';
import type { EntityManager } from 'typeorm';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { isJuror, maySeeRound } from './round-access';

export const roundNotFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có vòng bình chọn ${id}`, en: `Award round ${id} does not exist` },
    'award-round.not-found',
  );

/**
 * How a use case holds the round while it works: `update` for what changes the round or its panels (moves,
 * councils, recusals, publication), `share` for sheets (many at once, none while the round moves on).
 */
export type RoundLock = 'none' | 'share' | 'update';

export async function findRound(
  manager: EntityManager,
  id: string,
  lock: RoundLock = 'none',
): Promise<AwardRoundEntity | null> {
  return manager.getRepository(AwardRoundEntity).findOne({
    where: { id },
    ...(lock === 'none'
      ? {}
      : { lock: { mode: lock === 'update' ? 'pessimistic_write' : 'pessimistic_read' } }),
  });
}

/** Whether the user is on the round's jury, or substitutes for one of its entries. */
export async function sitsOnRound(manager: EntityManager, roundId: string, userId: string): Promise<boolean> {
  const [row] = await sql<{ sits: boolean }>(
    manager,
    `SELECT EXISTS (SELECT 1 FROM award_jury_member WHERE round_id = $1 AND user_id = $2)
         OR EXISTS (SELECT 1 FROM award_substitution WHERE round_id = $1 AND substitute_id = $2) AS sits`,
    [roundId, userId],
  );
  return row.sits;
}

/** The round, if the caller may see it; otherwise 404, as for a round that does not exist. */
export async function visibleRound(
  manager: EntityManager,
  principal: Principal,
  id: string,
  lock: RoundLock = 'none',
): Promise<AwardRoundEntity> {
  const round = await findRound(manager, id, lock);
  const sits = round !== null && isJuror(principal) && (await sitsOnRound(manager, id, principal.id));
  if (!round || !maySeeRound(principal, round, sits)) throw roundNotFound(id);
  return round;
}

/**
 * The round for a juror's work in it: 404 if it does not exist, 403 if the caller is not on its jury nor
 * substitutes in it (they have nothing to do there).
 */
export async function roundOfJuror(
  manager: EntityManager,
  principal: Principal,
  id: string,
  lock: RoundLock = 'none',
): Promise<AwardRoundEntity> {
  const round = await findRound(manager, id, lock);
  if (!round) throw roundNotFound(id);
  if (!(await sitsOnRound(manager, id, principal.id))) {
    throw new ForbiddenError(
      {
        vi: 'Bạn không thuộc ban giám khảo của vòng bình chọn này',
        en: 'You are not on the jury of this award round',
      },
      'award-jury.not-a-member',
    );
  }
  return round;
}

/** Whether the caller is the round's council secretary. */
export const isSecretary = (principal: Principal, round: AwardRoundEntity) =>
  round.secretaryUserId !== null && round.secretaryUserId === principal.id;
