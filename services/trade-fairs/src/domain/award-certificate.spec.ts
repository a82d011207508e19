import { RuleViolationError } from '@kc/errors';
import {
  assertNamedCertificatesHeld,
  countsAtFair,
  holdsValidAward,
  rejudgedPriority,
  type AwardCertificate,
} from './award-certificate';

const FACILITY = '2900123456';
const OPENS = '2026-09-15';
const TODAY = '2026-05-04';

/** Issued 20/11/2025 to FACILITY, valid to 31/12/2027 (the third year counted from 2025). */
const cert = (overrides: Partial<AwardCertificate> = {}): AwardCertificate => ({
  number: 'QG-2025-0001',
  holderTaxCode: FACILITY,
  issuedOn: '2025-11-20',
  validUntil: '2027-12-31',
  withdrawnOn: null,
  ...overrides,
});

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleViolationError);
    return error as RuleViolationError;
  }
  throw new Error('expected a refusal');
};

describe('award priority at a fair', () => {
  it('counts a certificate valid on the opening day, both ends included', () => {
    expect(countsAtFair(cert(), OPENS, TODAY)).toBe(true);
    expect(countsAtFair(cert({ issuedOn: OPENS }), OPENS, TODAY)).toBe(true);
    expect(countsAtFair(cert({ validUntil: OPENS }), OPENS, TODAY)).toBe(true);
  });

  it('does not count one issued after the opening day or lapsed before it', () => {
    expect(countsAtFair(cert({ issuedOn: '2026-09-16' }), OPENS, TODAY)).toBe(false);
    expect(countsAtFair(cert({ validUntil: '2026-09-14' }), OPENS, TODAY)).toBe(false);
  });

  it('does not count one withdrawn on or before the opening day, even if the withdrawal is yet to come', () => {
    expect(countsAtFair(cert({ withdrawnOn: OPENS }), OPENS, TODAY)).toBe(false);
    expect(countsAtFair(cert({ withdrawnOn: '2026-06-01' }), OPENS, TODAY)).toBe(false);
  });

  it('does not count one whose withdrawal is in force today, though dated after the opening day', () => {
    expect(countsAtFair(cert({ withdrawnOn: '2026-09-20' }), OPENS, '2026-09-20')).toBe(false);
    expect(countsAtFair(cert({ withdrawnOn: '2026-09-20' }), OPENS, '2026-09-19')).toBe(true);
  });

  it('is the facility’s when any one of its certificates counts', () => {
    const lapsed = cert({ number: 'KV-2022-0007', issuedOn: '2022-06-01', validUntil: '2024-12-31' });
    const withdrawn = cert({ number: 'QG-2023-0002', withdrawnOn: '2026-03-01' });
    expect(holdsValidAward([lapsed, withdrawn], OPENS, TODAY)).toBe(false);
    expect(holdsValidAward([lapsed, withdrawn, cert()], OPENS, TODAY)).toBe(true);
    expect(holdsValidAward([], OPENS, TODAY)).toBe(false);
  });
});

describe('waiting requests judged again when a certificate of the facility changes', () => {
  const waiting = [
    { id: 'autumn-fair', fairStartDate: OPENS, awardCertified: true },
    { id: 'fair-of-2028', fairStartDate: '2028-03-01', awardCertified: false },
    { id: 'spring-fair', fairStartDate: '2026-04-01', awardCertified: true },
  ];

  it('lose the priority a withdrawn certificate gave, and only those whose priority changes are named', () => {
    expect(rejudgedPriority(waiting, [cert({ withdrawnOn: TODAY })], TODAY)).toEqual([
      { id: 'autumn-fair', fairStartDate: OPENS, awardCertified: false },
      { id: 'spring-fair', fairStartDate: '2026-04-01', awardCertified: false },
    ]);
  });

  it('keep it while another certificate still counts at their fair', () => {
    const other = cert({ number: 'KV-2026-0003', issuedOn: '2026-02-01', validUntil: '2028-12-31' });
    expect(rejudgedPriority(waiting, [cert({ withdrawnOn: TODAY }), other], TODAY)).toEqual([
      { id: 'fair-of-2028', fairStartDate: '2028-03-01', awardCertified: true },
    ]);
  });
});

describe('a certificate number named on a product', () => {
  const known = new Map([
    ['QG-2025-0001', { holderTaxCode: FACILITY }],
    ['QG-2025-0002', { holderTaxCode: '0101234567' }],
  ]);

  it('may be left out, or be one of the facility’s own', () => {
    expect(() =>
      assertNamedCertificatesHeld([{}, { awardCertificateNumber: 'QG-2025-0001' }], FACILITY, known),
    ).not.toThrow();
  });

  it('is refused when no such certificate was issued, naming the product’s field', () => {
    const error = refusal(() =>
      assertNamedCertificatesHeld([{}, { awardCertificateNumber: 'QG-2099-9999' }], FACILITY, known),
    );
    expect([error.code, error.field]).toEqual([
      'registration.certificate-unknown',
      'products.1.awardCertificateNumber',
    ]);
  });

  it('is refused when it was issued to another facility, without telling whose it is', () => {
    const error = refusal(() =>
      assertNamedCertificatesHeld([{ awardCertificateNumber: 'QG-2025-0002' }], FACILITY, known),
    );
    expect([error.code, error.field]).toEqual([
      'registration.certificate-not-held',
      'products.0.awardCertificateNumber',
    ]);
    expect(`${error.messages.vi} ${error.messages.en}`).not.toContain('0101234567');
  });
});
