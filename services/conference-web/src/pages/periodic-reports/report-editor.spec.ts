import { describe, expect, it } from '@jest/globals';
import type { PeriodicReportView, ReportFormVersionView } from '@kc/contracts';
import {
  contentEdit,
  differsFromPlatform,
  draftChanged,
  draftOf,
  fieldId,
  groupDigits,
  latestReturn,
  parseWhole,
  problemsByField,
} from './report-editor';

const cell = (key: string, measure: 'count' | 'vnd', platformSource: string | null = null) => ({
  key,
  indicatorKey: key.split('/')[0]!,
  member: key.includes('/') ? key.split('/')[1]! : null,
  label: { vi: key, en: key },
  measure,
  platformSource,
  required: true,
});

/** The holders' annual form (no platform figure), plus one cell the platform knows, as a department's form has. */
const form: Pick<ReportFormVersionView, 'cells' | 'narratives'> = {
  cells: [
    cell('revenueVnd', 'vnd'),
    cell('workers', 'count'),
    cell('boothsSupported', 'count', 'fairs.booths'),
  ],
  narratives: [
    { key: 'changes', label: { vi: 'Thay đổi của sản phẩm', en: 'Changes' }, required: false, maxLength: 20 },
  ],
};
const platform = { boothsSupported: 12 };

