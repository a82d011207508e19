import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type ChangePasswordRequest,
  type LoginRequest,
  type Principal,
  type TokenResponse,
} from '@kc/contracts';
import { ForbiddenError, RuleViolationError, UnauthenticatedError } from '@kc/errors';
import { actorOf, currentContext } from '@kc/observability';
import { gateAttempt } from '../../domain/identity/login-throttle';
import { userPrincipal } from '../../domain/identity/principals';
import { IssuedTokens } from '../../infrastructure/identity/issued-tokens.store';
import { LoginAttempts } from '../../infrastructure/identity/login-attempts.store';
import { PasswordHasher } from '../../infrastructure/identity/password-hasher';
import { RefreshTokens } from '../../infrastructure/identity/refresh-tokens.store';
import { Revocations } from '../../infrastructure/identity/revocations.store';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { AppUserEntity } from '../../infrastructure/persistence/identity.entities';
import { AuditTrail } from '../audit/audit-trail';
import { EdgeCredentials } from './edge-credentials';
import { OidcSignIn } from './oidc-sign-in.service';
import { TooManyRequestsError } from '../too-many-requests';

const INVALID_CREDENTIALS = {
  vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
  en: 'the username or the password is wrong',
};
const INVALID_REFRESH_TOKEN = { vi: 'Mã làm mới không hợp lệ', en: 'the refresh token is not valid' };

/** Usernames are case-insensitive: `SCT.40` is `sct.40`. */
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

/** The built-in identity provider: login, refresh, logout and password change for people. */
@Injectable()
export class AuthService {
  private readonly log = new Logger('AuthService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly attempts: LoginAttempts,
    private readonly refreshTokens: RefreshTokens,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditTrail,
    private readonly edge: EdgeCredentials,
    private readonly revocations: Revocations,
    private readonly issuedTokens: IssuedTokens,
    private readonly oidcSignIn: OidcSignIn,
  ) {}

  private users() {
    return this.dataSource.getRepository(AppUserEntity);
  }

  async login({ username: given, password }: LoginRequest): Promise<TokenResponse> {
    const username = normaliseUsername(given);
    const ip = currentContext()?.origin?.ip ?? 'unknown';
    // A locked attempt stops here: no lookup, no password hash, whatever password it carries.
    await this.refuseIfLocked(username, ip);

    const user = await this.users().findOneBy({ username });
    // No such user, or disabled: the same argon2 work against a dummy hash, then the same answer.
    const valid = await this.hasher.verify(user && !user.disabled ? user.passwordHash : null, password);
    if (!valid || !user) {
      const locked = await this.attempts.recordFailure(username, ip);
      this.log.warn({ msg: 'failed login', username, ip, ...locked });
      throw new UnauthenticatedError(INVALID_CREDENTIALS, 'auth.invalid-credentials');
    }
    await this.attempts.succeeded(username, ip);

    const principal = userPrincipal(user);
    const tokens = await this.tokensFor(principal, await this.refreshTokens.issue(user.id));
    await this.audit.record(
      this.dataSource.manager,
      {
        action: 'user.login',
        resourceType: 'user',
        resourceId: user.id,
        provinceCode: null,
        summary: `Đăng nhập: ${username}`,
      },
      actorOf(principal),
    );
    return tokens;
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const rotation = await this.refreshTokens.rotate(refreshToken, (external) =>
      this.oidcSignIn.renew(external),
    );
    if (rotation.outcome === 'reused') {
      this.log.warn({ msg: 'a used refresh token came back: all of its user’s sessions were revoked' });
    }
    if (rotation.outcome !== 'rotated') {
      throw new UnauthenticatedError(INVALID_REFRESH_TOKEN, 'auth.invalid-refresh-token');
    }
    if (rotation.external)
      return this.oidcSignIn.tokensFor(rotation.external.principal, rotation.refreshToken);
    const user = await this.users().findOneBy({ id: rotation.userId });
    if (!user || user.disabled) {
      await this.refreshTokens.revokeAll(rotation.userId);
      throw new UnauthenticatedError(INVALID_REFRESH_TOKEN, 'auth.invalid-refresh-token');
    }
    return this.tokensFor(userPrincipal(user), rotation.refreshToken);
  }

