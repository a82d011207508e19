import { ConflictError, RuleViolationError } from '@kc/errors';
import {
  certificateNumber,
  certificateStatusAt,
  certificateValidUntil,
  issueCertificate,
  levelBelow,
  parseCertificateNumber,
  publicCertificateView,
  withdrawCertificate,
  type AwardScope,
  type Certificate,
  type CertificateIssue,
} from './certificate';

const issue: CertificateIssue = {
  scope: { level: 'national' },
  roundYear: 2023,
  sequence: 17,
  productName: 'Bộ ấm chén men rạn',
  holder: { facilityName: 'HTX Gốm Bát Tràng', taxCode: '0101234567', provinceCode: '01' },
  issuedOn: '2023-05-10',
};
const certificate = issueCertificate(issue);

const refusal = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError || error instanceof ConflictError) {
      return `${error.code} @ ${error.field}`;
    }
    throw error;
  }
  return undefined;
};

describe('certificate number', () => {
  const cases: [AwardScope, number, number, string][] = [
    [{ level: 'national' }, 2023, 1, 'QG-2023-0001'],
    [{ level: 'regional', regionCode: 'north' }, 2018, 1, 'KV-B-2018-0001'],
    [{ level: 'regional', regionCode: 'central' }, 2020, 42, 'KV-T-2020-0042'],
    [{ level: 'regional', regionCode: 'south' }, 2024, 110, 'KV-N-2024-0110'],
    [{ level: 'provincial', provinceCode: '01' }, 2024, 1, 'T-01-2024-0001'],
    [{ level: 'commune', provinceCode: '40', localUnitCode: '17332' }, 2026, 9999, 'X-40-17332-2026-9999'],
    [{ level: 'commune', provinceCode: '40', localUnitCode: '412' }, 2024, 3, 'H-40-412-2024-0003'],
  ];

  it.each(cases)('formats %j of %i #%i as %s and reads it back', (scope, year, sequence, expected) => {
    expect(certificateNumber(scope, year, sequence)).toBe(expected);
    expect(parseCertificateNumber(expected)).toEqual({ scope, roundYear: year, sequence });
  });

  it('gives different rounds different numbers for the same sequence', () => {
    const numbers = [
      certificateNumber({ level: 'provincial', provinceCode: '01' }, 2024, 1),
      certificateNumber({ level: 'provincial', provinceCode: '40' }, 2024, 1),
      certificateNumber({ level: 'provincial', provinceCode: '01' }, 2022, 1),
      certificateNumber({ level: 'regional', regionCode: 'north' }, 2024, 1),
    ];
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('refuses a sequence outside 1..9999', () => {
    for (const sequence of [0, 10000, 1.5]) {
      expect(refusal(() => certificateNumber({ level: 'national' }, 2023, sequence))).toBe(
        'certificate.sequence-out-of-range @ sequence',
      );
    }
  });

  it('refuses a scope whose codes would not read back', () => {
    expect(refusal(() => certificateNumber({ level: 'provincial', provinceCode: '1' }, 2024, 1))).toBe(
      'certificate.malformed-scope @ scope',
    );
    expect(
      refusal(() =>
        certificateNumber({ level: 'commune', provinceCode: '40', localUnitCode: '1733' }, 2024, 1),
      ),
    ).toBe('certificate.malformed-scope @ scope');
  });

  it('does not read numbers that are not ours', () => {
    for (const text of [
      'QG-2023-0000',
      'QG-23-0001',
      'KV-X-2018-0001',
      'X-40-412-2024-0001',
      'T-01-2024-1',
    ]) {
      expect(parseCertificateNumber(text)).toBeUndefined();
    }
  });
});

describe('levels', () => {
  it('steps down one level at a time to the entry level', () => {
    expect(levelBelow('national')).toBe('regional');
    expect(levelBelow('regional')).toBe('provincial');
    expect(levelBelow('provincial')).toBe('commune');
    expect(levelBelow('commune')).toBeNull();
  });
});

describe('validity', () => {
  it('runs to 31 December of the third year, the issue year counting as the first', () => {
    expect(certificateValidUntil('2023-05-10')).toBe('2025-12-31');
    expect(certificateValidUntil('2023-01-01')).toBe('2025-12-31');
    expect(certificateValidUntil('2024-12-31')).toBe('2026-12-31');
  });

  it('is issued with its number and validity', () => {
    expect(certificate).toMatchObject({
      number: 'QG-2023-0017',
      validUntil: '2025-12-31',
      withdrawal: null,
    });
  });

  it('refuses an issue date before the round year', () => {
    expect(refusal(() => issueCertificate({ ...issue, issuedOn: '2022-12-30' }))).toBe(
      'certificate.issued-before-round-year @ issuedOn',
    );
  });

  it('accepts an issue early in the year after the round', () => {
    expect(issueCertificate({ ...issue, issuedOn: '2024-01-15' }).validUntil).toBe('2026-12-31');
  });

  it('refuses an issue date that is not a calendar date', () => {
    expect(refusal(() => issueCertificate({ ...issue, issuedOn: '2023-02-30' }))).toBe(
      'certificate.invalid-date @ issuedOn',
    );
  });
});

describe('status at a date', () => {
  it('is valid from the issue date through the last day of validity, then expired', () => {
    expect(certificateStatusAt(certificate, '2023-05-09')).toBe('not-yet-issued');
    expect(certificateStatusAt(certificate, '2023-05-10')).toBe('valid');
    expect(certificateStatusAt(certificate, '2025-12-31')).toBe('valid');
    expect(certificateStatusAt(certificate, '2026-01-01')).toBe('expired');
  });

  it('is withdrawn from the withdrawal date on, even past expiry', () => {
    const withdrawn = withdrawCertificate(certificate, {
      on: '2024-03-01',
      reason: 'Sản phẩm không đúng như hồ sơ dự thi',
    });
    expect(certificateStatusAt(withdrawn, '2024-02-29')).toBe('valid');
    expect(certificateStatusAt(withdrawn, '2024-03-01')).toBe('withdrawn');
    expect(certificateStatusAt(withdrawn, '2026-06-01')).toBe('withdrawn');
  });
});

describe('withdrawal', () => {
  const reason = 'Cơ sở vi phạm quy định về chất lượng';

  it('keeps the reason, normalised', () => {
    const decomposed = 'Cơ sở vi phạm quy định'.normalize('NFD');
    expect(
      withdrawCertificate(certificate, { on: '2023-05-10', reason: `  ${decomposed} ` }).withdrawal,
    ).toEqual({
      on: '2023-05-10',
      reason: 'Cơ sở vi phạm quy định',
    });
  });

  it('refuses a date before the issue date', () => {
    expect(refusal(() => withdrawCertificate(certificate, { on: '2023-05-09', reason }))).toBe(
      'certificate.withdrawal-before-issue @ withdrawnOn',
    );
  });

  it('refuses a reason under 10 characters, counting Vietnamese letters once', () => {
    expect(
      refusal(() => withdrawCertificate(certificate, { on: '2024-01-02', reason: '  gian lận  ' })),
    ).toBe('certificate.withdrawal-reason-too-short @ reason');
    // 10 letters with diacritics, decomposed: 10 characters as read, more code units.
    const tenLetters = 'Đạo nhái mẫu'.slice(0, 10).normalize('NFD');
    expect(
      refusal(() => withdrawCertificate(certificate, { on: '2024-01-02', reason: tenLetters })),
    ).toBeUndefined();
  });

  it('refuses to withdraw twice', () => {
    const withdrawn = withdrawCertificate(certificate, { on: '2024-01-02', reason });
    expect(refusal(() => withdrawCertificate(withdrawn, { on: '2024-02-02', reason }))).toBe(
      'certificate.already-withdrawn @ undefined',
    );
  });
});

describe('public view', () => {
  const withdrawn: Certificate = withdrawCertificate(certificate, {
    on: '2024-03-01',
    reason: 'Sản phẩm không đúng như hồ sơ dự thi',
  });

  it('shows the printed facts and status, and never the tax code', () => {
    const view = publicCertificateView(certificate, '2024-01-01');
    expect(view).toEqual({
      number: 'QG-2023-0017',
      level: 'national',
      levelLabel: 'cấp quốc gia',
      roundYear: 2023,
      productName: 'Bộ ấm chén men rạn',
      holderName: 'HTX Gốm Bát Tràng',
      holderProvinceCode: '01',
      issuedOn: '2023-05-10',
      validUntil: '2025-12-31',
      status: 'valid',
      statusLabel: 'Còn hiệu lực',
      withdrawnOn: null,
      withdrawalReason: null,
    });
    expect(JSON.stringify(view)).not.toContain('0101234567');
  });

  it('says expired after the validity', () => {
    expect(publicCertificateView(certificate, '2026-01-01')).toMatchObject({
      status: 'expired',
      statusLabel: 'Hết hiệu lực',
    });
  });

  it('shows a withdrawal in force with its date and reason', () => {
    expect(publicCertificateView(withdrawn, '2024-03-01')).toMatchObject({
      status: 'withdrawn',
      statusLabel: 'Đã thu hồi',
      withdrawnOn: '2024-03-01',
      withdrawalReason: 'Sản phẩm không đúng như hồ sơ dự thi',
    });
  });

  it('does not show a withdrawal dated after the day asked about', () => {
    expect(publicCertificateView(withdrawn, '2024-02-01')).toMatchObject({
      status: 'valid',
      withdrawnOn: null,
      withdrawalReason: null,
    });
  });

  it('shows nothing before the issue date', () => {
    expect(publicCertificateView(certificate, '2023-05-09')).toBeUndefined();
  });

  it('names a district round before 07/2025 and a commune round after', () => {
    const district = issueCertificate({
      ...issue,
      scope: { level: 'commune', provinceCode: '40', localUnitCode: '412' },
      roundYear: 2024,
      issuedOn: '2024-06-01',
    });
    const commune = issueCertificate({
      ...issue,
      scope: { level: 'commune', provinceCode: '40', localUnitCode: '17332' },
      roundYear: 2026,
      issuedOn: '2026-06-01',
    });
    expect(publicCertificateView(district, '2024-07-01')?.levelLabel).toBe('cấp huyện');
    expect(publicCertificateView(commune, '2026-07-01')?.levelLabel).toBe('cấp xã');
  });
});
