import type { Principal } from '@kc/contracts';
import { central, officer, business } from '@kc/testing';
import { assertReporter, assertVisible, reviewLevelOf, unitScope } from './report-access';

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
    expect(() => assertVisible(officer('40'), { provinceCode: '38' }, 'r')).toThrow(
      expect.objectContaining({ code: 'periodic-report.not-found' }),
    );
    expect(() => assertVisible(central, { provinceCode: '38' }, 'r')).not.toThrow();
    expect(() => unitScope(business('0100000001'))).toThrow(
      expect.objectContaining({ code: 'periodic-report.no-access' }),
    );
  });

  it("lets only the unit's officers and its system with reports:write draft and submit", () => {
    expect(() => assertReporter(officer('40'), '40')).not.toThrow();
    expect(() => assertReporter(system('40', ['reports:write']), '40')).not.toThrow();
    expect(() => assertReporter(system('40', ['reports:read']), '40')).toThrow(
      expect.objectContaining({ code: 'auth.scope-missing' }),
    );
    expect(() => assertReporter(officer('38'), '40')).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
    );
    expect(() => assertReporter(central, '40')).toThrow(
      expect.objectContaining({ code: 'periodic-report.reporter-only' }),
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
