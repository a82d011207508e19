import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { currentPrincipal } from '@kc/auth';
import {
  ROLE_LABELS,
  type CreateUserRequest,
  type ListUsersQuery,
  type UpdateUserRequest,
  type UserPage,
  type UserView,
} from '@kc/contracts';
import { ConflictError, NotFoundError, RuleViolationError, UnavailableError } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { vietnamDate } from '@kc/reference-data';
import {
  assertNotSelfLockout,
  assertProfileFits,
  assertRoleChangeLeavesNoBindings,
  endsSessions,
  type UserProfile,
} from '../../domain/identity/user-profile';
import { IssuedTokens, type LiveToken } from '../../infrastructure/identity/issued-tokens.store';
import { PasswordHasher } from '../../infrastructure/identity/password-hasher';
import { RefreshTokens } from '../../infrastructure/identity/refresh-tokens.store';
import { Revocations } from '../../infrastructure/identity/revocations.store';
import { AppUserEntity } from '../../infrastructure/persistence/identity.entities';
import { UpstreamClient, type Upstream } from '../../infrastructure/upstream/upstream-client';
import { AuditTrail } from '../audit/audit-trail';
import { Clock } from '../clock';
import { normaliseUsername } from './auth.service';

const toView = (u: AppUserEntity): UserView => ({
  id: u.id,
  username: u.username,
  role: u.role,
  roleLabel: ROLE_LABELS[u.role],
  provinceCode: u.provinceCode,
  fairIds: u.fairIds,
  facilityTaxCode: u.facilityTaxCode,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
});

const profileOf = (u: AppUserEntity): UserProfile => ({
  role: u.role,
  provinceCode: u.provinceCode,
  facilityTaxCode: u.facilityTaxCode,
  fairIds: u.fairIds,
  disabled: u.disabled,
});

const unique = (ids: readonly string[] = []) => [...new Set(ids.map((id) => id.toLowerCase()))];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));
const unitOf = (code: string | null) => (code ? `, đơn vị ${code}` : '');

/** Fairs are trade-fairs' to know: a fair organiser is bound only to fairs it answers for. */
const FAIR_OWNER: Upstream = 'trade-fairs';

