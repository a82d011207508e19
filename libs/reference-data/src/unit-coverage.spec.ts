import { REORGANISATION_2025 } from './lineage.data';
import { currentUnitFor, predecessorsOf, provincesAsOf } from './province-lookup';
import { unitsCoveredBy } from './unit-coverage';

describe('unitsCoveredBy', () => {
  it("takes in the units that went into today's unit", () => {
    expect(unitsCoveredBy('31')).toEqual(['30', '31']); // Hải Dương → Hải Phòng
    expect(unitsCoveredBy('25')).toEqual(['17', '25', '26']);
    expect(unitsCoveredBy('15')).toEqual(['10', '15']); // old Lào Cai went into 15 (Yên Bái's code)
  });

  it('covers a unit that kept its territory, an ended unit and an unknown code with themselves only', () => {
    expect(unitsCoveredBy('01')).toEqual(['01']);
    expect(unitsCoveredBy('30')).toEqual(['30']);
    expect(unitsCoveredBy('99')).toEqual(['99']);
  });

  it('reads the code as recorded when asked: the unit as it was', () => {
    expect(unitsCoveredBy('31', 'recorded')).toEqual(['31']);
  });

  it("agrees with the reorganisation's predecessors for every unit of today", () => {
    for (const unit of provincesAsOf('2025-07-01')) {
      expect(unitsCoveredBy(unit.code)).toEqual(predecessorsOf(unit.code));
    }
  });

  // The rule matches codes without their dates; that is sound only while a code in use today always named
  // the unit that became today's unit (or a unit that went into it).
  it('agrees with the dated roll-up for every code recorded before the reorganisation', () => {
    const codesToday = new Set(provincesAsOf('2025-07-01').map((unit) => unit.code));
    for (const old of provincesAsOf('2025-06-30')) {
      const today = currentUnitFor(old.code, '2025-06-30', '2025-07-01').code;
      expect(unitsCoveredBy(today)).toContain(old.code);
      if (codesToday.has(old.code)) expect(REORGANISATION_2025.successorByOldCode[old.code]).toBe(old.code);
    }
  });
});
