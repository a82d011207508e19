import { SHEET_COLUMNS, columnOfField, parseSheet, type SheetCell } from './project-sheet';

const headers = SHEET_COLUMNS.map((c) => c.header);
const example = SHEET_COLUMNS.map((c) => c.example);
const withCells = (changes: Record<string, SheetCell>): SheetCell[] =>
  SHEET_COLUMNS.map((c, i) => (c.field !== null && c.field in changes ? changes[c.field] : example[i]));

describe('province registration sheet', () => {
  it('reads a row of the template into request fields', () => {
    const sheet = parseSheet([['Danh sách đề án'], headers, example], 1);
    expect(sheet.sheetProblems).toEqual([]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]).toMatchObject({ row: 3, problems: [] });
    expect(sheet.rows[0].fields).toMatchObject({
      title: 'Hỗ trợ xây dựng mô hình trình diễn kỹ thuật sản xuất gạch không nung',
      kind: 'ordinary',
      activityContents: [3],
      provinceCode: '40',
      startDate: '2026-03-01',
      endDate: '2026-11-30',
      kcqgVnd: 600_000_000,
      procurementMode: 'selection',
      advanceCategory: 'model-machinery',
      beneficiaries: [{ taxCode: '2901234567', name: 'Công ty TNHH Gạch Việt', legalForm: 'enterprise' }],
    });
  });

  it('accepts date cells, numeric province codes, grouped amounts and labels without diacritics', () => {
    const cells = withCells({
      startDate: new Date(Date.UTC(2026, 2, 1)),
      provinceCode: 4,
      kcqgVnd: '1.500.000.000',
      kind: 'diem',
      activityContents: '3; 4',
    });
    const { rows } = parseSheet([headers, cells]);
    expect(rows[0].problems).toEqual([]);
    expect(rows[0].fields).toMatchObject({
      startDate: '2026-03-01',
      provinceCode: '04',
      kcqgVnd: 1_500_000_000,
      kind: 'flagship',
      activityContents: [3, 4],
    });
  });

  it('reports every bad cell of every row with its row, column, field and rule', () => {
    const { rows } = parseSheet([
      headers,
      withCells({ title: null, startDate: '31/02/2026' }),
      [],
      withCells({
        kcqgVnd: -5,
        activityContents: '3, 10',
        advanceCategory: 'khác',
        beneficiaries: '2901234567 | A',
      }),
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0].problems.map((p) => [p.row, p.column, p.field, p.rule])).toEqual([
      [2, 'B', 'title', 'required'],
      [2, 'I', 'startDate', 'date'],
    ]);
    expect(rows[1].problems.map((p) => [p.row, p.column, p.field, p.rule])).toEqual([
      [4, 'D', 'activityContents', 'activity-contents'],
      [4, 'K', 'kcqgVnd', 'vnd'],
      [4, 'R', 'advanceCategory', 'choice'],
      [4, 'S', 'beneficiaries', 'beneficiary'],
    ]);
    expect(rows[1].problems[2].message).toContain('Hạ tầng cụm công nghiệp');
  });

  it('refuses a sheet whose headers are not the template', () => {
    const wrong = [...headers];
    wrong[6] = 'Tỉnh';
    const sheet = parseSheet([wrong, example]);
    expect(sheet.rows).toEqual([]);
    expect(sheet.sheetProblems).toMatchObject([
      { row: 1, column: 'G', field: 'provinceCode', rule: 'sheet.header' },
    ]);
    expect(parseSheet([['x']]).sheetProblems[0].rule).toBe('sheet.no-header');
  });

  it('names the column of a request field', () => {
    expect(columnOfField('title')).toBe('B');
    expect(columnOfField('advanceCategory')).toBe('R');
    expect(columnOfField('nothing')).toBeNull();
  });
});
