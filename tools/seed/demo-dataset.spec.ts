import { buildDemoDataset, reaches, splitExactly, type DemoProject, type DemoUnit } from './demo-dataset.mjs';
import {
  buildAwardsDataset,
  isValidTaxCode,
  LEFT_FOR_GIAMKHAO_1,
  taxCheckDigit,
  type DemoRound,
} from './demo-awards.mjs';
import { demoGuide, type LoadedRound } from './demo-guide.mjs';
import { provincesAsOf, unitInForce } from '@kc/reference-data';
// The rules the services apply, so the demo is checked against them rather than against a copy.
import { councilSizeLimits } from '../../services/awards/src/domain/council';
import { passes } from '../../services/awards/src/domain/results';
import { scoreSheet, sheetInTenths, statutoryCriteria } from '../../services/awards/src/domain/scoring';
import { demoAccounts } from '../../services/gateway/src/domain/identity/demo-accounts';

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
    const round = (over: Partial<LoadedRound>): LoadedRound => ({
      key: 'k',
      id: 'round-1',
      name: 'Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm 2026',
      level: 'regional',
      state: 'scoring',
      scoringClosesOn: '2026-12-29',
      jurors: Array.from({ length: 9 }, (_, i) => `giamkhao.${i + 1}`),
      secretary: 'cuc.canbo',
      entries: 18,
      ...over,
    });
    const published = round({
      id: 'round-2',
      name: 'Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Nghệ An năm 2026',
      state: 'published',
      secretary: 'sct.40',
      entries: 11,
      passed: 7,
      certificates: Array.from({ length: 7 }, (_, i) => `T-40-2026-000${i + 1}`),
    });
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
      awards: {
        past: [
          { key: 'regional-2018', year: 2018, level: 'regional', certificates: 244, provinces: 63 },
          { key: 'national-2023', year: 2023, level: 'national', certificates: 173, provinces: 54 },
        ],
        rounds: [round({ owed: { 'giamkhao.1': 6 } }), published],
      },
    });
    const text = lines.join('\n');
    for (const account of [
      'dn.demo',
      'btc.hoicho',
      'giamkhao.1–9',
      'sct.40',
      'sct.01',
      'cuc.admin',
      'cuc.canbo',
      'xem',
    ])
      expect(text).toMatch(new RegExp(`^  ${account.replace('.', '\\.')} `, 'm'));
    expect(text).toContain('giamkhao.1 has 6 of the 18 entries to score, the other jurors none');
    expect(text).toContain('PUT /api/v1/award-rounds/round-1/entries/{entryId}/sheet');
    expect(text).toContain('GET /api/v1/award-rounds/round-1/progress');
    expect(text).toContain('published: 7 of 11 entries passed, certificates');
    expect(text).toContain('T-40-2026-0001 … T-40-2026-0007');
    expect(text).toContain('GET /api/v1/award-rounds/round-2/result/verification');
    expect(text).toContain(
      '?year=2018 (settled: 262 projects; 244 regional award certificates, 63 provinces)',
    );
    expect(text).toContain('?year=2023 (173 national award certificates, 54 provinces)');
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

