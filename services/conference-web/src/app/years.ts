/** Years in Vietnam's calendar: the conference pages default to this year's. */
export function thisYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
  );
}

/**
 * The years the year selector offers, newest first: next year's plans are already being registered; the
 * provincial data starts in August 2008 (COVERAGE_START of @kc/reference-data, not imported: it would bundle
 * the whole lineage table into the first page).
 */
export function selectableYears(): number[] {
  const years: number[] = [];
  for (let year = thisYear() + 1; year >= 2008; year--) years.push(year);
  return years;
}
