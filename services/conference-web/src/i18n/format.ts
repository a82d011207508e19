/** Vietnamese number conventions: 120.000.000.000 đ, 99,6 %, dates dd/MM/yyyy in Vietnam's time zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Whole VND with the Vietnamese group separator: 120.000.000.000 đ. */
export function formatVnd(value: number): string {
  return `${integer.format(value)} đ`;
}

/** Compact VND for chart axes and tiles: 120 tỷ, 3,5 triệu (bn / m in English). */
export function formatVndShort(value: number, lang: 'vi' | 'en'): string {
  const abs = Math.abs(value);
  const [unit, divisor] =
    abs >= 1e9
      ? [lang === 'vi' ? 'tỷ' : 'bn', 1e9]
      : abs >= 1e6
        ? [lang === 'vi' ? 'triệu' : 'm', 1e6]
        : ['', 1];
  const scaled = value / divisor;
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: divisor === 1 ? 0 : 1 }).format(scaled);
  return unit ? `${text} ${unit}` : `${text} đ`;
}

/**
 * Hundredths of a hectare as hectares with two decimals, in integers so no binary fraction creeps in:
 * 2899750 → 28.997,50 ha.
 */
export function formatHectares(centiHa: number): string {
  const sign = centiHa < 0 ? '-' : '';
  const abs = Math.abs(centiHa);
  return `${sign}${integer.format(Math.trunc(abs / 100))},${String(abs % 100).padStart(2, '0')} ha`;
}

/** 99,6 % — one decimal; a dash when there is nothing to divide. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${oneDecimal.format(value)} %`;
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${time} ${formatDate(iso)}`;
}

/** Diacritic-blind comparison key: "Hà Nội" and "ha noi" meet (đ is its own letter, folded to d). */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}
