import type { Principal } from '@kc/contracts';
import { central, officer, business } from '@kc/testing';
import { assertReporter, assertVisible, reportScope, reviewLevelOf, unitScope } from './report-access';

const dept = 'provincial-department' as const;
const unit = (code: string) => ({ provinceCode: code, reporterId: code });
const system = (code: string, scopes: string[]): Principal => ({
  kind: 'client',
  id: `client-${code}`,
  name: `client ${code}`,
  role: 'province-officer',
  provinceCode: code,
  scopes,
});

describe('who sees and acts on a periodic report', () => {
  it('limits a province to its own unit and hides the others as not found', () => {
    expect(unitScope(officer('40'))).toBe('40');
    expect(unitScope(central)).toBeNull();
    expect(() => assertVisible(officer('40'), dept, unit('38'), 'r')).toThrow(
      expect.objectContaining({ code: 'periodic-report.not-found' }),
    );
    expect(() => assertVisible(central, dept, unit('38'), 'r')).not.toThrow();
    expect(() => unitScope(business('0100000001'))).toThrow(
      expect.objectContaining({ code: 'periodic-report.no-access' }),
    );
  });

  it("lets only the unit's officers and its system with reports:write draft and submit", () => {
    expect(() => assertReporter(officer('40'), dept, unit('40'))).not.toThrow();
    expect(() => assertReporter(system('40', ['reports:write']), dept, unit('40'))).not.toThrow();
    expect(() => assertReporter(system('40', ['reports:read']), dept, unit('40'))).toThrow(
      expect.objectContaining({ code: 'auth.scope-missing' }),
    );
    expect(() => assertReporter(officer('38'), dept, unit('40'))).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
    expect(() => assertReporter(central, dept, unit('40'))).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
  });

  it('lets the province file its implementing units’ reports and a facility only its own holder report', () => {
    const project = { provinceCode: '40', reporterId: '00000000-0000-4000-8000-000000000001' };
    const holder = { provinceCode: '40', reporterId: '2900000001' };
    expect(() => assertReporter(officer('40'), 'implementing-unit', project)).not.toThrow();
    expect(() => assertReporter(business('2900000001'), 'implementing-unit', project)).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
    expect(() => assertReporter(business('2900000001'), 'certificate-holder', holder)).not.toThrow();
    expect(() => assertReporter(business('2900000002'), 'certificate-holder', holder)).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
    // The province reviews its holders' reports but does not file them.
    expect(() => assertReporter(officer('40'), 'certificate-holder', holder)).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
    expect(reportScope(business('2900000001'))).toEqual({ kind: 'facility', taxCode: '2900000001' });
    expect(() => assertVisible(officer('40'), 'certificate-holder', holder, 'r')).not.toThrow();
    expect(() => assertVisible(business('2900000002'), 'certificate-holder', holder, 'r')).toThrow(
      expect.objectContaining({ code: 'periodic-report.not-found' }),
    );
    // A business sees no unit's own report, even of its province.
    expect(() => assertVisible(business('2900000001'), dept, unit('40'), 'r')).toThrow(
      expect.objectContaining({ code: 'periodic-report.not-found' }),
    );
    expect(() => reportScope({ ...business('x'), facilityTaxCode: undefined })).toThrow(
      expect.objectContaining({ code: 'periodic-report.no-access' }),
    );
  });

  it('reviews at the agency level for the agency and at the province level for its own province', () => {
    expect(reviewLevelOf(central, '40')).toBe('agency');
    expect(reviewLevelOf(officer('40'), '40')).toBe('province');
    expect(() => reviewLevelOf(officer('38'), '40')).toThrow(
      expect.objectContaining({ code: 'periodic-report.reviewer-only' }),
    );
  });
});
