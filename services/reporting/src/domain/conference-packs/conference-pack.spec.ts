import {
  asciiFileName,
  conferenceName,
  packFileNames,
  packTitle,
  SHEET_NAME_MAX,
  sheetNames,
} from './conference-pack';

const national = { level: 'national', region: null, year: 2018, grouping: 'current' } as const;
const north = { level: 'regional', region: 'north', year: 2019, grouping: 'historical' } as const;
// 14:30 in Việt Nam (UTC+7).
const CUT_OFF = new Date('2026-05-21T07:30:00Z');

describe('conference pack names', () => {
  it('titles the report after its conference, in Vietnamese', () => {
    expect(packTitle(national)).toBe('Báo cáo số liệu hội nghị khuyến công toàn quốc năm 2018');
    expect(conferenceName(north)).toBe('hội nghị khuyến công khu vực miền Bắc năm 2019');
    expect(conferenceName({ ...north, region: 'central' })).toBe(
      'hội nghị khuyến công khu vực miền Trung – Tây Nguyên năm 2019',
    );
  });

  it('names each file by what it holds and when it was frozen, on Vietnam’s clock', () => {
    expect(packFileNames(national, CUT_OFF)).toEqual({
      report: 'Báo cáo số liệu hội nghị khuyến công toàn quốc năm 2018 - chốt 21-05-2026 14h30.pdf',
      annex:
        'Phụ lục số liệu theo đơn vị - hội nghị khuyến công toàn quốc năm 2018 - chốt 21-05-2026 14h30.xlsx',
    });
  });

  it('gives an ASCII name without diacritics for clients that read no UTF-8 name', () => {
    expect(asciiFileName(packFileNames(north, CUT_OFF).report)).toBe(
      'bao-cao-so-lieu-hoi-nghi-khuyen-cong-khu-vuc-mien-bac-nam-2019-chot-21-05-2026-14h30.pdf',
    );
    expect(asciiFileName('Đắk Lắk – Phụ lục.xlsx')).toBe('dak-lak-phu-luc.xlsx');
  });
});

describe('sheet names of the annex', () => {
  it('keeps a unit’s Vietnamese name as it is when Excel accepts it', () => {
    expect(sheetNames(['Hà Nội', 'Bà Rịa – Vũng Tàu'], ['Tổng hợp'])).toEqual([
      'Hà Nội',
      'Bà Rịa – Vũng Tàu',
    ]);
  });

  it('removes the characters Excel refuses and the apostrophes it cannot start or end with', () => {
    expect(sheetNames(['Tỉnh A/B: [mới]?*\\', "'Huế'"])).toEqual(['Tỉnh AB mới', 'Huế']);
  });

  it('cuts a long name to 31 characters', () => {
    const [name] = sheetNames(['Thành phố trực thuộc trung ương Hồ Chí Minh']);
    expect(name).toBe('Thành phố trực thuộc trung ương');
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });

  it('makes names unique without regard to case, within 31 characters, and away from taken ones', () => {
    const long = 'Một đơn vị có tên rất dài vượt quá giới hạn';
    const names = sheetNames(['Hà Nội', 'hà nội', long, long, 'Tổng hợp'], ['Tổng hợp']);
    expect(names).toEqual([
      'Hà Nội',
      'hà nội (2)',
      'Một đơn vị có tên rất dài vượt',
      'Một đơn vị có tên rất dài v (2)',
      'Tổng hợp (2)',
    ]);
    expect(names.every((n) => n.length <= SHEET_NAME_MAX)).toBe(true);
  });
});
