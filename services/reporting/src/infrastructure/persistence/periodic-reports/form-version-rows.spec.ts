import { reportForms } from '../../../domain/periodic-reports';
import { formsFromRows, formVersionRows } from './form-version-rows';

describe('the form catalogue as rows', () => {
  it('gives one row per form version and rebuilds the catalogue from them unchanged', () => {
    const rows = formVersionRows();
    expect(rows).toHaveLength(reportForms.reduce((n, f) => n + f.versions.length, 0));
    const rebuilt = formsFromRows(JSON.parse(JSON.stringify(rows)));
    expect(rebuilt).toEqual(JSON.parse(JSON.stringify(reportForms)));
  });

  it('puts a later version after the earlier ones, whatever order the rows come in', () => {
    const [form] = reportForms;
    const v2 = { ...form.versions[0], version: 2, effectiveFrom: '2027-01-01', publishedOn: '2026-12-01' };
    const rows = formVersionRows([{ ...form, versions: [form.versions[0], v2] }]).reverse();
    expect(formsFromRows(rows)[0].versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
