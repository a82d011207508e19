import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';
import { PermanentHandlerError, type OutboxWriter } from '@kc/messaging';
import { ProjectionsService } from './projections.service';

const FAIR_ID = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const REGISTRATION_ID = '5b0c6a1e-2f3d-4e8a-9c7b-1d2e3f4a5b6c';
const fair = { fairId: FAIR_ID, name: 'Hội chợ khu vực phía Bắc 2026', year: 2026, startDate: '2026-05-16' };

function envelope<P>(type: string, payload: P): EventEnvelope<P> {
  return {
    id: '12f7e648-7f96-426f-a45b-91b6e07f23a6',
    type,
    version: 1,
    occurredAt: '2026-04-01T08:00:02.000+07:00',
    producer: 'trade-fairs',
    aggregateId: FAIR_ID,
    provinceCode: '40',
    actor: { kind: 'system', id: 'platform' },
    correlationId: '3b1f0c2e-5d7a-4a51-9f0e-1c2d3e4f5a6b',
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

/** A manager that records the booth row written and answers the fair lookup and updates as told. */
function fakeManager(o: { fairKnown?: boolean; rowExists?: boolean } = {}) {
  const inserts: { values: unknown; onConflict: string }[] = [];
  const insert = { values: undefined as unknown, onConflict: '' };
  const builder = {
    insert: () => builder,
    into: () => builder,
    values: (v: unknown) => ((insert.values = v), builder),
    orIgnore: () => ((insert.onConflict = 'ignore'), builder),
    orUpdate: (columns: string[]) => ((insert.onConflict = `update ${columns.join(',')}`), builder),
    execute: async () => inserts.push({ ...insert }),
  };
  const update = jest.fn().mockResolvedValue({ affected: o.rowExists === false ? 0 : 1 });
  const manager = {
    findOneBy: jest.fn().mockResolvedValue(o.fairKnown === false ? null : fair),
    createQueryBuilder: () => builder,
    update,
  } as unknown as EntityManager;
  return { manager, inserts, update };
}

function service() {
  const audit = jest.fn().mockResolvedValue(undefined);
  return { projections: new ProjectionsService({ audit } as unknown as OutboxWriter), audit };
}

const allocated = envelope('trade-fairs.booth.allocated', {
  fairId: FAIR_ID,
  registrationId: REGISTRATION_ID,
  facilityTaxCode: '2900123456',
  provinceCode: '40',
  boothCodes: ['A-001', 'A-002'],
  rentVnd: 26_000_000,
});
const certified = envelope('trade-fairs.registration.certified', {
  ...allocated.payload,
  supportVnd: 20_800_000,
});
const cancelled = (previousState: 'held' | 'allocated' | 'waitlisted') =>
  envelope('trade-fairs.registration.cancelled', {
    fairId: FAIR_ID,
    registrationId: REGISTRATION_ID,
    facilityTaxCode: '2900123456',
    provinceCode: '40',
    previousState,
    freedBoothCodes: ['A-001', 'A-002'],
    reason: 'Cơ sở không thu xếp được hàng trưng bày',
  });

describe('booth projection', () => {
  it("records an allocation under the fair's year, the code read on its opening day, once", async () => {
    const { projections, audit } = service();
    const { manager, inserts } = fakeManager();
    await projections.boothAllocated(manager, allocated);
    expect(inserts).toEqual([
      {
        values: expect.objectContaining({
          registrationId: REGISTRATION_ID,
          fairYear: 2026,
          provinceCode: '40',
          provinceAsOf: '2026-05-16',
          boothCount: 2,
          rentVnd: 26_000_000,
        }),
        onConflict: 'ignore',
      },
    ]);
    expect(audit).toHaveBeenCalledTimes(1);
    expect(audit.mock.calls[0][1]).toMatchObject({
      resourceType: 'booth-projection',
      resourceId: REGISTRATION_ID,
    });
  });

  it('takes the support in on certification, over what the allocation wrote', async () => {
    const { projections, audit } = service();
    const { manager, inserts } = fakeManager();
    await projections.registrationCertified(manager, certified);
    expect(inserts[0].values).toMatchObject({ supportVnd: 20_800_000, boothCount: 2, fairYear: 2026 });
    expect(inserts[0].onConflict).toBe('update booth_count,rent_vnd,support_vnd,certified_at');
    expect(audit).toHaveBeenCalledTimes(1);
  });

  it('parks a booth fact of a fair it never saw, so a redrive replays both in order', async () => {
    const { projections, audit } = service();
    const { manager } = fakeManager({ fairKnown: false });
    await expect(projections.boothAllocated(manager, allocated)).rejects.toThrow(PermanentHandlerError);
    await expect(projections.registrationCertified(manager, certified)).rejects.toThrow(
      PermanentHandlerError,
    );
    expect(audit).not.toHaveBeenCalled();
  });

  it('stops counting a cancelled allocation', async () => {
    const { projections, audit } = service();
    const { manager, update } = fakeManager();
    await projections.registrationCancelled(manager, cancelled('allocated'));
    expect(update).toHaveBeenCalledWith(
      expect.anything(),
      { registrationId: REGISTRATION_ID },
      { cancelledAt: new Date('2026-04-01T01:00:02.000Z') },
    );
    expect(audit).toHaveBeenCalledTimes(1);
  });

  it('changes nothing for a registration cancelled before it had booths', async () => {
    const { projections, audit } = service();
    const { manager, update } = fakeManager();
    await projections.registrationCancelled(manager, cancelled('held'));
    await projections.registrationCancelled(manager, cancelled('waitlisted'));
    expect(update).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
  });

  it('parks the cancellation of an allocation it never projected', async () => {
    const { projections } = service();
    const { manager } = fakeManager({ rowExists: false });
    await expect(projections.registrationCancelled(manager, cancelled('allocated'))).rejects.toThrow(
      PermanentHandlerError,
    );
  });
});
