import {
  currentUnitFor,
  findProvince,
  findProvinceUpTo,
  isValidProvinceCode,
  predecessorsOf,
  predecessorUnitsOf,
  provincesAsOf,
  provincesOfRegion,
  regionOf,
  searchProvinces,
  successorOf,
  unitInForce,
  unitInForceDuring,
} from './province-lookup';
import type { RegionCode } from './regions';

describe('provincesAsOf', () => {
  it('returns 34 units on 2025-07-01 and 63 on 2025-06-30', () => {
    expect(provincesAsOf('2025-07-01')).toHaveLength(34);
    expect(provincesAsOf('2025-06-30')).toHaveLength(63);
  });

  it('returns 63 units on the first covered day and 34 long after the reorganisation', () => {
    expect(provincesAsOf('2008-08-01')).toHaveLength(63);
    expect(provincesAsOf('2030-12-31')).toHaveLength(34);
  });

  it('lists units in code order with unique codes', () => {
    const codes = provincesAsOf('2018-01-01').map((unit) => unit.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('rejects a date before the data coverage starts', () => {
    expect(() => provincesAsOf('2008-07-31')).toThrow(RangeError);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-7-1', '01/07/2025', '2025-07-01T00:00:00Z', ''])(
    'rejects %p with a RangeError',
    (date) => {
      expect(() => provincesAsOf(date)).toThrow(RangeError);
    },
  );

  it('explains what a valid date looks like', () => {
    expect(() => provincesAsOf('2025-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('findProvince', () => {
  it('code 15 names Yên Bái in 2018 and Lào Cai in 2026', () => {
    expect(findProvince('15', '2018-05-10')?.nameVi).toBe('Yên Bái');
    expect(findProvince('15', '2026-05-10')?.nameVi).toBe('Lào Cai');
  });

  it('identifies a unit by code and validFrom, since a retained code can name a different unit', () => {
    const before = findProvince('52', '2025-06-30');
    const after = findProvince('52', '2025-07-01');
    expect(before).toMatchObject({
      code: '52',
      validFrom: '2008-08-01',
      validTo: '2025-06-30',
      nameVi: 'Bình Định',
    });
    expect(after).toMatchObject({ code: '52', validFrom: '2025-07-01', validTo: null, nameVi: 'Gia Lai' });
  });

  it('returns undefined for a code that names no unit on that date', () => {
    expect(findProvince('02', '2025-07-01')).toBeUndefined();
    expect(findProvince('99', '2018-01-01')).toBeUndefined();
    expect(findProvince('constructor', '2018-01-01')).toBeUndefined();
  });

  it('shows Thừa Thiên Huế as a province in 2024 and Huế as a centrally-run city from 2025-01-01', () => {
    expect(findProvince('46', '2024-12-31')).toMatchObject({
      nameVi: 'Thừa Thiên Huế',
      kind: 'province',
      fullNameVi: 'Tỉnh Thừa Thiên Huế',
    });
    expect(findProvince('46', '2025-01-01')).toMatchObject({
      nameVi: 'Huế',
      kind: 'city',
      fullNameVi: 'Thành phố Huế',
    });
    expect(findProvince('46', '2025-07-01')).toMatchObject({ nameVi: 'Huế', kind: 'city' });
  });

  it('keeps one unit key for Đồng Nai when it becomes a centrally-run city in 2026', () => {
    const province = findProvince('75', '2025-12-31');
    const city = findProvince('75', '2026-12-31');
    expect(province).toMatchObject({ kind: 'province', fullNameVi: 'Tỉnh Đồng Nai' });
    expect(city).toMatchObject({ kind: 'city', fullNameVi: 'Thành phố Đồng Nai' });
    expect([city?.code, city?.validFrom]).toEqual([province?.code, province?.validFrom]);
  });

  it('counts 5 centrally-run cities in 2018, 6 from 07/2025 and 9 at the end of 2026', () => {
    const cities = (date: string) => provincesAsOf(date).filter((unit) => unit.kind === 'city').length;
    expect(cities('2018-01-01')).toBe(5);
    expect(cities('2025-07-01')).toBe(6);
    expect(cities('2026-12-31')).toBe(9);
  });

  it('rejects an invalid asOf date', () => {
    expect(() => findProvince('01', '2024-02-30')).toThrow(RangeError);
  });
});

describe('isValidProvinceCode', () => {
  it('accepts Hà Giang (02) before 07/2025 only', () => {
    expect(isValidProvinceCode('02', '2025-06-30')).toBe(true);
    expect(isValidProvinceCode('02', '2025-07-01')).toBe(false);
  });

  it('rejects malformed codes', () => {
    expect(isValidProvinceCode('1', '2018-01-01')).toBe(false);
    expect(isValidProvinceCode('001', '2018-01-01')).toBe(false);
  });

  it('accepts a leap day and rejects a non-existent one', () => {
    expect(isValidProvinceCode('01', '2024-02-29')).toBe(true);
    expect(() => isValidProvinceCode('01', '2025-02-29')).toThrow(RangeError);
  });
});

describe('regions as of a date', () => {
  const countByRegion = (date: string) =>
    (['north', 'central', 'south'] as RegionCode[]).map((region) => provincesOfRegion(region, date).length);

  it('splits the 63 old units 28 / 15 / 20', () => {
    expect(countByRegion('2025-06-30')).toEqual([28, 15, 20]);
  });

  it('splits the 34 new units 18 / 8 / 8', () => {
    expect(countByRegion('2025-07-01')).toEqual([18, 8, 8]);
  });

  it('puts the new units in the regions domain.md lists', () => {
    const codes = (region: RegionCode) => provincesOfRegion(region, '2025-07-01').map((unit) => unit.code);
    expect(codes('north')).toEqual('01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42'.split(' '));
    expect(codes('central')).toEqual('44 46 48 51 52 56 66 68'.split(' '));
    expect(codes('south')).toEqual('75 79 80 82 86 91 92 96'.split(' '));
  });

  it('counts the old units from Hà Tĩnh northwards as North', () => {
    expect(regionOf('42', '2020-01-01')).toBe('north');
    expect(regionOf('44', '2020-01-01')).toBe('central');
  });

  it('places Bình Thuận in the South before 07/2025, while new Lâm Đồng that contains it is Central & Highlands', () => {
    expect(regionOf('60', '2025-06-30')).toBe('south');
    expect(regionOf(successorOf('60'), '2025-07-01')).toBe('central');
  });

  it('throws a RangeError for a code that names no unit, so a roll-up cannot drop it silently', () => {
    expect(() => regionOf('02', '2025-07-01')).toThrow(RangeError);
  });

  it('rejects an unknown region', () => {
    expect(() => provincesOfRegion('east' as RegionCode, '2025-07-01')).toThrow(RangeError);
  });
});

describe('successorOf and predecessorsOf', () => {
  it('maps Yên Bái (15 before 07/2025) to Lào Cai', () => {
    expect(successorOf('15')).toBe('15');
    expect(findProvince(successorOf('15'), '2025-07-01')?.nameVi).toBe('Lào Cai');
  });

  it.each([
    ['02', '08'], // Hà Giang → Tuyên Quang
    ['10', '15'], // Lào Cai → Lào Cai
    ['26', '25'], // Vĩnh Phúc → Phú Thọ
    ['17', '25'], // Hòa Bình → Phú Thọ
    ['60', '68'], // Bình Thuận → Lâm Đồng
    ['72', '80'], // Tây Ninh → Tây Ninh (new code)
    ['87', '82'], // Đồng Tháp → Đồng Tháp (new code)
  ])('maps old code %s to new code %s', (oldCode, newCode) => {
    expect(successorOf(oldCode)).toBe(newCode);
  });

  it('rejects a code that was not one of the 63 old units', () => {
    expect(() => successorOf('03')).toThrow(RangeError);
    expect(() => successorOf('toString')).toThrow(RangeError);
  });

  it('lists Vĩnh Phúc, Hòa Bình and Phú Thọ as the units that formed new Phú Thọ', () => {
    expect(predecessorsOf('25')).toEqual(['17', '25', '26']);
  });

  it('returns no predecessors for a code that is not a new unit', () => {
    expect(predecessorsOf('02')).toEqual([]);
  });
});

describe('currentUnitFor', () => {
  it('rolls Hà Giang as recorded in 2018 up to Tuyên Quang in 2026', () => {
    expect(currentUnitFor('02', '2018-03-01', '2026-01-15')).toMatchObject({
      code: '08',
      nameVi: 'Tuyên Quang',
    });
  });

  it('rolls Yên Bái (15 in 2018) up to Lào Cai (15 today), a different unit with the same code', () => {
    expect(currentUnitFor('15', '2018-03-01', '2026-01-15')).toMatchObject({
      code: '15',
      validFrom: '2025-07-01',
      nameVi: 'Lào Cai',
    });
  });

  it('keeps a post-2025 code as it is when asked on or after 2025-07-01', () => {
    expect(currentUnitFor('15', '2025-07-01', '2026-01-15')).toMatchObject({ code: '15', nameVi: 'Lào Cai' });
  });

  it('keeps an old code as it is when today is still before the reorganisation', () => {
    expect(currentUnitFor('02', '2018-03-01', '2025-06-30')).toMatchObject({
      code: '02',
      nameVi: 'Hà Giang',
    });
  });

  it('resolves the kind as of today, not as of the recorded date', () => {
    expect(currentUnitFor('70', '2020-01-01', '2026-12-31')).toMatchObject({ code: '75', kind: 'city' });
  });

  it('refuses to map back in time, where one unit can stand for several', () => {
    expect(() => currentUnitFor('25', '2026-01-01', '2020-01-01')).toThrow(RangeError);
  });

  it('throws a RangeError for a code that named no unit on asOf', () => {
    expect(() => currentUnitFor('02', '2025-07-01', '2026-01-01')).toThrow(RangeError);
  });

  it('rolls every one of the 63 old units up to a unit in force on 2025-07-01', () => {
    for (const unit of provincesAsOf('2025-06-30')) {
      expect(currentUnitFor(unit.code, '2025-06-30', '2025-07-01').code).toBe(successorOf(unit.code));
    }
  });
});

describe('searchProvinces', () => {
  it('finds Hà Nội from "Ha Noi" typed without diacritics', () => {
    expect(searchProvinces('Ha Noi', '2026-01-01').map((unit) => unit.code)).toEqual(['01']);
  });

  it('finds Đắk Lắk from "dak lak" and by English name', () => {
    expect(searchProvinces('dak lak', '2026-01-01').map((unit) => unit.code)).toEqual(['66']);
    expect(searchProvinces('Ho Chi Minh City', '2018-01-01').map((unit) => unit.code)).toEqual(['79']);
  });

  it('searches the units of the date asked', () => {
    expect(searchProvinces('Yên Bái', '2018-01-01').map((unit) => unit.code)).toEqual(['15']);
    expect(searchProvinces('Yên Bái', '2026-01-01')).toEqual([]);
  });

  it('returns nothing for a blank query', () => {
    expect(searchProvinces('   ', '2026-01-01')).toEqual([]);
  });
});

describe('unitInForce: a unit code is valid for a date only while its unit is in force', () => {
  it('keeps 30 Hải Dương for its own dates and refuses it after the 2025 merger', () => {
    expect(unitInForce('30', '2018-03-01')?.nameVi).toBe('Hải Dương');
    expect(unitInForce('30', '2025-06-30')?.nameVi).toBe('Hải Dương');
    expect(unitInForce('30', '2025-07-01')).toBeUndefined();
    expect(unitInForce('30', '2026-03-01')).toBeUndefined();
    expect(unitInForce('04', '2026-03-01')?.code).toBe('04');
  });

  it('names no unit outside the reference data’s coverage or for an unknown code, without throwing', () => {
    expect(unitInForce('01', '1990-01-01')).toBeUndefined();
    expect(unitInForce('99', '2026-01-01')).toBeUndefined();
  });

  it('counts a code for a year when its unit is in force on the first or the last day', () => {
    expect(unitInForceDuring('30', 2025)?.nameVi).toBe('Hải Dương');
    expect(unitInForceDuring('30', 2026)).toBeUndefined();
  });
});

describe('findProvinceUpTo', () => {
  it('finds the unit in force, or else the last unit the code named before, as on its last day', () => {
    expect(findProvinceUpTo('31', '2026-01-01')).toMatchObject({
      nameVi: 'Hải Phòng',
      validFrom: '2025-07-01',
    });
    expect(findProvinceUpTo('31', '2020-01-01')).toMatchObject({ validTo: '2025-06-30' });
    expect(findProvinceUpTo('30', '2026-01-01')).toMatchObject({
      nameVi: 'Hải Dương',
      validTo: '2025-06-30',
    });
  });

  it('finds nothing for a code that had named no unit by then', () => {
    expect(findProvinceUpTo('99', '2026-01-01')).toBeUndefined();
  });
});

describe('predecessorUnitsOf', () => {
  it('gives the units that went into a unit on its first day, as they stood the day before', () => {
    const haiPhong = findProvince('31', '2025-07-01')!;
    expect(predecessorUnitsOf(haiPhong).map((u) => [u.code, u.nameVi, u.validTo])).toEqual([
      ['30', 'Hải Dương', '2025-06-30'],
      ['31', 'Hải Phòng', '2025-06-30'],
    ]);
  });

  it('gives none for a unit that began with the data coverage', () => {
    expect(predecessorUnitsOf(findProvince('30', '2020-01-01')!)).toEqual([]);
  });
});
