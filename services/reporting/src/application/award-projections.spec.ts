import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';
import { PermanentHandlerError, type OutboxWriter } from '@kc/messaging';
import { AwardProjectionsService } from './award-projections.service';

const ROUND_ID = '1d2c3b4a-5968-4776-a5b4-c3d2e1f0a9b8';
const ENTRY_ID = '0b8f6e2a-5c3d-4a1e-8f9b-7c6d5e4f3a2b';
const NOMINATION_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

function envelope<P>(type: string, aggregateId: string, provinceCode: string | null, payload: P) {
  return {
    id: '12f7e648-7f96-426f-a45b-91b6e07f23a6',
    type,
    version: 1,
    occurredAt: '2025-10-20T09:00:00.000+07:00',
    producer: 'awards',
    aggregateId,
    provinceCode,
    actor: { kind: 'user', id: 'cuc.canbo', role: 'central-officer' },
    correlationId: '3b1f0c2e-5d7a-4a51-9f0e-1c2d3e4f5a6b',
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

const entryPayload = {
  entryId: ENTRY_ID,
  roundId: ROUND_ID,
  level: 'national' as const,
  roundYear: 2025,
  provinceCode: '36',
  productGroup: 'handicraft' as const,
  submittedOn: '2025-04-12',
};
const entry = (over: Partial<typeof entryPayload> = {}) =>
  envelope('awards.entry.submitted', ENTRY_ID, '36', { ...entryPayload, ...over });

type Row = {
  provinceCode: string;
  productGroup: 'handicraft' | 'agro-food';
  entries: number;
  passed: number;
};
const resultPayload = {
  roundId: ROUND_ID,
  level: 'national' as const,
  year: 2025,
  provinceCode: null,
  regionCode: null,
  localUnitCode: null,
  announcedOn: '2025-10-20',
  resultSha256: '4f2b0c6a9e1d3b5a7c9e0f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e',
  groups: [
    { productGroup: 'handicraft' as const, entries: 3, passed: 2 },
    { productGroup: 'agro-food' as const, entries: 1, passed: 0 },
  ],
  provinces: [
    // Nam Định's entry was made before 1 July 2025; Nghệ An (40) kept its code.
    { provinceCode: '36', productGroup: 'handicraft', entries: 1, passed: 1 },
    { provinceCode: '40', productGroup: 'handicraft', entries: 2, passed: 1 },
    { provinceCode: '40', productGroup: 'agro-food', entries: 1, passed: 0 },
    { provinceCode: '01', productGroup: 'agro-food', entries: 0, passed: 0 },
  ] as Row[],
};
const result = (over: Partial<typeof resultPayload> = {}) =>
  envelope('awards.round.result-published', ROUND_ID, null, { ...resultPayload, ...over });

const titlePayload = {
  nominationId: NOMINATION_ID,
  title: 'people' as const,
  provinceCode: '36',
  year: 2025,
  conferredOn: '2025-08-28',
};
const title = (over: Partial<typeof titlePayload> = {}) =>
  envelope('awards.artisan.title-conferred', NOMINATION_ID, '36', { ...titlePayload, ...over });

/** A manager that records the writes, in order. */
function fakeManager() {
  const writes: [string, ...unknown[]][] = [];
  const manager = {
    upsert: async (_entity: unknown, values: unknown, conflict: unknown) => {
      writes.push(['upsert', values, conflict]);
    },
    delete: async (_entity: unknown, where: unknown) => {
      writes.push(['delete', where]);
    },
    insert: async (_entity: unknown, values: unknown) => {
      writes.push(['insert', values]);
    },
  } as unknown as EntityManager;
  return { manager, writes };
}

function service() {
  const audit = jest.fn().mockResolvedValue(undefined);
  return { awards: new AwardProjectionsService({ audit } as unknown as OutboxWriter), audit };
}

describe('award projections', () => {
  it('keeps an entry with the code it was made under, and audits it', async () => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    await awards.entrySubmitted(manager, entry());
    expect(writes).toEqual([['upsert', entryPayload, ['entryId']]]);
    expect(audit).toHaveBeenCalledWith(manager, {
      action: 'projection.update',
      resourceType: 'award-entry-projection',
      resourceId: ENTRY_ID,
      provinceCode: '36',
      summary:
        'Cập nhật số liệu báo cáo: sản phẩm tham gia bình chọn cấp quốc gia năm 2025 ' +
        '(nhóm Thủ công mỹ nghệ), nộp ngày 12/04/2025',
    });
  });

  it('parks an entry whose code named no unit on the day of entry', async () => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    // Nam Định (36) ended on 30/06/2025.
    await expect(awards.entrySubmitted(manager, entry({ submittedOn: '2025-07-01' }))).rejects.toThrow(
      PermanentHandlerError,
    );
    expect(writes).toEqual([]);
    expect(audit).not.toHaveBeenCalled();
  });

  it("replaces a round's result rows, each code read by the announcement at the latest", async () => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    await awards.resultPublished(manager, result());
    const row = { roundId: ROUND_ID, level: 'national', year: 2025, announcedOn: '2025-10-20' };
    expect(writes).toEqual([
      ['delete', { roundId: ROUND_ID }],
      [
        'insert',
        [
          {
            ...row,
            provinceCode: '36',
            productGroup: 'handicraft',
            provinceAsOf: '2025-06-30',
            entries: 1,
            passed: 1,
          },
          {
            ...row,
            provinceCode: '40',
            productGroup: 'handicraft',
            provinceAsOf: '2025-10-20',
            entries: 2,
            passed: 1,
          },
          {
            ...row,
            provinceCode: '40',
            productGroup: 'agro-food',
            provinceAsOf: '2025-10-20',
            entries: 1,
            passed: 0,
          },
        ],
      ],
    ]);
    expect(audit).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({
        resourceType: 'award-result-projection',
        resourceId: ROUND_ID,
        provinceCode: null,
        summary:
          'Cập nhật số liệu báo cáo: kết quả đợt bình chọn cấp quốc gia năm 2025 công bố ngày 20/10/2025: ' +
          '2 sản phẩm đạt trong 4 sản phẩm tham gia',
      }),
    );
  });

  it('clears the rows of a round whose result has no entrant', async () => {
    const { awards } = service();
    const { manager, writes } = fakeManager();
    await awards.resultPublished(manager, result({ groups: [], provinces: [] }));
    expect(writes).toEqual([['delete', { roundId: ROUND_ID }]]);
  });

  it.each([
    [
      'rows that do not add up to the groups',
      { provinces: resultPayload.provinces.slice(1) },
      'group handicraft has 3 entries and 2 passes, its province rows 2 and 1',
    ],
    [
      'a code that had named no unit by the announcement',
      {
        groups: [{ productGroup: 'handicraft' as const, entries: 1, passed: 1 }],
        provinces: [{ provinceCode: '99', productGroup: 'handicraft' as const, entries: 1, passed: 1 }],
      },
      'province code 99 named no provincial unit by 2025-10-20',
    ],
  ])('parks a result with %s', async (_case, over, message) => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    const error = await awards.resultPublished(manager, result(over)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentHandlerError);
    expect((error as Error).message).toContain(message);
    expect(writes).toEqual([]);
    expect(audit).not.toHaveBeenCalled();
  });

  it("reads an artisan's nominating code on the last day up to the conferral it named a unit", async () => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    await awards.titleConferred(manager, title());
    expect(writes).toEqual([['upsert', { ...titlePayload, provinceAsOf: '2025-06-30' }, ['nominationId']]]);
    await awards.titleConferred(manager, title({ provinceCode: '37' }));
    expect(writes[1]).toEqual([
      'upsert',
      { ...titlePayload, provinceCode: '37', provinceAsOf: '2025-08-28' },
      ['nominationId'],
    ]);
    expect(audit).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({
        resourceType: 'artisan-title-projection',
        resourceId: NOMINATION_ID,
        summary: 'Cập nhật số liệu báo cáo: danh hiệu Nghệ nhân nhân dân được phong tặng ngày 28/08/2025',
      }),
    );
  });

  it.each([
    ['a year other than its decision date', { year: 2024 }],
    ['a code that had named no unit by the conferral', { provinceCode: '99' }],
  ])('parks a title with %s', async (_case, over) => {
    const { awards, audit } = service();
    const { manager, writes } = fakeManager();
    await expect(awards.titleConferred(manager, title(over))).rejects.toThrow(PermanentHandlerError);
    expect(writes).toEqual([]);
    expect(audit).not.toHaveBeenCalled();
  });
});
