import type { IsoDate } from './iso-date';
import type { RegionCode } from './regions';

/** 'city' = thành phố trực thuộc trung ương (centrally-run city); 'province' = tỉnh. */
export type ProvincialUnitKind = 'province' | 'city';

/**
 * A change of name or kind that leaves the territory unchanged (a boundary change makes a new unit instead).
 * Keeping these on the unit keeps the unit's key, (code, validFrom), stable across such changes.
 */
export interface UnitAttributeChange {
  readonly from: IsoDate;
  readonly nameVi?: string;
  readonly nameEn?: string;
  readonly kind?: ProvincialUnitKind;
  readonly legalBasis: string;
  /** false when our sources do not confirm the effective date: replace it once the legal text is at hand. */
  readonly verified: boolean;
}

/**
 * One provincial unit over its life. Validity is inclusive at both ends; validTo null = still in force.
 * A code alone is not a key: a retained code can name a different unit after 07/2025 (15 = Yên Bái, then Lào Cai).
 */
export interface ProvincialUnitRecord {
  readonly code: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** Name and kind as at validFrom; later values come from `changes`. */
  readonly nameVi: string;
  readonly nameEn: string;
  readonly kind: ProvincialUnitKind;
  readonly regionCode: RegionCode;
  readonly changes: readonly UnitAttributeChange[];
}

/**
 * The 63-unit map dates from the merger of Hà Tây into Hà Nội (Resolution 15/2008/QH12, effective 01/08/2008);
 * before that the country had 64 units, which this data does not describe, so earlier dates are rejected.
 */
export const COVERAGE_START: IsoDate = '2008-08-01';

/** Resolution 202/2025/QH15: the 34 units operate from 01/07/2025. */
export const REORGANISATION_2025_DATE: IsoDate = '2025-07-01';
const LAST_DAY_OF_63: IsoDate = '2025-06-30';

function before2025(
  code: string,
  nameVi: string,
  nameEn: string,
  regionCode: RegionCode,
  kind: ProvincialUnitKind = 'province',
  changes: readonly UnitAttributeChange[] = [],
): ProvincialUnitRecord {
  return {
    code,
    validFrom: COVERAGE_START,
    validTo: LAST_DAY_OF_63,
    nameVi,
    nameEn,
    kind,
    regionCode,
    changes,
  };
}

function from2025(
  code: string,
  nameVi: string,
  nameEn: string,
  regionCode: RegionCode,
  kind: ProvincialUnitKind = 'province',
  changes: readonly UnitAttributeChange[] = [],
): ProvincialUnitRecord {
  return {
    code,
    validFrom: REORGANISATION_2025_DATE,
    validTo: null,
    nameVi,
    nameEn,
    kind,
    regionCode,
    changes,
  };
}

/**
 * Domain.md says only "in 2026" for Đồng Nai, Quảng Ninh and Bắc Ninh becoming centrally-run cities. The day is a
 * placeholder (first day of that year) until the National Assembly resolution is checked; hence verified: false.
 */
const CITY_STATUS_2026: UnitAttributeChange = {
  from: '2026-01-01',
  kind: 'city',
  legalBasis: 'National Assembly resolution of 2026 (number and effective date to be confirmed)',
  verified: false,
};

