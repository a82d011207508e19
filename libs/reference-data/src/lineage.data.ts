import type { IsoDate } from './iso-date';
import { REORGANISATION_2025_DATE } from './provinces.data';

/** A reorganisation hands every unit that ends the day before `effectiveOn` to exactly one successor. */
export interface Reorganisation {
  readonly effectiveOn: IsoDate;
  readonly legalBasis: string;
  /** old code (as in force the day before) → new code (as in force from effectiveOn) */
  readonly successorByOldCode: Readonly<Record<string, string>>;
}

/** Resolution 202/2025/QH15: 63 provincial units became 34 (domain.md section 10). */
export const REORGANISATION_2025: Reorganisation = Object.freeze({
  effectiveOn: REORGANISATION_2025_DATE,
  legalBasis: 'Resolution 202/2025/QH15',
  successorByOldCode: Object.freeze({
    '01': '01', // Hà Nội
    '02': '08', // Hà Giang → Tuyên Quang
    '04': '04', // Cao Bằng
    '06': '19', // Bắc Kạn → Thái Nguyên
    '08': '08', // Tuyên Quang
    '10': '15', // Lào Cai → Lào Cai (code 15)
    '11': '11', // Điện Biên
    '12': '12', // Lai Châu
    '14': '14', // Sơn La
    '15': '15', // Yên Bái → Lào Cai
    '17': '25', // Hòa Bình → Phú Thọ
    '19': '19', // Thái Nguyên
    '20': '20', // Lạng Sơn
    '22': '22', // Quảng Ninh
    '24': '24', // Bắc Giang → Bắc Ninh (code 24)
    '25': '25', // Phú Thọ
    '26': '25', // Vĩnh Phúc → Phú Thọ
    '27': '24', // Bắc Ninh → Bắc Ninh (code 24)
    '30': '31', // Hải Dương → Hải Phòng
    '31': '31', // Hải Phòng
    '33': '33', // Hưng Yên
    '34': '33', // Thái Bình → Hưng Yên
    '35': '37', // Hà Nam → Ninh Bình
    '36': '37', // Nam Định → Ninh Bình
    '37': '37', // Ninh Bình
    '38': '38', // Thanh Hóa
    '40': '40', // Nghệ An
    '42': '42', // Hà Tĩnh
    '44': '44', // Quảng Bình → Quảng Trị (code 44)
    '45': '44', // Quảng Trị → Quảng Trị (code 44)
    '46': '46', // Huế
    '48': '48', // Đà Nẵng
    '49': '48', // Quảng Nam → Đà Nẵng
    '51': '51', // Quảng Ngãi
    '52': '52', // Bình Định → Gia Lai (code 52)
    '54': '66', // Phú Yên → Đắk Lắk
    '56': '56', // Khánh Hòa
    '58': '56', // Ninh Thuận → Khánh Hòa
    '60': '68', // Bình Thuận → Lâm Đồng
    '62': '51', // Kon Tum → Quảng Ngãi
    '64': '52', // Gia Lai → Gia Lai (code 52)
    '66': '66', // Đắk Lắk
    '67': '68', // Đắk Nông → Lâm Đồng
    '68': '68', // Lâm Đồng
    '70': '75', // Bình Phước → Đồng Nai
    '72': '80', // Tây Ninh → Tây Ninh (code 80)
    '74': '79', // Bình Dương → Hồ Chí Minh
    '75': '75', // Đồng Nai
    '77': '79', // Bà Rịa – Vũng Tàu → Hồ Chí Minh
    '79': '79', // Hồ Chí Minh
    '80': '80', // Long An → Tây Ninh (code 80)
    '82': '82', // Tiền Giang → Đồng Tháp (code 82)
    '83': '86', // Bến Tre → Vĩnh Long
    '84': '86', // Trà Vinh → Vĩnh Long
    '86': '86', // Vĩnh Long
    '87': '82', // Đồng Tháp → Đồng Tháp (code 82)
    '89': '91', // An Giang → An Giang (code 91)
    '91': '91', // Kiên Giang → An Giang (code 91)
    '92': '92', // Cần Thơ
    '93': '92', // Hậu Giang → Cần Thơ
    '94': '92', // Sóc Trăng → Cần Thơ
    '95': '96', // Bạc Liêu → Cà Mau
    '96': '96', // Cà Mau
  }),
});

/** All reorganisations covered by the data, oldest first. */
export const reorganisations: readonly Reorganisation[] = Object.freeze([REORGANISATION_2025]);
