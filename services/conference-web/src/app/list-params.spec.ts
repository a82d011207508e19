import { describe, expect, it } from '@jest/globals';
import { pageAddress, withFilters } from './list-params';

describe('list parameters in the address', () => {
  const current = new URLSearchParams('year=2026&status=approved&page=3');

  it('sets and removes filters and goes back to page 1', () => {
    expect(withFilters(current, { status: '', province: '40' }).toString()).toBe('year=2026&province=40');
  });

  it('leaves the parameters it was given unchanged', () => {
    withFilters(current, { year: '2025' });
    expect(current.toString()).toBe('year=2026&status=approved&page=3');
  });

  it('addresses another page of the same list, page 1 without a number', () => {
    expect(pageAddress(current, 4)).toBe('?year=2026&status=approved&page=4');
    expect(pageAddress(current, 1)).toBe('?year=2026&status=approved');
  });
});
