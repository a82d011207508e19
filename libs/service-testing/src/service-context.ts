import type { Principal } from '@kc/contracts';
import type { Caller } from './caller';
import { connectDatabase, deferredDatabase, type ConnectedDatabase, type TestDatabase } from './database';
import type { BootedService } from './service-harness';

/** Booting runs migrations and joins consumer groups: slower than one test. */
const BOOT_TIMEOUT_MS = 120_000;

/** What every integration test of a service starts from. */
export interface ServiceContext<S extends BootedService = BootedService> {
  /** The booted service, from the context's beforeAll on: read it in hooks and tests, not when destructuring. */
  readonly service: S;
  /** The service's own database, connected while the service runs. */
  readonly db: TestDatabase;
  /** HTTP calls to the service as `principal`. */
  as(principal: Principal): Caller;
}

/**
 * Registers a beforeAll that boots the service (`boot`) and connects its database, and an afterAll that closes
 * both; returns the context, with the service's givens (`givens(context)`) on it. Call it at the top of a
 * describe; the context is usable from the beforeAll hooks declared after it.
 */
export function useServiceContext<S extends BootedService, G extends object = object>(
  boot: () => Promise<S>,
  givens?: (context: ServiceContext<S>) => G,
): ServiceContext<S> & G {
  let service: S | undefined;
  let database: ConnectedDatabase | undefined;
  const booted = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('the service context is used before its beforeAll booted the service');
    return value;
  };
  const context: ServiceContext<S> = {
    get service() {
      return booted(service);
    },
    db: deferredDatabase(() => booted(database)),
    as: (principal) => booted(service).as(principal),
  };

  beforeAll(async () => {
    service = await boot();
    database = await connectDatabase(service.databaseUrl);
  }, BOOT_TIMEOUT_MS);

  afterAll(async () => {
    await database?.close();
    await service?.close();
  });

  return Object.assign(context, givens?.(context));
}