describe('entering a report’s figures on its page', () => {
  it('reads figures as the app shows them, and refuses decimals, signs and letters', () => {
    expect(parseWhole('1250000000')).toEqual({ value: 1_250_000_000 });
    expect(parseWhole(' 1.250.000.000 ')).toEqual({ value: 1_250_000_000 });
    expect(parseWhole('1 250 000')).toEqual({ value: 1_250_000 });
    expect(parseWhole('0')).toEqual({ value: 0 });
    expect(parseWhole('')).toEqual({ value: null });
    expect(parseWhole('   ')).toEqual({ value: null });
    for (const bad of ['1,5', '1.5', '12.34', '1.2345', '-3', '18 người', '1e6', '1.250,000'])
      expect(parseWhole(bad)).toHaveProperty('problem.vi', expect.stringContaining('số nguyên không âm'));
    expect(parseWhole('9007199254740993')).toEqual({ problem: { vi: 'quá lớn', en: 'is too large' } });
    expect(groupDigits(1_250_000_000)).toBe('1.250.000.000');
    expect(groupDigits(18)).toBe('18');
    expect(parseWhole(groupDigits(987_654_321))).toEqual({ value: 987_654_321 });
  });

  it('fills the fields from the working content, blank where it holds nothing', () => {
    const draft = draftOf(form, {
      entered: { revenueVnd: 1_250_000_000, boothsSupported: 12 },
      explanations: {},
      narratives: { changes: 'Thêm mẫu mới' },
      attachments: [],
    });
    expect(draft).toEqual({
      values: { revenueVnd: '1.250.000.000', workers: '', boothsSupported: '12' },
      explanations: { revenueVnd: '', workers: '', boothsSupported: '' },
      narratives: { changes: 'Thêm mẫu mới' },
    });
    expect(draftOf(form, null).values).toEqual({ revenueVnd: '', workers: '', boothsSupported: '' });
  });

  it('builds the content edit: typed figures, explanations of differing cells only, non-blank narratives', () => {
    const draft = draftOf(form, null);
    draft.values = { revenueVnd: '1.250.000.000', workers: '18', boothsSupported: '14' };
    draft.explanations = { revenueVnd: 'not a difference', workers: '', boothsSupported: ' 2 gian tự thuê ' };
    draft.narratives = { changes: '  ' };
    expect(contentEdit(form, draft, platform)).toEqual({
      edit: {
        values: { revenueVnd: 1_250_000_000, workers: 18, boothsSupported: 14 },
        explanations: { boothsSupported: '2 gian tự thuê' },
        narratives: {},
      },
      problems: [],
    });
    // The platform's figure again: no difference, its explanation is not sent.
    draft.values.boothsSupported = '12';
    expect(contentEdit(form, draft, platform).edit.explanations).toEqual({});
  });

  it('names every field it cannot send, and sends nothing of a blank figure', () => {
    const draft = draftOf(form, null);
    draft.values = { revenueVnd: '1,5', workers: '', boothsSupported: 'mười' };
    draft.narratives = { changes: 'x'.repeat(21) };
    const { edit, problems } = contentEdit(form, draft, platform);
    expect(problems.map((p) => p.field)).toEqual([
      'values.revenueVnd',
      'values.boothsSupported',
      'narratives.changes',
    ]);
    expect(problems[2]!.messages.vi).toBe('dài 21 ký tự, tối đa 20');
    expect(edit.values).toEqual({});
  });

  it('marks a cell the platform knows as differing when blank or another figure, never one it does not know', () => {
    const draft = draftOf(form, null);
    expect(differsFromPlatform('boothsSupported', draft, platform)).toBe(true);
    draft.values.boothsSupported = '12';
    expect(differsFromPlatform('boothsSupported', draft, platform)).toBe(false);
    draft.values.boothsSupported = '1,2';
    expect(differsFromPlatform('boothsSupported', draft, platform)).toBe(true);
    expect(differsFromPlatform('revenueVnd', draft, platform)).toBe(false);
  });

  it('tells a change from the saved content by what it would send, not by how it is typed', () => {
    const saved = draftOf(form, {
      entered: { revenueVnd: 1_250_000_000 },
      explanations: {},
      narratives: {},
      attachments: [],
    });
    const typed = (values: Record<string, string>, narratives = saved.narratives) => ({
      ...saved,
      values: { ...saved.values, ...values },
      narratives,
    });
    expect(draftChanged(form, typed({ revenueVnd: '1250000000' }), saved, platform)).toBe(false);
    expect(draftChanged(form, typed({}, { changes: '   ' }), saved, platform)).toBe(false);
    expect(draftChanged(form, typed({ workers: '18' }), saved, platform)).toBe(true);
    expect(draftChanged(form, typed({ revenueVnd: '' }), saved, platform)).toBe(true);
    expect(draftChanged(form, typed({ revenueVnd: '1,25' }), saved, platform)).toBe(true);
  });

  it('places the API’s refusals on the fields they name, from request validation and from the domain', () => {
    const placed = problemsByField([
      { field: 'body.values.workers', message: 'phải là số nguyên / must be a whole number' },
      {
        field: 'values.revenueVnd',
        message: 'x',
        messages: { vi: 'Chưa nhập doanh thu', en: 'Revenue is missing' },
      },
      { message: 'no field' },
    ]);
    expect(placed).toEqual([
      {
        field: 'values.workers',
        messages: {
          vi: 'phải là số nguyên / must be a whole number',
          en: 'phải là số nguyên / must be a whole number',
        },
      },
      { field: 'values.revenueVnd', messages: { vi: 'Chưa nhập doanh thu', en: 'Revenue is missing' } },
    ]);
    expect(fieldId('values.kcqgAllocatedVnd/content-3')).toBe(
      'pr-edit-values-kcqgAllocatedVnd-content-3-input',
    );
  });

  it('finds why a returned report came back: the latest return, none once it is sent again', () => {
    const event = (
      kind: PeriodicReportView['events'][number]['kind'],
      reason: string | null,
      version: number | null,
    ) => ({
      kind,
      at: '2026-02-10T03:00:00.000Z',
      by: 'sct.01',
      version,
      level: kind === 'returned' ? ('province' as const) : null,
      reason,
      approvedBy: null,
    });
    const events = [
      event('opened', null, null),
      event('submitted', null, 1),
      event('returned', 'Thiếu số lao động', 1),
      event('submitted', null, 2),
      event('returned', 'Doanh thu chưa khớp sổ sách', 2),
    ];
    expect(latestReturn({ status: 'returned', events })?.reason).toBe('Doanh thu chưa khớp sổ sách');
    expect(
      latestReturn({ status: 'submitted', events: [...events, event('submitted', null, 3)] }),
    ).toBeNull();
  });
});
