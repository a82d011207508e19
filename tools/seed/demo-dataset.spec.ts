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
import {
  checkCriteriaConfig,
  scoreSheet,
  sheetInTenths,
  statutoryCriteria,
  type CriteriaConfig,
} from '../../services/awards/src/domain/scoring';
import { certificateStatusAt } from '../../services/awards/src/domain/certificate';
import { recordPaperCertificate } from '../../services/awards/src/domain/certificate-record';
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
          {
            key: 'regional-2018',
            year: 2018,
            level: 'regional',
            certificates: 244,
            provinces: 63,
            rounds: [
              { id: 'r-north', name: 'Bắc', entries: 160, passed: 110 },
              { id: 'r-central', name: 'Trung', entries: 92, passed: 64 },
              { id: 'r-south', name: 'Nam', entries: 100, passed: 70 },
            ],
          },
          {
            key: 'national-2023',
            year: 2023,
            level: 'national',
            certificates: 173,
            provinces: 54,
            rounds: [{ id: 'r-national', name: 'Quốc gia', entries: 228, passed: 173 }],
          },
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
    expect(text).toContain('the 2018 regional rounds run again as historic rounds (352 entries, 244 passed');
    expect(text).toContain('GET /api/v1/award-rounds/r-national/result/verification');
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
  const historic = (key: string) => awards.historic.find((r) => r.key === key)!;
  const roundOf = (a: typeof awards, key: string): DemoRound => a.rounds.find((r) => r.key === key)!;
  const criteriaOf = (round: DemoRound): CriteriaConfig =>
    round.open.criteria ? { criteria: round.open.criteria } : statutoryCriteria;
  /** A sheet's total as the awards service scores it (refusing a score above its maximum or too precise). */
  const total = ({ juror, entry, scores }: DemoRound['sheets'][number], config = statutoryCriteria) =>
    scoreSheet(config, sheetInTenths(config, { jurorId: juror, entryCode: entry, scores })).totalTenths;
  const validUntil = (issuedOn: string) => `${Number(issuedOn.slice(0, 4)) + 2}-12-31`;
  /** Per entry (by the certificate it cites): its jury's sum and whether it passes, by the services' rules. */
  const judged = (round: DemoRound) =>
    round.entries.map(({ body }) => {
      const sheets = round.sheets.filter((s) => s.entry === body.lowerCertificateNumber);
      const sum = sheets.reduce((acc, s) => acc + total(s, criteriaOf(round)), 0);
      return { body, sheets, sum, passed: passes(sum, sheets.length) };
    });
  const regional2018 = ['north', 'central', 'south'].map((r) => historic(`regional-2018-${r}`));
  const national2023 = historic('national-2023');

  /** What every historic round shares: the agency's, dated in the past, entered and shortlisted as the rules ask. */
  const expectHistoric = (round: DemoRound) => {
    expect(round).toMatchObject({ target: 'published', authority: 'central', open: { historic: true } });
    const { entriesOpenOn, entriesCloseOn, scoringClosesOn } = round.open.schedule;
    expect(entriesOpenOn < entriesCloseOn && entriesCloseOn < scoringClosesOn).toBe(true);
    expect(
      scoringClosesOn <= round.announcedOn! && round.announcedOn!.startsWith(`${round.open.year}-`),
    ).toBe(true);
    const { min, max } = councilSizeLimits[round.open.level];
    expect(round.council.members.length).toBeGreaterThanOrEqual(min);
    expect(round.council.members.length).toBeLessThanOrEqual(max);
    expect(round.council.jurors.length % 2).toBe(1);
    const shortlisted = new Map(
      round.shortlists.flatMap((s) => s.certificateNumbers.map((n) => [n, s.provinceCode] as const)),
    );
    const submitted = round.entries.map((e) => e.body.submittedOn!);
    // Entered in the order received, so the entry codes follow it.
    expect(submitted).toEqual([...submitted].sort());
    for (const { body } of round.entries) {
      const on = body.submittedOn!;
      expect(entriesOpenOn <= on && on <= entriesCloseOn).toBe(true);
      expect([body.facility.provinceCode, unitInForce(body.facility.provinceCode, on)?.code]).toEqual([
        body.facility.provinceCode,
        body.facility.provinceCode,
      ]);
      const { certificate, issuer } = round.certificates.find(
        (c) => c.certificate.number === body.lowerCertificateNumber,
      )!;
      expect(issuer).toBe('central');
      expect(certificate.holder.taxCode).toBe(body.facility.taxCode);
      expect(shortlisted.get(certificate.number)).toBe(body.facility.provinceCode);
      expect(certificate.issuedOn < on).toBe(true);
      // The records route takes it (its rules: numbering, the units of the day, the holder in the issuer's
      // area), and it is valid on the day entries closed.
      const recorded = recordPaperCertificate(certificate, '2026-11-29').certificate;
      expect(certificateStatusAt(recorded, entriesCloseOn)).toBe('valid');
    }
    expect(new Set(round.certificates.map((c) => c.certificate.number)).size).toBe(round.certificates.length);
  };

  it('runs the 2018 regional rounds again: 244 pass by the services’ rules, North 110, Central 64, South 70, every province', () => {
    const passedIn = regional2018.map((round) => {
      expectHistoric(round);
      expect(round.open).toMatchObject({ year: 2018, level: 'regional' });
      const region = round.open.regionCode!;
      const results = judged(round);
      for (const { body } of results) {
        // The facility's province lies in the round's region as it stood on the day the dossier came in.
        expect([body.facility.provinceCode, region2018.get(body.facility.provinceCode)]).toEqual([
          body.facility.provinceCode,
          region,
        ]);
        // Resting on its province's certificate of 2017.
        expect(body.lowerCertificateNumber).toMatch(
          new RegExp(`^T-${body.facility.provinceCode}-2017-\\d{4}$`),
        );
      }
      const passed = results.filter((r) => r.passed);
      expect(passed).toHaveLength(round.expectedPasses!);
      // Some fail: a real round, not a list of winners.
      expect(results.length - passed.length).toBeGreaterThan(round.entries.length / 5);
      return [region, passed] as const;
    });
    expect(passedIn.map(([region, passed]) => [region, passed.length])).toEqual([
      ['north', 110],
      ['central', 64],
      ['south', 70],
    ]);
    // Every one of the 63 provinces of 2018 had at least one product certified.
    const provinces = new Set(
      passedIn.flatMap(([, passed]) => passed.map((p) => p.body.facility.provinceCode)),
    );
    expect(provinces.size).toBe(63);
  });

  it('runs the 2023 national round again: 173 pass by the services’ rules, from exactly 54 of the 63 provinces of the time', () => {
    const round = national2023;
    expectHistoric(round);
    expect(round.open).toMatchObject({ year: 2023, level: 'national' });
    expect(round.announcedOn).toBe('2023-11-24');
    const results = judged(round);
    const passed = results.filter((r) => r.passed);
    expect(passed).toHaveLength(173);
    expect(round.expectedPasses).toBe(173);
    const provinces = new Set(passed.map((p) => p.body.facility.provinceCode));
    expect(provinces.size).toBe(54);
    // The 63 units of 2018 were 2023's: the provinces as they were, not today's 34.
    for (const code of provinces) {
      expect(region2018.has(code)).toBe(true);
      expect(unitInForce(code, '2023-11-24')?.code).toBe(code);
    }
    // A few more provinces entered and had nothing pass.
    expect(new Set(results.map((r) => r.body.facility.provinceCode)).size).toBeGreaterThan(54);
    for (const { body } of results) {
      // Resting on the 2022 regional certificate of its own region, valid on the day entries closed.
      const letter = { north: 'B', central: 'T', south: 'N' }[region2018.get(body.facility.provinceCode)!];
      expect(body.lowerCertificateNumber).toMatch(new RegExp(`^KV-${letter}-2022-\\d{4}$`));
    }
    // Its criteria split the two 40-point ones into sub-criteria, and the sheets score each of them.
    const config = checkCriteriaConfig(criteriaOf(round));
    expect(config.criteria.filter((c) => c.subCriteria.length > 0).map((c) => c.id)).toEqual([
      'market',
      'economic-technical-social-environmental',
    ]);
    for (const sheet of round.sheets) expect(typeof sheet.scores.market).toBe('object');
  });

  it('gives every facility its own tax code, whose check digit holds, and names in Vietnamese, NFC', () => {
    expect(isValidTaxCode('0300588569')).toBe(true);
    expect(isValidTaxCode('0300588568')).toBe(false);
    expect(taxCheckDigit('000000000')).toBeNull(); // such a code is never issued
    const certificates = [...awards.historic, ...awards.rounds].flatMap((r) =>
      r.certificates.map((c) => c.certificate),
    );
    const holders = certificates.map((c) => c.holder);
    expect(holders.every((h) => isValidTaxCode(h.taxCode))).toBe(true);
    expect(new Set(holders.map((h) => h.taxCode)).size).toBe(holders.length);
    const names = certificates.map((c) => `${c.productName} / ${c.holder.facilityName}`);
    expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
    expect(regional2018[0].certificates[0].certificate.holder.facilityName).toMatch(
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

  it('gives sheets the awards service takes: every score within its maximum, at most one decimal, the round’s sub-criteria', () => {
    const rounds = [...awards.historic, ...awards.rounds, ...build('2027-03-10').rounds];
    let sheets = 0;
    for (const round of rounds) {
      // `total` throws on a score out of range, too precise, missing, unknown, or not split as the round splits it.
      for (const sheet of round.sheets) expect(total(sheet, criteriaOf(round))).toBeLessThanOrEqual(1000);
      sheets += round.sheets.length;
    }
    expect(sheets).toBeGreaterThan(4000);
  });

  it('has each juror of a jury score every entry of a published round, the jurors differing a little', () => {
    for (const round of [...awards.historic, roundOf(awards, 'provincial-2026-40')]) {
      const spreads = judged(round).map(({ sheets }) => {
        expect(sheets.map((s) => s.juror)).toEqual(round.council.jurors);
        const totals = sheets.map((s) => total(s, criteriaOf(round)));
        return Math.max(...totals) - Math.min(...totals);
      });
      // Within 15 points of each other on every entry, and never all alike on a whole round.
      expect(Math.max(...spreads)).toBeLessThanOrEqual(150);
      expect(spreads.filter((d) => d > 0).length).toBeGreaterThan(spreads.length * 0.9);
    }
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
    for (const round of [...awards.historic, ...awards.rounds, ...build('2027-03-10').rounds]) {
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
