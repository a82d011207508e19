import {
  CLUSTER_SHEET_COLUMNS,
  columnLetter,
  columnOfField,
  parseClusterRow,
  sheetLabel,
} from './cluster-sheet';

const cells = (byField: Record<string, unknown>) =>
  CLUSTER_SHEET_COLUMNS.map((c) => (byField[c.field] ?? null) as never);

describe('the cluster sheet', () => {
  it('letters columns past Z as Excel does', () => {
    expect([0, 25, 26, 28, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AC', 'AZ', 'BA']);
  });

  it('finds the column of a request field, a domain field or their nearest parent', () => {
    expect(columnOfField('code')).toBe('A');
    expect(columnOfField('establishment.date')).toBe('J');
    expect(columnOfField('decision.date')).toBe('J');
    expect(columnOfField('areas.leasedCentiHa')).toBe('P');
    expect(columnOfField('developer')).toBe('Q');
    expect(columnOfField('infrastructure.wastewaterPlant.capacityM3PerDay')).toBe('AB');
    expect(columnOfField('provinceCode')).toBeNull();
    expect(columnOfField(null)).toBeNull();
  });

  it('reads labels, decimal commas, grouped thousands and dd/mm/yyyy into a registration body', () => {
    const parsed = parseClusterRow(
      3,
      cells({
        code: 'CCN-40-602',
        sizeCategory: 'làng nghề',
        status: 'Đang hoạt động',
        'establishment.date': '4/5/2019',
        'establishment.authority': 'UBND tỉnh',
        totalAreaHa: '62,5',
        'investment.registeredVnd': '320.000.000.000',
        'infrastructure.wastewaterPlant': 'Có',
        'infrastructure.wastewaterPlant.capacityM3PerDay': 1500,
        'infrastructure.wastewaterPlant.status': 'Đang xây dựng',
      }),
      '40',
    );
    expect(parsed).toEqual({
      row: 3,
      problems: [],
      fields: {
        provinceCode: '40',
        code: 'CCN-40-602',
        sizeCategory: 'craft-village',
        status: 'operating',
        establishment: { date: '2019-05-04', authority: 'provincial-peoples-committee' },
        totalAreaHa: 62.5,
        investment: { registeredVnd: 320_000_000_000 },
        infrastructure: { wastewaterPlant: { capacityM3PerDay: 1500, status: 'under-construction' } },
      },
    });
  });

  it('names the cell of each value it cannot read', () => {
    const parsed = parseClusterRow(
      7,
      cells({
        status: 'Đang chạy',
        'provincialList.date': '2019-05-04',
        totalAreaHa: '62.5.1',
        'establishment.number': '9/QĐ',
      }),
      '40',
    );
    expect(parsed.problems.map((p) => [p.column, p.rule])).toEqual([
      ['F', 'cell.unknown-value'],
      ['H', 'cell.not-a-date'],
      ['M', 'cell.not-a-number'],
      ['L', 'cell.required'],
    ]);
  });

  it('writes codes back as their labels', () => {
    expect(sheetLabel('status', 'operating')).toBe('Đang hoạt động');
    expect(sheetLabel('infrastructure.wastewaterPlant', true)).toBe('Có');
    expect(sheetLabel('name', 'Cụm A')).toBe('Cụm A');
  });
});
