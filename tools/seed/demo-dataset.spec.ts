import { buildDemoDataset, reaches, splitExactly, type DemoProject, type DemoUnit } from './demo-dataset.mjs';
import { demoGuide } from './demo-guide.mjs';
import { provincesAsOf } from '@kc/reference-data';

const REGIONS = ['north', 'central', 'south'] as const;
const unit = (code: string, i: number): DemoUnit => ({
  code,
  nameVi: `Tỉnh ${code}`,
  fullNameVi: `Tỉnh Thử ${code}`,
  regionCode: REGIONS[i % 3],
});
const provinces2018 = Array.from({ length: 63 }, (_, i) => unit(String(i + 1).padStart(2, '0'), i));
const provincesNow = provincesAsOf('2026-11-29')
  .map((u) => u.code)
  .map(unit);
const build = (today = '2026-11-29') =>
  buildDemoDataset({ provinces2018, provincesNow, currentYear: Number(today.slice(0, 4)), today });

type Spec = DemoProject;

describe('demo data set', () => {
  const data = build();
  const plan2018 = data.plans.find((p: { key: string }) => p.key === 'national-2018')!;
  const projects2018: Spec[] = plan2018.projects;

  it('reproduces the 2018 national plan: 120 billion VND allocated in full to 262 projects of 63 units', () => {
    expect(plan2018.plan).toMatchObject({ year: 2018, level: 'national', budgetVnd: 120_000_000_000 });
    expect(projects2018).toHaveLength(262);
    expect(projects2018.reduce((sum, p) => sum + p.allocatedVnd, 0)).toBe(120_000_000_000);
    expect(new Set(projects2018.map((p) => p.create.provinceCode)).size).toBe(63);
  });

  it('completes 261 of them (99.6%) and leaves one extended into 2019', () => {
    const completed = projects2018.filter((p) => reaches(p.target, 'accepted'));
    expect(completed).toHaveLength(261);
    expect(Math.round((completed.length * 1000) / projects2018.length) / 10).toBe(99.6);
    expect(projects2018.filter((p) => p.target === 'extended')).toHaveLength(1);
  });

  it('keeps the money in order: requested ≥ appraised ≥ allocated, reports rising to 100% when done', () => {
    for (const p of projects2018) {
      expect(p.create.kcqgVnd).toBeGreaterThanOrEqual(p.appraisedSupportVnd);
      expect(p.appraisedSupportVnd).toBeGreaterThanOrEqual(p.allocatedVnd);
      expect(p.allocatedVnd % 5_000_000).toBe(0);
      const percents = p.reports.map((r) => r.percentDone);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      if (reaches(p.target, 'accepted')) expect(percents.at(-1)).toBe(100);
    }
  });

  it('gives every project its own beneficiary, so no two are double funding', () => {
    const codes = data.plans.flatMap((p: { projects: Spec[] }) =>
      p.projects.map((s) => s.create.beneficiaries[0].taxCode),
    );
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c: string) => /^\d{10}$/.test(c))).toBe(true);
  });

  it("spreads this year's national plan over every stage, nothing dated today or later", () => {
    const current: Spec[] = data.plans.find((p: { key: string }) => p.key === 'national-2026')!.projects;
    const targets = new Set(current.map((p) => p.target));
    for (const stage of ['registered', 'in-plan', 'contracted', 'in-progress', 'accepted', 'settled'])
      expect(targets).toContain(stage);
    for (const p of current) {
      for (const date of [p.contract?.signedOn, p.acceptedOn, p.settledOn]) {
        if (date) expect(date < '2026-11-29').toBe(true);
      }
      expect(p.reports.every((r) => r.month <= '2026-11')).toBe(true);
    }
  });

  it('cuts this year short early in the year: only what could have happened by then', () => {
    const early: Spec[] = build('2026-02-10').plans.find(
      (p: { key: string }) => p.key === 'national-2026',
    )!.projects;
    expect(early.filter((p) => reaches(p.target, 'accepted'))).toEqual([]);
    expect(early.every((p) => p.contract === null || p.contract.signedOn < '2026-02-10')).toBe(true);
  });

  it('is the same on every run', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(data));
  });

  describe.each(['2026-02-10', '2026-05-01', '2026-11-29', '2026-12-31'])('loaded on %s', (today) => {
    const day = build(today);
    const startOfDay = Date.parse(`${today}T00:00:00+07:00`);

    it('leaves the regional fair of 270 booths open for booking all that day, ahead of the fair', () => {
      const { name, window } = day.bookableFair!;
      const fair = day.fairs.find((f) => f.name === name)!;
      expect(fair).toMatchObject({ scale: 'regional', regionCode: 'north', boothCount: 270 });
      expect(Date.parse(window.opensAt)).toBeLessThanOrEqual(startOfDay);
      expect(Date.parse(window.closesAt)).toBeGreaterThanOrEqual(startOfDay + 14 * 86_400_000);
      // Booking closes a week before the fair opens.
      expect(Date.parse(window.closesAt)).toBeLessThanOrEqual(
        Date.parse(`${fair.startDate}T00:00:00+07:00`) - 7 * 86_400_000,
      );
    });

    it("keeps this year's fair, and adds next year's once this year's is too close to book", () => {
      const years = day.fairs.map((f) => f.year);
      expect(years[0]).toBe(2026);
      expect(years).toEqual(today <= '2026-04-30' ? [2026] : [2026, 2027]);
    });

    it("has next year's plans in registration and in appraisal, undecided, nothing dated today or later", () => {
      const national = day.plans.find((p) => p.key === 'national-2027')!;
      const hanoi = day.plans.find((p) => p.key === 'provincial-2027-01')!;
      const closed = today > '2026-06-20';
      expect(national.plan.registrationDeadline).toBe('2026-06-20');
      expect(national.decision).toBeNull();
      const targets = new Set(national.projects.map((p) => p.target));
      expect([...targets].sort()).toEqual(
        closed ? ['ministry-appraised', 'submitted'] : ['base-appraised', 'submitted'],
      );
      expect(hanoi.plan.registrationDeadline >= today).toBe(true);
      expect(hanoi.decision).toBeNull();
      expect(hanoi.projects.map((p) => p.target)).toEqual([
        'draft',
        'registered',
        'base-appraised',
        'base-appraised',
      ]);
      for (const p of [...national.projects, ...hanoi.projects]) {
        if (reaches(p.target, 'base-appraised')) expect(p.baseAppraisedOn < today).toBe(true);
        if (reaches(p.target, 'ministry-appraised')) {
          expect(p.ministryAppraisedOn < today).toBe(true);
          expect(p.ministryAppraisedOn > national.plan.registrationDeadline).toBe(true);
        }
        // Reports are sent on the day they are dated: on time.
        if (reaches(p.target, 'submitted')) expect(p.baseAppraisedOn <= '2026-06-20').toBe(true);
      }
    });
  });

  it('tells each demo account what it can try at once', () => {
    const planIds = Object.fromEntries(data.plans.map((p, i) => [p.key, `plan-${i}`]));
    const fairs = data.fairs.map((f, i) => ({ id: `fair-${i}`, name: f.name }));
    const bookable = data.bookableFair!;
    const lines = demoGuide({
      data,
      currentYear: 2026,
      planIds,
      fairs,
      bookableFair: {
        ...fairs.find((f) => f.name === bookable.name)!,
        registrationClosesAt: new Date(Date.parse(bookable.window.closesAt)).toISOString(),
        holdMinutes: bookable.window.holdMinutes,
      },
      round: { id: 'round-1', name: data.awardRounds[0].name },
    });
    const text = lines.join('\n');
    for (const account of [
      'dn.demo',
      'btc.hoicho',
      'giamkhao.1–9',
      'sct.01',
      'cuc.admin',
      'cuc.canbo',
      'xem',
    ])
      expect(text).toMatch(new RegExp(`^  ${account.replace('.', '\\.')} `, 'm'));
    expect(text).toContain(`book a booth at "${bookable.name}", open until 29/12/2026 00:00`);
    expect(text).toContain(`/api/v1/plans/${planIds['national-2027']}/decisions`);
    expect(text).toContain('registration open until 31/12/2026: 1 draft, 1 registered, 2 base-appraised');
  });

  it('splits an amount exactly in 5-million steps, each at least the minimum', () => {
    const parts = splitExactly(1_000_000_000, [1, 1, 1], 100_000_000);
    expect(parts.reduce((a: number, b: number) => a + b, 0)).toBe(1_000_000_000);
    expect(parts.every((p: number) => p % 5_000_000 === 0 && p >= 100_000_000)).toBe(true);
    expect(() => splitExactly(100_000_000, [1, 1], 100_000_000)).toThrow(RangeError);
  });
});