/** The 63 units in force until 30/06/2025 (codes as in domain.md section 10). */
const UNITS_BEFORE_2025: readonly ProvincialUnitRecord[] = [
  before2025('01', 'Hà Nội', 'Hanoi', 'north', 'city'),
  before2025('02', 'Hà Giang', 'Ha Giang', 'north'),
  before2025('04', 'Cao Bằng', 'Cao Bang', 'north'),
  before2025('06', 'Bắc Kạn', 'Bac Kan', 'north'),
  before2025('08', 'Tuyên Quang', 'Tuyen Quang', 'north'),
  before2025('10', 'Lào Cai', 'Lao Cai', 'north'),
  before2025('11', 'Điện Biên', 'Dien Bien', 'north'),
  before2025('12', 'Lai Châu', 'Lai Chau', 'north'),
  before2025('14', 'Sơn La', 'Son La', 'north'),
  before2025('15', 'Yên Bái', 'Yen Bai', 'north'),
  before2025('17', 'Hòa Bình', 'Hoa Binh', 'north'),
  before2025('19', 'Thái Nguyên', 'Thai Nguyen', 'north'),
  before2025('20', 'Lạng Sơn', 'Lang Son', 'north'),
  before2025('22', 'Quảng Ninh', 'Quang Ninh', 'north'),
  before2025('24', 'Bắc Giang', 'Bac Giang', 'north'),
  before2025('25', 'Phú Thọ', 'Phu Tho', 'north'),
  before2025('26', 'Vĩnh Phúc', 'Vinh Phuc', 'north'),
  before2025('27', 'Bắc Ninh', 'Bac Ninh', 'north'),
  before2025('30', 'Hải Dương', 'Hai Duong', 'north'),
  before2025('31', 'Hải Phòng', 'Hai Phong', 'north', 'city'),
  before2025('33', 'Hưng Yên', 'Hung Yen', 'north'),
  before2025('34', 'Thái Bình', 'Thai Binh', 'north'),
  before2025('35', 'Hà Nam', 'Ha Nam', 'north'),
  before2025('36', 'Nam Định', 'Nam Dinh', 'north'),
  before2025('37', 'Ninh Bình', 'Ninh Binh', 'north'),
  before2025('38', 'Thanh Hóa', 'Thanh Hoa', 'north'),
  before2025('40', 'Nghệ An', 'Nghe An', 'north'),
  before2025('42', 'Hà Tĩnh', 'Ha Tinh', 'north'),
  before2025('44', 'Quảng Bình', 'Quang Binh', 'central'),
  before2025('45', 'Quảng Trị', 'Quang Tri', 'central'),
  // Same territory, renamed and made a centrally-run city by Resolution 175/2024/QH15 from 01/01/2025.
  before2025('46', 'Thừa Thiên Huế', 'Thua Thien Hue', 'central', 'province', [
    {
      from: '2025-01-01',
      nameVi: 'Huế',
      nameEn: 'Hue',
      kind: 'city',
      legalBasis: 'Resolution 175/2024/QH15',
      verified: true,
    },
  ]),
  before2025('48', 'Đà Nẵng', 'Da Nang', 'central', 'city'),
  before2025('49', 'Quảng Nam', 'Quang Nam', 'central'),
  before2025('51', 'Quảng Ngãi', 'Quang Ngai', 'central'),
  before2025('52', 'Bình Định', 'Binh Dinh', 'central'),
  before2025('54', 'Phú Yên', 'Phu Yen', 'central'),
  before2025('56', 'Khánh Hòa', 'Khanh Hoa', 'central'),
  before2025('58', 'Ninh Thuận', 'Ninh Thuan', 'central'),
  // Bình Thuận was a Southern province; it went into new Lâm Đồng (Central & Highlands) in 2025.
  before2025('60', 'Bình Thuận', 'Binh Thuan', 'south'),
  before2025('62', 'Kon Tum', 'Kon Tum', 'central'),
  before2025('64', 'Gia Lai', 'Gia Lai', 'central'),
  before2025('66', 'Đắk Lắk', 'Dak Lak', 'central'),
  before2025('67', 'Đắk Nông', 'Dak Nong', 'central'),
  before2025('68', 'Lâm Đồng', 'Lam Dong', 'central'),
  before2025('70', 'Bình Phước', 'Binh Phuoc', 'south'),
  before2025('72', 'Tây Ninh', 'Tay Ninh', 'south'),
  before2025('74', 'Bình Dương', 'Binh Duong', 'south'),
  before2025('75', 'Đồng Nai', 'Dong Nai', 'south'),
  before2025('77', 'Bà Rịa – Vũng Tàu', 'Ba Ria – Vung Tau', 'south'),
  before2025('79', 'Hồ Chí Minh', 'Ho Chi Minh City', 'south', 'city'),
  before2025('80', 'Long An', 'Long An', 'south'),
  before2025('82', 'Tiền Giang', 'Tien Giang', 'south'),
  before2025('83', 'Bến Tre', 'Ben Tre', 'south'),
  before2025('84', 'Trà Vinh', 'Tra Vinh', 'south'),
  before2025('86', 'Vĩnh Long', 'Vinh Long', 'south'),
  before2025('87', 'Đồng Tháp', 'Dong Thap', 'south'),
  before2025('89', 'An Giang', 'An Giang', 'south'),
  before2025('91', 'Kiên Giang', 'Kien Giang', 'south'),
  before2025('92', 'Cần Thơ', 'Can Tho', 'south', 'city'),
  before2025('93', 'Hậu Giang', 'Hau Giang', 'south'),
  before2025('94', 'Sóc Trăng', 'Soc Trang', 'south'),
  before2025('95', 'Bạc Liêu', 'Bac Lieu', 'south'),
  before2025('96', 'Cà Mau', 'Ca Mau', 'south'),
];

