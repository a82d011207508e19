import {
  dueReportMonths,
  elapsedPercent,
  settlementDeadline,
  watchlistFlags,
  type WatchedProject,
} from './watchlist';

/** A project contracted on 10 March 2026, scheduled 1 March – 30 November, 40% reported for April. */
const project: WatchedProject = {
  status: 'in-progress',
  planYear: 2026,
  startDate: '2026-03-01',
  endDate: '2026-11-30',
  contractedOn: '2026-03-10',
  advanceCategory: 'training-events-media',
  firstAdvanceOn: '2026-03-20',
  lastProgressPercent: 40,
  reports: [
    { month: '2026-03', receivedAt: '2026-03-24T09:00:00+07:00', late: false },
    { month: '2026-04', receivedAt: '2026-04-20T09:00:00+07:00', late: false },
  ],
};
const codes = (p: WatchedProject, today: string) => watchlistFlags(p, today).map((f) => f.code);

describe('watchlist rules', () => {
  it('flags nothing for a project on time', () => {
    expect(watchlistFlags(project, '2026-05-25')).toEqual([]);
  });

  describe('monthly reports', () => {
    it('owes a month once its 25th has passed, counting from the contract', () => {
      expect(dueReportMonths('2026-03-10', '2026-11-30', '2026-05-25')).toEqual(['2026-03', '2026-04']);
      expect(dueReportMonths('2026-03-10', '2026-11-30', '2026-05-26')).toEqual([
        '2026-03',
        '2026-04',
        '2026-05',
      ]);
      // Signed after the 25th: March was never due.
      expect(dueReportMonths('2026-03-26', '2026-11-30', '2026-05-26')).toEqual(['2026-04', '2026-05']);
      // Nothing is due after the schedule's end.
      expect(dueReportMonths('2026-03-10', '2026-04-20', '2026-09-01')).toEqual(['2026-03']);
    });

    it('names the missing month with its due day', () => {
      const [flag] = watchlistFlags(project, '2026-05-26');
      expect(flag).toEqual({
        code: 'missing-report',
        severity: 'overdue',
        reasonVi: 'Thiếu báo cáo tháng 05/2026 (hạn ngày 25 hằng tháng)',
        reasonEn: 'No monthly report for 2026-05 (due on the 25th)',
      });
    });

    it('counts many missing months and names the latest three', () => {
      const silent = { ...project, reports: [], lastProgressPercent: 100 };
      const [flag] = watchlistFlags(silent, '2026-08-26');
      expect(flag.reasonVi).toBe(
        'Thiếu 6 báo cáo tháng, gần nhất: 06/2026, 07/2026, 08/2026 (hạn ngày 25 hằng tháng)',
      );
    });

    it('flags the latest report when it came after the 25th', () => {
      const late = {
        ...project,
        reports: [...project.reports, { month: '2026-05', receivedAt: '2026-05-27T01:00:00Z', late: true }],
      };
      expect(watchlistFlags(late, '2026-06-01')).toEqual([
        {
          code: 'late-report',
          severity: 'warning',
          reasonVi: 'Báo cáo tháng 05/2026 nộp muộn: ngày 27/05/2026, hạn 25/05/2026',
          reasonEn: 'The 2026-05 report came late: on 2026-05-27, due 2026-05-25',
        },
      ]);
    });

    it('asks no reports of a project not under contract or already accepted', () => {
      expect(codes({ ...project, status: 'accepted', reports: [] }, '2026-09-01')).not.toContain(
        'missing-report',
      );
      expect(codes({ ...project, status: 'in-plan', contractedOn: null }, '2026-09-01')).not.toContain(
        'missing-report',
      );
    });
  });

  describe('progress against the schedule', () => {
    it('measures the elapsed share of the schedule in whole percent', () => {
      expect(elapsedPercent('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
      expect(elapsedPercent('2026-01-01', '2026-12-31', '2026-07-02')).toBe(50);
      expect(elapsedPercent('2026-01-01', '2026-12-31', '2027-03-01')).toBe(100);
    });

    it('flags progress more than 20 points behind the elapsed share, not 20 exactly', () => {
      // 1 Mar – 30 Nov is 274 days; on 30 Jul 151 days (55%) have passed: 35% done is 20 behind, 34% is 21.
      const reported = { ...project, reports: [] };
      expect(codes({ ...reported, lastProgressPercent: 35 }, '2026-07-30')).not.toContain('behind-schedule');
      const behind = watchlistFlags({ ...reported, lastProgressPercent: 34 }, '2026-07-30').find(
        (f) => f.code === 'behind-schedule',
      );
      expect(behind).toEqual({
        code: 'behind-schedule',
        severity: 'warning',
        reasonVi: 'Tiến độ 34% trong khi đã qua 55% thời gian thực hiện (chậm 21 điểm)',
        reasonEn: '34% done with 55% of the schedule elapsed (21 points behind)',
      });
    });

    it('counts a project that never reported as 0% done, overdue after its end', () => {
      const never = { ...project, reports: [], lastProgressPercent: null };
      const flag = watchlistFlags(never, '2026-12-10').find((f) => f.code === 'behind-schedule');
      expect(flag).toMatchObject({
        severity: 'overdue',
        reasonEn: expect.stringMatching(/^0% done with 100%/),
      });
    });
  });

  describe('advances', () => {
    const none = { ...project, firstAdvanceOn: null, lastProgressPercent: 90 };

    it('flags a project with no advance only after 30 September of the plan year', () => {
      expect(codes(none, '2026-09-30')).not.toContain('no-advance');
      expect(watchlistFlags(none, '2026-10-01').find((f) => f.code === 'no-advance')).toEqual({
        code: 'no-advance',
        severity: 'warning',
        reasonVi: 'Chưa tạm ứng kinh phí sau ngày 30/09/2026',
        reasonEn: 'No advance drawn after 2026-09-30',
      });
      expect(codes({ ...none, status: 'in-plan', contractedOn: null }, '2026-10-01')).toContain('no-advance');
    });

    it('expects no advance for enterprise founding (paid after acceptance) nor once accepted', () => {
      expect(codes({ ...none, advanceCategory: 'enterprise-founding' }, '2026-10-01')).not.toContain(
        'no-advance',
      );
      expect(codes({ ...none, status: 'accepted' }, '2026-10-01')).not.toContain('no-advance');
    });
  });

  describe('settlement deadline', () => {
    const accepted = { ...project, status: 'accepted' as const };

    it('is 22 January after the plan year, or after the year an extension runs into', () => {
      expect(settlementDeadline(2026, '2026-11-30')).toBe('2027-01-22');
      expect(settlementDeadline(2018, '2019-06-30')).toBe('2020-01-22');
    });

    it('warns from 30 days before and is overdue after it', () => {
      expect(codes(accepted, '2026-12-22')).toEqual([]);
      expect(watchlistFlags(accepted, '2026-12-23')).toEqual([
        {
          code: 'settlement-deadline',
          severity: 'warning',
          reasonVi: 'Còn 30 ngày đến hạn quyết toán 22/01/2027',
          reasonEn: '30 days left to the settlement deadline 2027-01-22',
        },
      ]);
      expect(watchlistFlags({ ...accepted, status: 'liquidated' }, '2027-02-03')).toEqual([
        {
          code: 'settlement-deadline',
          severity: 'overdue',
          reasonVi: 'Quá hạn quyết toán 22/01/2027 (12 ngày)',
          reasonEn: 'Settlement deadline 2027-01-22 passed 12 days ago',
        },
      ]);
    });

    it('leaves settled, stopped and rejected projects alone', () => {
      for (const status of ['settled', 'stopped', 'rejected'] as const) {
        expect(codes({ ...accepted, status }, '2028-01-01')).toEqual([]);
      }
    });
  });

  it('gives every reason at once, in a fixed order', () => {
    const troubled = { ...project, reports: [], lastProgressPercent: null, firstAdvanceOn: null };
    expect(codes(troubled, '2027-01-05')).toEqual([
      'missing-report',
      'behind-schedule',
      'no-advance',
      'settlement-deadline',
    ]);
  });
});