/**
 * People of the built-in identity provider, managed by central admins: listing, creation, role, unit,
 * facility, disabling, and the fairs a fair organiser runs. Every change is audited in its transaction; a
 * change that makes a person's tokens wrong revokes them at once. (A juror's rounds are awards' juries.)
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly refreshTokens: RefreshTokens,
    private readonly revocations: Revocations,
    private readonly issuedTokens: IssuedTokens,
    private readonly upstream: UpstreamClient,
    private readonly clock: Clock,
  ) {}

  async list(query: ListUsersQuery): Promise<UserPage> {
    const builder = this.dataSource.getRepository(AppUserEntity).createQueryBuilder('u');
    if (query.role) builder.andWhere('u.role = :role', { role: query.role });
    if (query.provinceCode) builder.andWhere('u.provinceCode = :province', { province: query.provinceCode });
    if (query.disabled !== undefined)
      builder.andWhere('u.disabled = :disabled', { disabled: query.disabled });
    if (query.username) {
      const part = query.username.replace(/[\\%_]/g, '\\$&');
      builder.andWhere('u.username LIKE :pattern', { pattern: `%${part}%` });
    }
    const [rows, total] = await builder
      .orderBy('u.username')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map(toView), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<UserView> {
    return toView(await this.find(this.dataSource.manager, id));
  }

  async create(request: CreateUserRequest): Promise<UserView> {
    const profile: UserProfile = {
      role: request.role,
      provinceCode: request.provinceCode ?? null,
      facilityTaxCode: request.facilityTaxCode ?? null,
      fairIds: unique(request.fairIds),
      disabled: false,
    };
    assertProfileFits(profile, this.today());
    await this.assertFairsExist(profile.fairIds);
    const user: AppUserEntity = {
      id: randomUUID(),
      username: normaliseUsername(request.username),
      passwordHash: await this.hasher.hash(request.password),
      ...profile,
      fairIds: [...profile.fairIds],
      passwordChangedAt: new Date(),
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AppUserEntity)
        .values(user)
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) {
        throw new ConflictError(
          { vi: `Tên đăng nhập ${user.username} đã có người dùng`, en: `username ${user.username} is taken` },
          'user.username-taken',
          'body.username',
        );
      }
      await this.audit.record(manager, {
        action: 'user.created',
        resourceType: 'user',
        resourceId: user.id,
        provinceCode: user.provinceCode,
        summary: `Tạo tài khoản ${user.username} (${ROLE_LABELS[user.role]}${unitOf(user.provinceCode)})`,
      });
    });
    return toView(user);
  }

  async update(id: string, patch: UpdateUserRequest): Promise<UserView> {
    assertNotSelfLockout(currentPrincipal().id, id, patch);
    const { user, ended } = await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      const before = profileOf(current);
      const after: UserProfile = {
        ...before,
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
      };
      assertRoleChangeLeavesNoBindings(before, after.role);
      assertProfileFits(after, this.today(), after.provinceCode !== before.provinceCode);
      const changes = describeChanges(before, after);
      if (changes.length > 0) {
        const { role, provinceCode, facilityTaxCode, disabled } = after;
        await manager.update(AppUserEntity, { id }, { role, provinceCode, facilityTaxCode, disabled });
        await this.audit.record(manager, {
          action: actionOf(before, after),
          resourceType: 'user',
          resourceId: id,
          provinceCode: after.provinceCode ?? before.provinceCode,
          summary: `Cập nhật tài khoản ${current.username}: ${changes.join('; ')}`,
        });
      }
      // A disabled account is revoked again on every PATCH: a retry finishes what a failed one began.
      const ended = endsSessions(before, after) ? await this.issuedTokens.revokeAll(manager, id) : null;
      return { user: { ...current, ...after } as AppUserEntity, ended };
    });
    if (ended) await this.endSessions(id, ended);
    return toView(user);
  }

  /** Replaces the set of fairs a fair organiser runs. */
  async bindFairs(id: string, given: readonly string[]): Promise<UserView> {
    const fairIds = unique(given);
    const assertOrganiser = (user: AppUserEntity) => {
      if (user.role !== 'fair-organizer') {
        throw new RuleViolationError(
          {
            vi: `Chỉ ${ROLE_LABELS['fair-organizer'].toLowerCase()} được gắn với hội chợ`,
            en: `only a fair-organizer is bound to fairs; ${user.username} is a ${user.role}`,
          },
          'user.not-fair-organizer',
          'body.fairIds',
        );
      }
    };
    assertOrganiser(await this.find(this.dataSource.manager, id));
    await this.assertFairsExist(fairIds);
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, id, true);
      assertOrganiser(current);
      if (sameSet(current.fairIds, fairIds)) return current;
      await manager.update(AppUserEntity, { id }, { fairIds });
      await this.audit.record(manager, {
        action: 'user.fairs-bound',
        resourceType: 'user',
        resourceId: id,
        provinceCode: null,
        summary:
          `Gắn tài khoản ${current.username} với ${fairIds.length} hội chợ` +
          (fairIds.length > 0 ? `: ${fairIds.join(', ')}` : ''),
      });
      return { ...current, fairIds };
    });
    return toView(user);
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<AppUserEntity> {
    const user = await manager.findOne(AppUserEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!user) {
      throw new NotFoundError({ vi: `Không có tài khoản ${id}`, en: `no user ${id}` }, 'user.not-found');
    }
    return user;
  }

  /**
   * Each bound fair exists: asked of trade-fairs, as the caller (an admin sees every one). An unknown id is a
   * 422 naming its place in the list; an owner that cannot answer, a 503.
   */
  private async assertFairsExist(ids: readonly string[]): Promise<void> {
    const token = currentContext()?.accessToken;
    const statuses = await Promise.all(
      ids.map(
        async (id) =>
          (
            await this.upstream.send(FAIR_OWNER, {
              method: 'GET',
              path: `/api/v1/fairs/${id}`,
              authorization: token ? `Bearer ${token}` : undefined,
            })
          ).status,
      ),
    );
    const unknown = statuses.findIndex((status) => status === 404);
    if (unknown >= 0) {
      throw new RuleViolationError(
        {
          vi: `Không có hội chợ ${ids[unknown]}`,
          en: `no fair ${ids[unknown]} at the ${FAIR_OWNER} service`,
        },
        'user.unknown-fair',
        `body.fairIds[${unknown}]`,
      );
    }
    if (statuses.some((status) => status < 200 || status >= 300)) {
      throw new UnavailableError(
        {
          vi: `Chưa xác nhận được hội chợ với dịch vụ ${FAIR_OWNER}; thử lại sau`,
          en: `the ${FAIR_OWNER} service could not confirm the fairs; retry shortly`,
        },
        'consistency.owner-unreachable',
        'body.fairIds',
        2,
      );
    }
  }

  /** Refresh tokens end, and every live access token is refused here and at the services (by jti). */
  private async endSessions(id: string, tokens: LiveToken[]): Promise<void> {
    await this.refreshTokens.revokeAll(id);
    for (const token of tokens) await this.revocations.revokeToken(token.jti, token.expiresAt);
  }

  private today(): string {
    return vietnamDate(this.clock.now());
  }
}

/** What a PATCH changed, in Vietnamese, for the audit summary. */
function describeChanges(before: UserProfile, after: UserProfile): string[] {
  const changes: string[] = [];
  if (before.role !== after.role)
    changes.push(`vai trò ${ROLE_LABELS[before.role]} → ${ROLE_LABELS[after.role]}`);
  if (before.provinceCode !== after.provinceCode) {
    changes.push(`đơn vị ${before.provinceCode ?? '—'} → ${after.provinceCode ?? '—'}`);
  }
  if (before.facilityTaxCode !== after.facilityTaxCode) {
    changes.push(`mã số thuế ${before.facilityTaxCode ?? '—'} → ${after.facilityTaxCode ?? '—'}`);
  }
  if (before.disabled !== after.disabled)
    changes.push(after.disabled ? 'khóa tài khoản' : 'mở khóa tài khoản');
  return changes;
}

const actionOf = (before: UserProfile, after: UserProfile) =>
  after.disabled && !before.disabled
    ? 'user.disabled'
    : before.disabled && !after.disabled
      ? 'user.enabled'
      : 'user.updated';
