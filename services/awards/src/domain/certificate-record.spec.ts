import { recordPaperCertificate, type PaperCertificate } from './certificate-record';

const paper = (overrides: Partial<PaperCertificate> = {}): PaperCertificate => ({
  number: 'T-40-2024-0012',
  productName: 'Nón lá Nghệ An',
  holder: { facilityName: 'Hợp tác xã Nón lá Phú Gia', taxCode: '2900123456', provinceCode: '40' },
  issuedOn: '2024-11-20',
  ...overrides,
});
const TODAY = '2026-12-07';

const refusal = (overrides: Partial<PaperCertificate>, today = TODAY) => {
  try {
    recordPaperCertificate(paper(overrides), today);
  } catch (error) {
    const { code, field, messages } = error as { code: string; field: string; messages: unknown };
    return { code, field, messages };
  }
  throw new Error('expected a refusal');
};

describe('recording a certificate issued on paper before the platform', () => {
  it('reads the round off the number and gives the certificate its legal validity', () => {
    const { certificate, parts } = recordPaperCertificate(paper(), TODAY);
    expect(parts).toEqual({
      scope: { level: 'provincial', provinceCode: '40' },
      roundYear: 2024,
      sequence: 12,
    });
    expect(certificate).toMatchObject({
      number: 'T-40-2024-0012',
      scope: { level: 'provincial', provinceCode: '40' },
      roundYear: 2024,
      issuedOn: '2024-11-20',
      validUntil: '2026-12-31',
      withdrawal: null,
    });
  });

  it('takes commune, district, regional and national numbers', () => {
    expect(
      recordPaperCertificate(paper({ number: 'X-40-17332-2026-0003', issuedOn: '2026-09-01' }), TODAY).parts,
    ).toEqual({
      scope: { level: 'commune', provinceCode: '40', localUnitCode: '17332' },
      roundYear: 2026,
      sequence: 3,
    });
    expect(recordPaperCertificate(paper({ number: 'H-40-412-2022-0001' }), TODAY).parts.scope).toEqual({
      level: 'commune',
      provinceCode: '40',
      localUnitCode: '412',
    });
    // Above the province, the holder may be of any province.
    const national = paper({ number: 'QG-2023-0173', holder: { ...paper().holder, provinceCode: '01' } });
    expect(recordPaperCertificate(national, TODAY).parts.scope).toEqual({ level: 'national' });
    expect(
      recordPaperCertificate(paper({ number: 'KV-B-2018-0244', issuedOn: '2018-12-01' }), TODAY).parts.scope,
    ).toEqual({ level: 'regional', regionCode: 'north' });
  });

  it('refuses a number outside the numbering, or with sequence 0000', () => {
    for (const number of ['GCN-2024-12', 'T-40-2024-0000']) {
      expect(refusal({ number })).toMatchObject({ code: 'certificate.unknown-number-form', field: 'number' });
    }
  });

  it('refuses an issue date after today, or before the round year', () => {
    expect(refusal({ number: 'T-40-2026-0001', issuedOn: '2026-12-08' })).toEqual({
      code: 'certificate.issued-in-future',
      field: 'issuedOn',
      messages: {
        vi: 'Giấy chứng nhận đã cấp không thể mang ngày cấp 08/12/2026, sau ngày hôm nay',
        en: 'A certificate already issued cannot be dated 2026-12-08, after today',
      },
    });
    expect(refusal({ issuedOn: '2023-12-30' })).toMatchObject({
      code: 'certificate.issued-before-round-year',
      field: 'issuedOn',
    });
    expect(refusal({ issuedOn: '2024-02-30' })).toMatchObject({ code: 'certificate.invalid-date' });
  });

  it('keeps a provincial certificate to a unit of its year and to that unit’s facilities', () => {
    // Hải Dương (30) went into Hải Phòng (31) on 2025-07-01.
    expect(refusal({ number: 'T-30-2026-0001', issuedOn: '2026-10-01' })).toMatchObject({
      code: 'certificate.unknown-province',
      field: 'number',
    });
    expect(refusal({ holder: { ...paper().holder, provinceCode: '01' } })).toEqual({
      code: 'certificate.holder-outside-area',
      field: 'holder.provinceCode',
      messages: {
        vi: 'Giấy chứng nhận T-40-2024-0012 do tỉnh 40 cấp chỉ cho cơ sở của tỉnh đó; cơ sở này thuộc tỉnh 01',
        en: 'Certificate T-40-2024-0012 of unit 40 goes only to a facility of that unit; this holder is in unit 01',
      },
    });
    // A 2025 Hải Dương certificate issued after the merger goes to a facility recorded under Hải Phòng.
    const merged = paper({
      number: 'T-30-2025-0004',
      issuedOn: '2025-09-15',
      holder: { ...paper().holder, provinceCode: '31' },
    });
    expect(recordPaperCertificate(merged, TODAY).certificate.holder.provinceCode).toBe('31');
  });

  it("refuses a holder's province that did not exist on the issue date", () => {
    // 30 Hải Dương ended on 2025-06-30.
    const national = paper({
      number: 'QG-2025-0001',
      issuedOn: '2025-11-01',
      holder: { ...paper().holder, provinceCode: '30' },
    });
    expect(refusal(national)).toMatchObject({
      code: 'certificate.unknown-province',
      field: 'holder.provinceCode',
    });
  });
});
