import { COVERAGE_START, provincialUnitRecords } from './provinces.data';
import { isIsoDate } from './iso-date';
import { isRegionCode } from './regions';

describe('provincial unit records', () => {
  it('use two-digit codes, real dates and known regions', () => {
    for (const record of provincialUnitRecords) {
      expect(record.code).toMatch(/^\d{2}$/);
      expect(isIsoDate(record.validFrom)).toBe(true);
      expect(record.validTo === null || isIsoDate(record.validTo)).toBe(true);
      expect(isRegionCode(record.regionCode)).toBe(true);
      expect(record.validFrom >= COVERAGE_START).toBe(true);
    }
  });

  it('are keyed uniquely by (code, validFrom)', () => {
    const keys = provincialUnitRecords.map((record) => `${record.code}@${record.validFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never let two units hold the same code on the same day', () => {
    const byCode = new Map<string, typeof provincialUnitRecords>();
    for (const record of provincialUnitRecords)
      byCode.set(record.code, [...(byCode.get(record.code) ?? []), record]);
    for (const records of byCode.values()) {
      const sorted = [...records].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      for (let i = 1; i < sorted.length; i += 1) {
        expect(sorted[i - 1].validTo !== null && sorted[i - 1].validTo! < sorted[i].validFrom).toBe(true);
      }
    }
  });

  it('store Vietnamese names NFC-normalised, with diacritics, and English names in plain ASCII', () => {
    for (const record of provincialUnitRecords) {
      const names = [record.nameVi, ...record.changes.flatMap((change) => change.nameVi ?? [])];
      for (const name of names) expect(name).toBe(name.normalize('NFC'));
      expect(record.nameEn.replace('–', '-')).toMatch(/^[A-Za-z -]+$/);
    }
    expect(provincialUnitRecords.find((record) => record.code === '66')?.nameVi).toBe('Đắk Lắk');
  });

  it('list attribute changes in date order, inside the unit validity', () => {
    for (const record of provincialUnitRecords) {
      const dates = record.changes.map((change) => change.from);
      expect(dates).toEqual([...dates].sort());
      for (const date of dates) {
        expect(date > record.validFrom && (record.validTo === null || date <= record.validTo)).toBe(true);
      }
    }
  });
});
