/** What a published result says per product group and per entrant code and group (counts only). */
export interface ResultCounts {
  groups: readonly { productGroup: string; entries: number; passed: number }[];
  provinces: readonly { provinceCode: string; productGroup: string; entries: number; passed: number }[];
}

/**
 * Why a result's per-province rows cannot be counted, or undefined when they can: each row passes at most the
 * entries it has, names its code and group once, and per group the rows add up to the group's line (the
 * provinces are the groups split by entrant; a group with no line has none).
 */
export function resultInconsistency(result: ResultCounts): string | undefined {
  const byGroup = new Map<string, { entries: number; passed: number }>();
  for (const group of result.groups) {
    if (byGroup.has(group.productGroup)) return `group ${group.productGroup} has more than one line`;
    if (group.passed > group.entries) return `group ${group.productGroup} passes more than its entries`;
    byGroup.set(group.productGroup, { entries: group.entries, passed: group.passed });
  }
  const seen = new Set<string>();
  const sums = new Map<string, { entries: number; passed: number }>();
  for (const row of result.provinces) {
    const where = `province ${row.provinceCode}, group ${row.productGroup}`;
    // A code is two digits, so the key is unambiguous.
    const key = row.provinceCode + row.productGroup;
    if (seen.has(key)) return `${where} has more than one row`;
    seen.add(key);
    if (row.passed > row.entries) return `${where} passes more than its entries`;
    const sum = sums.get(row.productGroup) ?? { entries: 0, passed: 0 };
    sums.set(row.productGroup, { entries: sum.entries + row.entries, passed: sum.passed + row.passed });
  }
  for (const group of new Set([...byGroup.keys(), ...sums.keys()])) {
    const line = byGroup.get(group) ?? { entries: 0, passed: 0 };
    const sum = sums.get(group) ?? { entries: 0, passed: 0 };
    if (line.entries !== sum.entries || line.passed !== sum.passed) {
      return (
        `group ${group} has ${line.entries} entries and ${line.passed} passes, ` +
        `its province rows ${sum.entries} and ${sum.passed}`
      );
    }
  }
  return undefined;
}
