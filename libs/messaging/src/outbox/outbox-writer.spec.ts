import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assignmentDecidedV1, type PayloadOf } from '@kc/contracts';
import { OutboxWriter } from './outbox-writer';

const inTransaction = () => {
  const query = jest.fn().mockResolvedValue(undefined);
  return {
    manager: { queryRunner: { isTransactionActive: true }, query } as unknown as EntityManager,
    query,
  };
};

const decision = (allocations: number): PayloadOf<typeof assignmentDecidedV1> => ({
  decisionId: randomUUID(),
  planId: randomUUID(),
  planYear: 2030,
  number: '125/QĐ-BCT',
  signedOn: '2030-03-01',
  kind: 'initial',
  allocations: Array.from({ length: allocations }, () => ({
    projectId: randomUUID(),
    provinceCode: '40',
    fundingSource: 'KCQG' as const,
    amountVnd: 750_000_000,
    previousVnd: 0,
  })),
});

describe('the outbox writer', () => {
  it('records an event of the largest real size (500 allocations)', async () => {
    const { manager, query } = inTransaction();
    await new OutboxWriter('plans').append(manager, assignmentDecidedV1, {
      aggregateId: randomUUID(),
      provinceCode: null,
      payload: decision(500),
    });
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('refuses an event larger than every consumer accepts, so its transaction fails instead', async () => {
    const { manager, query } = inTransaction();
    await expect(
      new OutboxWriter('plans').append(manager, assignmentDecidedV1, {
        aggregateId: randomUUID(),
        provinceCode: null,
        payload: decision(2_000),
      }),
    ).rejects.toThrow(/plans\.assignment\.decided event of \d+ bytes exceeds the 262144-byte limit/);
    expect(query).not.toHaveBeenCalled();
  });
});
