/** Weights of the check digit of a Vietnamese tax code (mã số thuế), over its first nine digits. */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The tenth digit of a tax code whose first nine are `nine`, or undefined when no digit makes it valid. */
export function checkDigit(nine: string): number | undefined {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

export interface SyntheticFacility {
  taxCode: string;
  name: string;
  provinceCode: string;
  legalForm: 'household-business';
}

/**
 * `count` facilities with distinct valid 10-digit tax codes, spread round-robin over `units`. The codes start
 * with 98 and a per-run block, so two runs never share one (they register at different fairs anyway).
 */
export function syntheticFacilities(
  count: number,
  units: readonly string[],
  runBlock: number,
): SyntheticFacility[] {
  const facilities: SyntheticFacility[] = [];
  for (let seq = 0; facilities.length < count; seq++) {
    const nine = `98${String(runBlock % 100).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
    if (nine.length !== 9) throw new Error(`more than 100000 facilities per run are not supported`);
    const check = checkDigit(nine);
    if (check === undefined) continue;
    const i = facilities.length;
    facilities.push({
      taxCode: `${nine}${check}`,
      name: `Cơ sở thử tải đăng ký gian hàng số ${i + 1}`,
      provinceCode: units[i % units.length],
      legalForm: 'household-business',
    });
  }
  return facilities;
}