/**
 * The 34 units in force from 01/07/2025. Every one starts a new record, merged or not, because the reorganisation
 * is where the lineage (lineage.data.ts) hands old codes over to new ones.
 */
const UNITS_FROM_2025: readonly ProvincialUnitRecord[] = [
  from2025('01', 'Hà Nội', 'Hanoi', 'north', 'city'),
  from2025('04', 'Cao Bằng', 'Cao Bang', 'north'),
  from2025('08', 'Tuyên Quang', 'Tuyen Quang', 'north'),
  from2025('11', 'Điện Biên', 'Dien Bien', 'north'),
  from2025('12', 'Lai Châu', 'Lai Chau', 'north'),
  from2025('14', 'Sơn La', 'Son La', 'north'),
  from2025('15', 'Lào Cai', 'Lao Cai', 'north'),
  from2025('19', 'Thái Nguyên', 'Thai Nguyen', 'north'),
  from2025('20', 'Lạng Sơn', 'Lang Son', 'north'),
  from2025('22', 'Quảng Ninh', 'Quang Ninh', 'north', 'province', [CITY_STATUS_2026]),
  from2025('24', 'Bắc Ninh', 'Bac Ninh', 'north', 'province', [CITY_STATUS_2026]),
  from2025('25', 'Phú Thọ', 'Phu Tho', 'north'),
  from2025('31', 'Hải Phòng', 'Hai Phong', 'north', 'city'),
  from2025('33', 'Hưng Yên', 'Hung Yen', 'north'),
  from2025('37', 'Ninh Bình', 'Ninh Binh', 'north'),
  from2025('38', 'Thanh Hóa', 'Thanh Hoa', 'north'),
  from2025('40', 'Nghệ An', 'Nghe An', 'north'),
  from2025('42', 'Hà Tĩnh', 'Ha Tinh', 'north'),
  from2025('44', 'Quảng Trị', 'Quang Tri', 'central'),
  from2025('46', 'Huế', 'Hue', 'central', 'city'),
  from2025('48', 'Đà Nẵng', 'Da Nang', 'central', 'city'),
  from2025('51', 'Quảng Ngãi', 'Quang Ngai', 'central'),
  from2025('52', 'Gia Lai', 'Gia Lai', 'central'),
  from2025('56', 'Khánh Hòa', 'Khanh Hoa', 'central'),
  from2025('66', 'Đắk Lắk', 'Dak Lak', 'central'),
  from2025('68', 'Lâm Đồng', 'Lam Dong', 'central'),
  from2025('75', 'Đồng Nai', 'Dong Nai', 'south', 'province', [CITY_STATUS_2026]),
  from2025('79', 'Hồ Chí Minh', 'Ho Chi Minh City', 'south', 'city'),
  from2025('80', 'Tây Ninh', 'Tay Ninh', 'south'),
  from2025('82', 'Đồng Tháp', 'Dong Thap', 'south'),
  from2025('86', 'Vĩnh Long', 'Vinh Long', 'south'),
  from2025('91', 'An Giang', 'An Giang', 'south'),
  from2025('92', 'Cần Thơ', 'Can Tho', 'south', 'city'),
  from2025('96', 'Cà Mau', 'Ca Mau', 'south'),
];

/** Every unit record, oldest first; suitable for seeding a reference table. */
export const provincialUnitRecords: readonly ProvincialUnitRecord[] = Object.freeze([
  ...UNITS_BEFORE_2025,
  ...UNITS_FROM_2025,
]);
