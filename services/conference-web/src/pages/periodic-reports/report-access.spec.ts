import { describe, expect, it } from '@jest/globals';
import {
  facilityOf,
  filesReport,
  mayWithdraw,
  readsReports,
  reviewsReport,
  usesExcel,
  type Reader,
} from './report-access';

const agency: Reader = { role: 'central-officer' };
const ngheAn: Reader = { role: 'province-officer', provinceCode: '40' };
const haNoi: Reader = { role: 'province-officer', provinceCode: '01' };
const facility: Reader = { role: 'business', facilityTaxCode: '0101234567' };
const unbound: Reader = { role: 'business' };
const viewer: Reader = { role: 'viewer' };
const juror: Reader = { role: 'juror' };

const holderReport = { provinceCode: '01', reporterId: '0101234567' };
const departmentReport = { provinceCode: '40', reporterId: '40' };
const projectReport = { provinceCode: '40', reporterId: '5f0c6f0e-8d3b-4b0e-9a51-2f7e0d3c1a10' };

describe('who the periodic-report pages show what', () => {
  it('shows the report pages to the staff and to a business bound to its facility, as the routes admit them', () => {
    expect([agency, ngheAn, facility].map(readsReports)).toEqual([true, true, true]);
    // The service refuses a business bound to no facility (403): no link is shown that answers so.
    expect([unbound, viewer, juror, null].map(readsReports)).toEqual([false, false, false, false]);
    expect(facilityOf(facility)).toBe('0101234567');
    expect(facilityOf(unbound)).toBeNull();
    expect(
      facilityOf({ role: 'province-officer', provinceCode: '01', facilityTaxCode: '0101234567' }),
    ).toBeNull();
  });

  it('lets a facility file its own holder report only, and the unit file its own and its projects’ reports', () => {
    expect(filesReport(facility, 'certificate-holder', holderReport)).toBe(true);
    expect(filesReport(facility, 'certificate-holder', { ...holderReport, reporterId: '0107654321' })).toBe(
      false,
    );
    expect(filesReport(facility, 'provincial-department', { provinceCode: '01', reporterId: '01' })).toBe(
      false,
    );
    // The province reviews its holders' reports but does not file them.
    expect(filesReport(haNoi, 'certificate-holder', holderReport)).toBe(false);
    expect(filesReport(ngheAn, 'provincial-department', departmentReport)).toBe(true);
    expect(filesReport(ngheAn, 'implementing-unit', projectReport)).toBe(true);
    expect(filesReport(haNoi, 'provincial-department', departmentReport)).toBe(false);
    expect(filesReport(agency, 'provincial-department', departmentReport)).toBe(false);
  });

  it('offers the review to the awaited level only: the report’s own province, then the agency', () => {
    const awaitingProvince = { status: 'submitted', awaiting: 'province' as const, provinceCode: '01' };
    expect(reviewsReport(haNoi, awaitingProvince)).toBe(true);
    expect(reviewsReport(ngheAn, awaitingProvince)).toBe(false);
    expect(reviewsReport(agency, awaitingProvince)).toBe(false);
    expect(reviewsReport(facility, awaitingProvince)).toBe(false);
    const awaitingAgency = { status: 'submitted', awaiting: 'agency' as const, provinceCode: '40' };
    expect(reviewsReport(agency, awaitingAgency)).toBe(true);
    expect(reviewsReport(ngheAn, awaitingAgency)).toBe(false);
    expect(reviewsReport(haNoi, { ...awaitingProvince, status: 'returned', awaiting: null })).toBe(false);
  });

  it('keeps the Excel template, a staff route, from a business user', () => {
    expect([agency, ngheAn, facility, viewer].map(usesExcel)).toEqual([true, true, false, false]);
  });

  it('offers the withdrawal until the last on-time day ends, and only before anyone acted on the submission', () => {
    const submitted = {
      status: 'submitted',
      events: [{ kind: 'opened' }, { kind: 'submitted' }],
      deadline: { lastOnTimeDay: '2027-02-01' },
    };
    expect(mayWithdraw(submitted, '2027-02-01')).toBe(true);
    expect(mayWithdraw(submitted, '2027-02-02')).toBe(false);
    // Approved by the province, awaiting the agency: a reviewer acted.
    expect(
      mayWithdraw({ ...submitted, events: [...submitted.events, { kind: 'approved' }] }, '2027-01-10'),
    ).toBe(false);
    expect(mayWithdraw({ ...submitted, status: 'draft' }, '2027-01-10')).toBe(false);
  });
});
