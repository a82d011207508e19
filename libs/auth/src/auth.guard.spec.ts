import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Principal } from '@kc/contracts';
import { UnauthenticatedError } from '@kc/errors';
import { ACCESS_RULE, PUBLIC_ROUTE, type AccessRule } from './access-rule';
import { AuthGuard, type CredentialExchange } from './auth.guard';
import type { TokenVerifier } from './token-verifier';

const viewer: Principal = { kind: 'user', id: 'u1', name: 'xem', role: 'viewer', scopes: [] };

function contextFor(
  req: Partial<Request>,
  metadata: { rule?: AccessRule; isPublic?: boolean },
): ExecutionContext {
  const handler = () => undefined;
  if (metadata.rule) Reflect.defineMetadata(ACCESS_RULE, metadata.rule, handler);
  if (metadata.isPublic) Reflect.defineMetadata(PUBLIC_ROUTE, true, handler);
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ headers: {}, method: 'GET', path: '/x', ...req }) }),
  } as unknown as ExecutionContext;
}

describe('auth guard', () => {
  const verified: string[] = [];
  const verifier = {
    verify: async (token: string) => {
      verified.push(token);
      return { ...viewer, jti: 'j', exp: 1 };
    },
  } as unknown as TokenVerifier;
  const allViewers = { rule: { roles: ['viewer'] } as AccessRule };

  beforeEach(() => verified.splice(0));

  it('verifies the bearer token of a protected route', async () => {
    const guard = new AuthGuard(new Reflector(), verifier);
    const ctx = contextFor({ headers: { authorization: 'Bearer a.b.c' } }, allViewers);
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(verified).toEqual(['a.b.c']);
  });

  it('verifies the token an edge exchange gives for other credentials, instead of the bearer token', async () => {
    const exchange: CredentialExchange = { internalTokenFor: async () => 'x.y.z' };
    const guard = new AuthGuard(new Reflector(), verifier, exchange);
    await guard.canActivate(contextFor({ headers: { 'x-api-key': 'kc_...' } }, allViewers));
    expect(verified).toEqual(['x.y.z']);
  });

  it('falls back to the bearer token when the exchange has nothing to exchange', async () => {
    const guard = new AuthGuard(new Reflector(), verifier, { internalTokenFor: async () => undefined });
    await guard.canActivate(contextFor({ headers: { authorization: 'Bearer a.b.c' } }, allViewers));
    expect(verified).toEqual(['a.b.c']);
  });

  it('refuses a protected route without credentials, and asks nothing for a public one', async () => {
    const exchange = { internalTokenFor: jest.fn(async () => undefined) };
    const guard = new AuthGuard(new Reflector(), verifier, exchange);
    await expect(guard.canActivate(contextFor({}, allViewers))).rejects.toThrow(UnauthenticatedError);
    exchange.internalTokenFor.mockClear();
    await expect(guard.canActivate(contextFor({}, { isPublic: true }))).resolves.toBe(true);
    expect(exchange.internalTokenFor).not.toHaveBeenCalled();
  });
});
