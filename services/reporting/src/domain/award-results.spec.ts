import { resultInconsistency, type ResultCounts } from './award-results';

const result: ResultCounts = {
  groups: [
    { productGroup: 'handicraft', entries: 3, passed: 2 },
    { productGroup: 'agro-food', entries: 1, passed: 1 },
    { productGroup: 'machinery', entries: 0, passed: 0 },
  ],
  provinces: [
    { provinceCode: '40', productGroup: 'handicraft', entries: 2, passed: 1 },
    { provinceCode: '01', productGroup: 'handicraft', entries: 1, passed: 1 },
    { provinceCode: '01', productGroup: 'agro-food', entries: 1, passed: 1 },
  ],
};

describe('a published result split by province', () => {
  it('counts rows that add up to the group lines', () => {
    expect(resultInconsistency(result)).toBeUndefined();
    expect(resultInconsistency({ groups: [], provinces: [] })).toBeUndefined();
  });

  it.each([
    [
      'rows that do not add up to their group',
      { ...result, provinces: result.provinces.slice(1) },
      'group handicraft has 3 entries and 2 passes, its province rows 1 and 1',
    ],
    [
      'a group with rows but no line',
      { ...result, groups: result.groups.slice(0, 1) },
      'group agro-food has 0 entries and 0 passes, its province rows 1 and 1',
    ],
    [
      'a row passing more than it entered',
      {
        groups: [{ productGroup: 'other', entries: 1, passed: 2 }],
        provinces: [{ provinceCode: '40', productGroup: 'other', entries: 1, passed: 2 }],
      },
      'group other passes more than its entries',
    ],
    [
      'a province row passing more than it entered',
      {
        groups: [{ productGroup: 'other', entries: 3, passed: 2 }],
        provinces: [
          { provinceCode: '40', productGroup: 'other', entries: 1, passed: 2 },
          { provinceCode: '01', productGroup: 'other', entries: 2, passed: 0 },
        ],
      },
      'province 40, group other passes more than its entries',
    ],
    [
      'a code and group given twice',
      {
        groups: [{ productGroup: 'other', entries: 2, passed: 0 }],
        provinces: [
          { provinceCode: '40', productGroup: 'other', entries: 1, passed: 0 },
          { provinceCode: '40', productGroup: 'other', entries: 1, passed: 0 },
        ],
      },
      'province 40, group other has more than one row',
    ],
    [
      'a group given twice',
      { ...result, groups: [...result.groups, result.groups[0]] },
      'group handicraft has more than one line',
    ],
  ])('refuses %s', (_case, given, problem) => {
    expect(resultInconsistency(given)).toBe(problem);
  });
});
