import { EventPattern } from '@nestjs/microservices';
import { EVENT_CATALOG, type EventDefinition, type EventEnvelope, type PayloadOf } from '@kc/contracts';

/** The Nest pattern of one event version: a handler is found by type and version, never by type alone. */
export const eventPattern = ({ type, version }: Pick<EventDefinition, 'type' | 'version'>): string =>
  `${type}@v${version}`;

const byPattern = new Map(EVENT_CATALOG.map((d) => [eventPattern(d), d]));

/** The catalog entry a handler pattern names; anything else (a bare `@EventPattern`) is a boot-time error. */
export function definitionOfPattern(pattern: string): EventDefinition {
  const definition = byPattern.get(pattern);
  if (!definition) {
    throw new Error(`event handler pattern '${pattern}' names no event version in the contracts catalog`);
  }
  return definition;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Binds a handler to event versions of the contracts catalog: `@OnEvent(fairCreatedV2)` receives v2 envelopes
 * and nothing else; `@OnEvent(xV1, xV2)` receives either. The handler's first parameter must be
 * `EventEnvelope<PayloadOf<typeof definition>>` (a union for several), checked at compile time.
 */
export function OnEvent<const Ds extends readonly [EventDefinition, ...EventDefinition[]]>(
  ...definitions: Ds
) {
  type Envelope = EventEnvelope<PayloadOf<Ds[number]>>;
  const patterns = definitions.map(eventPattern);
  return <M extends (...args: never[]) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M> &
      (Same<Parameters<M>[0], Envelope> extends true
        ? unknown
        : { 'the envelope parameter must be EventEnvelope<PayloadOf<typeof definition>>': Envelope }),
  ): void => {
    EventPattern(patterns)(target, key, descriptor);
  };
}
