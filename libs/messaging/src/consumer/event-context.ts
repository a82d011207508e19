import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What an @OnEvent handler receives with `@Ctx()`: the transaction its writes must use (the inbox row
 * is in it) and where the message came from.
 */
export class EventContext extends BaseRpcContext<[EventEnvelope, EntityManager, DeliveryInfo]> {
  get envelope(): EventEnvelope {
    return this.args[0];
  }
  get manager(): EntityManager {
    return this.args[1];
  }
  get delivery(): DeliveryInfo {
    return this.args[2];
  }
}
