import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';
import { PermanentHandlerError, type OutboxWriter } from '@kc/messaging';
import type { AwardCertificateProjection } from '../infrastructure/persistence/projection.entities';
import { ProjectionsService } from './projections.service';

const CERTIFICATE_ID = '7e3d2c1b-0a9f-4e8d-9c7b-6a5f4e3d2c1b';

function envelope<P>(type: string, payload: P): EventEnvelope<P> {
  return {
    id: '12f7e648-7f96-426f-a45b-91b6e07f23a6',
    type,
    version: 1,
    occurredAt: '2024-06-20T09:00:00.000+07:00',
    producer: 'awards',
    aggregateId: CERTIFICATE_ID,
    provinceCode: '36',
    actor: { kind: 'user', id: 'cuc.canbo', role: 'central-officer' },
    correlationId: '3b1f0c2e-5d7a-4a51-9f0e-1c2d3e4f5a6b',
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

const issuedPayload = {
  certificateId: CERTIFICATE_ID,
  number: 'KV-B-2024-0007',
  roundId: '1d2c3b4a-5968-4776-a5b4-c3d2e1f0a9b8',
  roundYear: 2024,
  level: 'regional' as const,
  productGroup: 'handicraft' as const,
  productName: 'Bộ sơn mài khảm trai',
  holderName: 'Hợp tác xã sơn mài Cát Đằng',
  holderTaxCode: '0600123456',
  provinceCode: '36',
  issuedOn: '2024-06-20',
  validUntil: '2026-12-31',
};
const issued = (over: Partial<typeof issuedPayload> = {}) =>
  envelope('awards.certificate.issued', { ...issuedPayload, ...over });
const withdrawn = (over: Partial<{ number: string; certificateId: string; withdrawnOn: string }> = {}) =>
  envelope('awards.certificate.withdrawn', {
    certificateId: CERTIFICATE_ID,
    number: issuedPayload.number,
    withdrawnOn: '2025-03-02',
    reason: 'Sản phẩm không còn đáp ứng tiêu chuẩn chất lượng đã đăng ký',
    ...over,
  });

type Row = Pick<AwardCertificateProjection, 'number' | 'certificateId' | 'issuedOn' | 'withdrawnOn'>;

/** A manager over the rows given: it answers the look-ups and records the upsert and the update. */
function fakeManager(rows: Row[] = []) {
  const writes: { values?: Record<string, unknown>; overwrites?: string[]; conflict?: string[] } = {};
  const builder = {
    insert: () => builder,
    into: () => builder,
    values: (v: Record<string, unknown>) => ((writes.values = v), builder),
    orUpdate: (columns: string[], conflict: string[]) => (
      (writes.overwrites = columns),
      (writes.conflict = conflict),
      builder
    ),
    execute: async () => undefined,
  };
  const update = jest.fn().mockResolvedValue({ affected: 1 });
  const manager = {
    find: jest.fn(async (_entity: unknown, { where }: { where: Partial<Row>[] }) =>
      rows.filter((row) => where.some((w) => Object.entries(w).every(([k, v]) => row[k as keyof Row] === v))),
    ),
    findOneBy: jest.fn(
      async (_entity: unknown, where: Partial<Row>) =>
        rows.find((row) => row.number === where.number) ?? null,
    ),
    createQueryBuilder: () => builder,
    update,
  } as unknown as EntityManager;
  return { manager, writes, update };
}

function service() {
  const audit = jest.fn().mockResolvedValue(undefined);
  return { projections: new ProjectionsService({ audit } as unknown as OutboxWriter), audit };
}

const known: Row = {
  number: issuedPayload.number,
  certificateId: CERTIFICATE_ID,
  issuedOn: '2024-06-20',
  withdrawnOn: null,
};

describe('certificate projection', () => {
  it('keeps the holder code as recorded, and a replayed issue never undoes a withdrawal', async () => {
    const { projections, audit } = service();
    const { manager, writes } = fakeManager();
    await projections.certificateIssued(manager, issued());
    expect(writes.values).toEqual({
      number: 'KV-B-2024-0007',
      certificateId: CERTIFICATE_ID,
      roundId: issuedPayload.roundId,
      level: 'regional',
      roundYear: 2024,
      productGroup: 'handicraft',
      provinceCode: '36',
      issuedOn: '2024-06-20',
      validUntil: '2026-12-31',
      holderTaxCode: '0600123456',
      holderName: 'Hợp tác xã sơn mài Cát Đằng',
    });
    expect(writes.conflict).toEqual(['number']);
    expect(writes.overwrites).toEqual(expect.arrayContaining(['holder_tax_code', 'holder_name']));
    expect(writes.overwrites).not.toContain('withdrawn_on');
    expect(audit).toHaveBeenCalledTimes(1);
    expect(audit).toHaveBeenCalledWith(manager, {
      action: 'projection.update',
      resourceType: 'award-certificate-projection',
      resourceId: CERTIFICATE_ID,
      provinceCode: '36',
      summary:
        'Cập nhật số liệu báo cáo: giấy chứng nhận sản phẩm tiêu biểu cấp khu vực số KV-B-2024-0007 ' +
        'cho "Bộ sơn mài khảm trai", cấp ngày 20/06/2024',
    });
  });

  it('takes a replayed issue of the same certificate', async () => {
    const { projections } = service();
    const { manager, writes } = fakeManager([{ ...known, withdrawnOn: '2025-03-02' }]);
    await projections.certificateIssued(manager, issued());
    expect(writes.values).toMatchObject({ number: known.number });
  });

  it.each([
    ['valid until before its issue', {}, { validUntil: '2024-06-19' }],
    // Hà Giang (02) ended on 30/06/2025.
    ['a code that named no unit on the day of issue', {}, { provinceCode: '02', issuedOn: '2025-07-01' }],
    ['a number already standing for another certificate', { certificateId: 'another' }, {}],
    ['an id already carrying another number', { number: 'KV-B-2024-0008' }, {}],
  ])('parks an issue with %s', async (_case, row, over) => {
    const { projections, audit } = service();
    const { manager, writes } = fakeManager(Object.keys(row).length ? [{ ...known, ...row }] : []);
    await expect(projections.certificateIssued(manager, issued(over))).rejects.toThrow(PermanentHandlerError);
    expect(writes.values).toBeUndefined();
    expect(audit).not.toHaveBeenCalled();
  });

  it('dates a withdrawal on the certificate, once per event, and audits it', async () => {
    const { projections, audit } = service();
    const { manager, update } = fakeManager([known]);
    await projections.certificateWithdrawn(manager, withdrawn());
    expect(update).toHaveBeenCalledWith(
      expect.anything(),
      { number: known.number },
      { withdrawnOn: '2025-03-02' },
    );
    expect(audit).toHaveBeenCalledWith(
      manager,
      expect.objectContaining({
        resourceType: 'award-certificate-projection',
        summary: 'Cập nhật số liệu báo cáo: giấy chứng nhận số KV-B-2024-0007 bị thu hồi từ ngày 02/03/2025',
      }),
    );
  });

  it.each([
    ['of a certificate never projected', [], {}],
    ['naming another certificate id', [known], { certificateId: 'c0ffee00-0000-4000-8000-000000000000' }],
    ['dated before the issue', [known], { withdrawnOn: '2024-06-19' }],
  ])('parks a withdrawal %s', async (_case, rows, over) => {
    const { projections, audit } = service();
    const { manager, update } = fakeManager(rows);
    await expect(projections.certificateWithdrawn(manager, withdrawn(over))).rejects.toThrow(
      PermanentHandlerError,
    );
    expect(update).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
  });
});