describe('demo awards', () => {
  const units = (date: string): DemoUnit[] =>
    provincesAsOf(date).map(({ code, nameVi, fullNameVi, regionCode }) => ({
      code,
      nameVi,
      fullNameVi,
      regionCode,
    }));
  const provinces2018 = units('2018-06-30');
  const region2018 = new Map(provinces2018.map((u) => [u.code, u.regionCode]));
  const build = (today: string) =>
    buildAwardsDataset({
      provinces2018,
      provincesNow: units(today),
      currentYear: Number(today.slice(0, 4)),
      today,
    });
  const awards = build('2026-11-29');
  const past = (key: string) => awards.past.find((p) => p.key === key)!.certificates;
  const roundOf = (a: typeof awards, key: string): DemoRound => a.rounds.find((r) => r.key === key)!;
  /** A sheet's total as the awards service scores it (refusing a score above its maximum or too precise). */
  const total = ({ juror, entry, scores }: DemoRound['sheets'][number]) =>
    scoreSheet(
      statutoryCriteria,
      sheetInTenths(statutoryCriteria, { jurorId: juror, entryCode: entry, scores }),
    ).totalTenths;
  const validUntil = (issuedOn: string) => `${Number(issuedOn.slice(0, 4)) + 2}-12-31`;

  it('records the 2018 regional rounds: 244 certificates, North 110, Central 64, South 70, to facilities of their region', () => {
    const certificates = past('regional-2018');
    expect(certificates).toHaveLength(244);
    for (const [letter, region, count] of [
      ['B', 'north', 110],
      ['T', 'central', 64],
      ['N', 'south', 70],
    ] as const) {
      const ofRegion = certificates.filter((c) => c.number.startsWith(`KV-${letter}-2018-`));
      expect(ofRegion.map((c) => c.number)).toEqual(
        Array.from({ length: count }, (_, i) => `KV-${letter}-2018-${String(i + 1).padStart(4, '0')}`),
      );
      for (const c of ofRegion) {
        expect([c.number, region2018.get(c.holder.provinceCode)]).toEqual([c.number, region]);
        expect(c.issuedOn.startsWith('2018-')).toBe(true);
        expect(unitInForce(c.holder.provinceCode, c.issuedOn)).toBeDefined();
      }
    }
    // Every one of the 63 provinces of 2018 had at least one product certified.
    expect(new Set(certificates.map((c) => c.holder.provinceCode)).size).toBe(63);
  });

  it('records the 2023 national round: 173 certificates from exactly 54 of the 63 provinces of the time', () => {
    const certificates = past('national-2023');
    expect(certificates.map((c) => c.number)).toEqual(
      Array.from({ length: 173 }, (_, i) => `QG-2023-${String(i + 1).padStart(4, '0')}`),
    );
    const provinces = new Set(certificates.map((c) => c.holder.provinceCode));
    expect(provinces.size).toBe(54);
    for (const code of provinces) expect(unitInForce(code, '2023-11-24')?.code).toBe(code);
    expect(certificates.every((c) => c.issuedOn === '2023-11-24')).toBe(true);
  });

  it('gives every facility its own tax code, whose check digit holds, and names in Vietnamese, NFC', () => {
    expect(isValidTaxCode('0300588569')).toBe(true);
    expect(isValidTaxCode('0300588568')).toBe(false);
    expect(taxCheckDigit('000000000')).toBeNull(); // such a code is never issued
    const holders = [
      ...awards.past.flatMap((p) => p.certificates),
      ...awards.rounds.flatMap((r) => r.certificates.map((c) => c.certificate)),
    ].map((c) => c.holder);
    expect(holders.every((h) => isValidTaxCode(h.taxCode))).toBe(true);
    expect(new Set(holders.map((h) => h.taxCode)).size).toBe(holders.length);
    for (const set of awards.past) {
      const names = set.certificates.map((c) => `${c.productName} / ${c.holder.facilityName}`);
      expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
    }
    expect(past('regional-2018')[0].holder.facilityName).toMatch(
      /^(Hợp tác xã|Công ty TNHH|Cơ sở sản xuất|Hộ kinh doanh|Tổ hợp tác) /,
    );
  });

  it("publishes Nghệ An's round with 7 of its 11 entries passing by design, one at 70.0 and one at 69.9", () => {
    const round = roundOf(awards, 'provincial-2026-40');
    expect(round).toMatchObject({ target: 'published', authority: '40', expectedPasses: 7 });
    expect(round.entries).toHaveLength(11);
    const sums = round.entries.map((e) => {
      const sheets = round.sheets.filter((s) => s.entry === e.body.lowerCertificateNumber);
      expect(sheets.map((s) => s.juror)).toEqual(round.council.jurors);
      return sheets.reduce((sum, s) => sum + total(s), 0);
    });
    const jurors = round.council.jurors.length;
    expect(sums.filter((sum) => passes(sum, jurors))).toHaveLength(7);
    expect(sums.filter((sum) => !passes(sum, jurors))).toHaveLength(4);
    // Averages of exactly 70.0 (passes) and 69.9 (fails).
    expect(sums).toContain(700 * jurors);
    expect(sums).toContain(699 * jurors);
  });

  it("puts this year's regional North round in scoring: giamkhao.1–9 on its jury, giamkhao.1 owing the last sheets", () => {
    const round = roundOf(awards, 'regional-2026-north');
    const north = units('2026-11-29').filter((u) => u.regionCode === 'north');
    expect(round.open).toMatchObject({ year: 2026, level: 'regional', regionCode: 'north' });
    const { entriesOpenOn, entriesCloseOn } = round.open.schedule;
    expect(entriesOpenOn <= '2026-11-29' && '2026-11-29' <= entriesCloseOn).toBe(true);
    expect(round.entries.map((e) => e.body.facility.provinceCode)).toEqual(north.map((u) => u.code));
    expect(round.council.jurors).toEqual(Array.from({ length: 9 }, (_, i) => `giamkhao.${i + 1}`));
    const { min, max } = councilSizeLimits.regional;
    expect(round.council.members.length).toBeGreaterThanOrEqual(min);
    expect(round.council.members.length).toBeLessThanOrEqual(max);
    const shortlisted = new Map(
      round.shortlists.flatMap((s) => s.certificateNumbers.map((n) => [n, s.provinceCode] as const)),
    );
    for (const { body } of round.entries) {
      const cited = round.certificates.find((c) => c.certificate.number === body.lowerCertificateNumber)!;
      // Last year's provincial certificate of the facility's own unit, put forward by it, valid when entries close.
      expect(cited.certificate.number).toMatch(new RegExp(`^T-${body.facility.provinceCode}-2025-01\\d\\d$`));
      expect([cited.issuer, shortlisted.get(cited.certificate.number)]).toEqual([
        body.facility.provinceCode,
        body.facility.provinceCode,
      ]);
      expect(cited.certificate.holder.taxCode).toBe(body.facility.taxCode);
      expect(validUntil(cited.certificate.issuedOn) >= entriesCloseOn).toBe(true);
    }
    const owed = (juror: string) =>
      round.entries.length - round.sheets.filter((s) => s.juror === juror).length;
    expect(owed('giamkhao.1')).toBe(LEFT_FOR_GIAMKHAO_1);
    for (const juror of round.council.jurors.slice(1)) expect(owed(juror)).toBe(0);
  });

  it('gives sheets the awards service takes: every score within its maximum, at most one decimal', () => {
    const sheets = [...awards.rounds, ...build('2027-03-10').rounds].flatMap((r) => r.sheets);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) expect(total(sheet)).toBeLessThanOrEqual(1000);
  });

  it('runs a national round in scoring in an odd year, citing last year’s regional certificates', () => {
    const odd = build('2027-03-10');
    const round = roundOf(odd, 'national-2027');
    expect(round.open).toMatchObject({ year: 2027, level: 'national' });
    const { min, max } = councilSizeLimits.national;
    expect(round.council.members.length).toBeGreaterThanOrEqual(min);
    expect(round.council.members.length).toBeLessThanOrEqual(max);
    expect(round.council.jurors).toHaveLength(9);
    expect(new Set(round.entries.map((e) => e.body.facility.provinceCode)).size).toBe(18);
    for (const { certificate, issuer } of round.certificates) {
      expect([certificate.number, issuer]).toEqual([
        expect.stringMatching(/^KV-[BTN]-2026-01\d\d$/),
        'central',
      ]);
      expect(validUntil(certificate.issuedOn) >= round.open.schedule.entriesCloseOn).toBe(true);
    }
    expect(roundOf(odd, 'provincial-2027-40').expectedPasses).toBe(7);
  });

  it('seats only demo accounts: every council member a juror account, every secretary an account', () => {
    const accounts = demoAccounts(units('2026-11-29').map((u) => u.code));
    const role = new Map(accounts.map((a) => [a.username, a.role]));
    for (const round of [...awards.rounds, ...build('2027-03-10').rounds]) {
      for (const m of round.council.members)
        expect([m.username, role.get(m.username)]).toEqual([m.username, 'juror']);
      expect(round.council.jurors.every((j) => round.council.members.some((m) => m.username === j))).toBe(
        true,
      );
      expect(round.council.jurors.length % 2).toBe(1);
      expect(role.has(round.council.secretary.username)).toBe(true);
    }
  });

  it('is the same on every run', () => {
    expect(JSON.stringify(build('2026-11-29'))).toBe(JSON.stringify(awards));
  });
});
