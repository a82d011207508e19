import { REORGANISATION_2025 } from './lineage.data';
import { provincialUnitRecords } from './provinces.data';

const oldUnits = provincialUnitRecords.filter((record) => record.validTo === '2025-06-30');
const newUnits = provincialUnitRecords.filter(
  (record) => record.validFrom === REORGANISATION_2025.effectiveOn,
);
const successors = REORGANISATION_2025.successorByOldCode;

describe('lineage of the 2025 reorganisation', () => {
  it('covers 63 old units and 34 new units', () => {
    expect(oldUnits).toHaveLength(63);
    expect(newUnits).toHaveLength(34);
    expect(Object.keys(successors)).toHaveLength(63);
    expect(new Set(Object.values(successors)).size).toBe(34);
  });

  it('gives every old unit exactly one successor, and names no unit that was not in force on 2025-06-30', () => {
    expect(Object.keys(successors).sort()).toEqual(oldUnits.map((unit) => unit.code).sort());
  });

  it('makes every new unit the successor of at least one old unit, and points only at new units', () => {
    expect([...new Set(Object.values(successors))].sort()).toEqual(newUnits.map((unit) => unit.code).sort());
  });

  it('keeps each old unit in its region, except Bình Thuận (South) inside new Lâm Đồng (Central & Highlands)', () => {
    const regionBefore = new Map(oldUnits.map((unit) => [unit.code, unit.regionCode]));
    const regionAfter = new Map(newUnits.map((unit) => [unit.code, unit.regionCode]));
    const moved = Object.entries(successors).filter(
      ([oldCode, newCode]) => regionBefore.get(oldCode) !== regionAfter.get(newCode),
    );
    expect(moved).toEqual([['60', '68']]);
  });

  it('follows domain.md for the named merges', () => {
    expect(successors['02']).toBe('08'); // Hà Giang → Tuyên Quang
    expect(successors['10']).toBe('15'); // Lào Cai → Lào Cai
    expect(successors['15']).toBe('15'); // Yên Bái → Lào Cai
    expect(successors['26']).toBe('25'); // Vĩnh Phúc → Phú Thọ
    expect(successors['17']).toBe('25'); // Hòa Bình → Phú Thọ
    expect(successors['60']).toBe('68'); // Bình Thuận → Lâm Đồng
  });
});
