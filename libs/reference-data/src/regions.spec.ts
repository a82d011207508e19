import { isRegionCode, regions } from './regions';

describe('regions', () => {
  it('has north, central and south with Vietnamese and English names', () => {
    expect(regions).toEqual([
      { code: 'north', nameVi: 'Bắc', nameEn: 'Northern' },
      { code: 'central', nameVi: 'Trung – Tây Nguyên', nameEn: 'Central & Highlands' },
      { code: 'south', nameVi: 'Nam', nameEn: 'Southern' },
    ]);
    expect(isRegionCode('east')).toBe(false);
  });
});