  /** Revokes the access token until it would have expired anyway, and the refresh token if given. */
  async logout(caller: Principal & { jti: string; exp: number }, refreshToken?: string): Promise<void> {
    await this.revocations.revokeToken(caller.jti, caller.exp);
    this.edge.forgetToken(caller.jti);
    if (refreshToken && caller.kind === 'user') await this.refreshTokens.revoke(caller.id, refreshToken);
    await this.audit.record(this.dataSource.manager, {
      action: caller.kind === 'user' ? 'user.logout' : 'api-client.token-revoke',
      resourceType: caller.kind === 'user' ? 'user' : 'api-client',
      resourceId: caller.id,
      provinceCode: null,
      summary: `Đăng xuất: ${caller.name}`,
    });
  }

  /** Needs the current password (throttled like a login); every refresh token of the user is revoked. */
  async changePassword(
    caller: Principal,
    { currentPassword, newPassword }: ChangePasswordRequest,
  ): Promise<void> {
    const user = caller.kind === 'user' ? await this.users().findOneBy({ id: caller.id }) : null;
    if (!user) {
      throw new ForbiddenError(
        {
          vi: 'Chỉ tài khoản của hệ thống định danh tích hợp mới có mật khẩu tại đây',
          en: 'only accounts of the built-in identity provider have a password here',
        },
        'auth.no-local-password',
      );
    }
    const ip = currentContext()?.origin?.ip ?? 'unknown';
    await this.refuseIfLocked(user.username, ip);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.attempts.recordFailure(user.username, ip);
      throw new RuleViolationError(
        { vi: 'Mật khẩu hiện tại không đúng', en: 'the current password is wrong' },
        'auth.wrong-password',
        'body.currentPassword',
      );
    }
    if (newPassword === currentPassword) {
      throw new RuleViolationError(
        {
          vi: 'Mật khẩu mới phải khác mật khẩu hiện tại',
          en: 'the new password must differ from the current one',
        },
        'auth.same-password',
        'body.newPassword',
      );
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(AppUserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.audit.record(manager, {
        action: 'user.password-change',
        resourceType: 'user',
        resourceId: user.id,
        provinceCode: null,
        summary: `Đổi mật khẩu: ${user.username}`,
      });
    });
    await this.refreshTokens.revokeAll(user.id);
  }

  private async refuseIfLocked(username: string, ip: string): Promise<void> {
    const gate = gateAttempt(await this.attempts.locks(username, ip));
    if (gate.verdict === 'locked') {
      this.log.warn({ msg: 'login refused: locked', username, ip, lockedBy: gate.lockedBy });
      throw new TooManyRequestsError(
        'auth.locked',
        gate.lockedBy === 'account'
          ? {
              vi: 'Tài khoản này đăng nhập sai quá nhiều lần từ địa chỉ này: hãy thử lại sau.',
              en: 'Too many failed logins for this account from this address: try again later.',
            }
          : {
              vi: 'Địa chỉ này đăng nhập sai quá nhiều lần: hãy thử lại sau.',
              en: 'Too many failed logins from this address: try again later.',
            },
        gate.retryAfterSeconds,
      );
    }
  }

  private async tokensFor(principal: Principal, refreshToken: string): Promise<TokenResponse> {
    const access = await this.issuer.issue(principal);
    // Recorded so that disabling the account (or changing its role) revokes it; refused if that just happened.
    if (!(await this.issuedTokens.track(principal, access))) {
      await this.refreshTokens.revokeAll(principal.id);
      throw new UnauthenticatedError(
        { vi: 'Tài khoản vừa thay đổi; hãy đăng nhập lại', en: 'the account has just changed; log in again' },
        'auth.account-changed',
      );
    }
    return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn, refreshToken };
  }
}
