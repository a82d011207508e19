import { RuleViolationError } from '@kc/errors';
import { assertCertificatesIssued, certificateValidUntil, holdsValidAward } from './award-certificate';

const cert = (year: number, validUntil?: string) => ({
  number: 'GCN-17',
  level: 'regional',
  year,
  validUntil,
});

describe('award certificates', () => {
  it('are valid until 31 December of the third year counted from the issue year', () => {
    expect(certificateValidUntil(cert(2024))).toBe('2026-12-31');
    expect(certificateValidUntil(cert(2024, '2025-06-30'))).toBe('2025-06-30');
  });

  it('give priority only while valid on the fair’s opening day, that day included', () => {
    expect(holdsValidAward([{ awardCertificate: cert(2024) }], '2026-12-31')).toBe(true);
    expect(holdsValidAward([{ awardCertificate: cert(2024) }], '2027-01-01')).toBe(false);
    expect(holdsValidAward([{ awardCertificate: cert(2024, '2025-06-30') }], '2025-07-01')).toBe(false);
    expect(holdsValidAward([{}, { awardCertificate: cert(2025) }], '2026-09-15')).toBe(true);
    expect(holdsValidAward([{}], '2026-09-15')).toBe(false);
  });

  it('give no priority at a fair that opened before the certificate was issued', () => {
    expect(holdsValidAward([{ awardCertificate: cert(2026) }], '2026-01-01')).toBe(true);
    expect(holdsValidAward([{ awardCertificate: cert(2026) }], '2025-12-31')).toBe(false);
  });

  it('cannot be dated in a year that has not begun', () => {
    expect(() => assertCertificatesIssued([{ awardCertificate: cert(2026) }], '2026-01-01')).not.toThrow();
    let error: unknown;
    try {
      assertCertificatesIssued([{}, { awardCertificate: cert(2027) }], '2026-12-31');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({
      code: 'registration.certificate-not-issued',
      field: 'products.1.awardCertificate.year',
    });
  });
});
