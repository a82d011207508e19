import { conferenceReport } from './conference-report';
import type { ArtisanTitleGroup, AwardCountGroup, YearFacts } from './year-facts';

const NOW = new Date('2026-03-02T03:00:00Z');
const none: YearFacts = {
  plans: [],
  projects: [],
  contents: [],
  clusterRegistry: [],
  clusterPeriod: 'annual-else-six-monthly',
  clusterReports: [],
  fairs: [],
  awardRounds: [],
  booths: [],
  awardEntries: [],
  awardPasses: [],
  certificatesIssued: [],
  certificatesValid: [],
  artisanTitles: [],
  approvedReports: [],
};
const counted = (
  provinceCode: string,
  asOf: string,
  level: AwardCountGroup['level'],
  productGroup: string,
  count: number,
): AwardCountGroup => ({ provinceCode, asOf, level, productGroup, count });
const titles = (
  provinceCode: string,
  asOf: string,
  title: ArtisanTitleGroup['title'],
  count: number,
): ArtisanTitleGroup => ({ provinceCode, asOf, title, count });
const zeroLevels = { commune: 0, provincial: 0, regional: 0, national: 0 };
const noCounts = { byLevel: zeroLevels, byGroup: {} };

// 2024, on the 63 units: Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37); Nghệ An (40) and
// Hồ Chí Minh City (79) kept their codes.
const year2024: YearFacts = {
  ...none,
  awardEntries: [
    counted('36', '2024-03-10', 'regional', 'handicraft', 3),
    counted('35', '2024-03-12', 'regional', 'agro-food', 2),
    counted('40', '2024-02-01', 'provincial', 'machinery', 4),
    counted('79', '2024-04-05', 'national', 'other', 2),
  ],
  awardPasses: [
    counted('36', '2024-03-10', 'regional', 'handicraft', 2),
    counted('35', '2024-03-12', 'regional', 'agro-food', 1),
    counted('40', '2024-02-01', 'provincial', 'machinery', 3),
    counted('79', '2024-04-05', 'national', 'other', 1),
  ],
  artisanTitles: [
    titles('36', '2024-09-02', 'meritorious', 2),
    titles('35', '2024-09-02', 'people', 1),
    titles('79', '2024-09-02', 'meritorious', 1),
  ],
};

describe('conference report: award entries, passes and artisan titles', () => {
  it("counts them in the entrant's or nominee's unit, restated to today's units", () => {
    const report = conferenceReport(year2024, { region: null, year: 2024, grouping: 'current', now: NOW });
    const unit = (code: string) => report.units.find((u) => u.code === code)!;
    expect(unit('37')).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, regional: 5 }, byGroup: { 'agro-food': 2, handicraft: 3 } },
      awardPasses: { byLevel: { ...zeroLevels, regional: 3 }, byGroup: { 'agro-food': 1, handicraft: 2 } },
      artisanTitlesConferred: { meritorious: 2, people: 1 },
    });
    expect(unit('40')).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, provincial: 4 }, byGroup: { machinery: 4 } },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 3 }, byGroup: { machinery: 3 } },
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });
    expect(report.totals).toMatchObject({
      awardEntries: {
        byLevel: { commune: 0, provincial: 4, regional: 5, national: 2 },
        byGroup: { 'agro-food': 2, handicraft: 3, machinery: 4, other: 2 },
      },
      awardPasses: {
        byLevel: { commune: 0, provincial: 3, regional: 3, national: 1 },
        byGroup: { 'agro-food': 1, handicraft: 2, machinery: 3, other: 1 },
      },
      artisanTitlesConferred: { meritorious: 3, people: 1 },
    });
    expect(report.unattributed).toMatchObject({
      awardEntries: noCounts,
      awardPasses: noCounts,
      artisanTitlesConferred: { meritorious: 0, people: 0 },
    });
  });

  it('keeps them in the unit they were recorded in when grouping as it was', () => {
    const report = conferenceReport(year2024, {
      region: 'north',
      year: 2024,
      grouping: 'historical',
      now: NOW,
    });
    const unit = (code: string) => report.units.find((u) => u.code === code)!;
    expect(unit('36')).toMatchObject({
      nameVi: 'Nam Định',
      awardEntries: { byLevel: { ...zeroLevels, regional: 3 }, byGroup: { handicraft: 3 } },
      awardPasses: { byLevel: { ...zeroLevels, regional: 2 }, byGroup: { handicraft: 2 } },
      artisanTitlesConferred: { meritorious: 2, people: 0 },
    });
    expect(unit('35')).toMatchObject({
      nameVi: 'Hà Nam',
      awardEntries: { byGroup: { 'agro-food': 2 } },
      awardPasses: { byGroup: { 'agro-food': 1 } },
      artisanTitlesConferred: { meritorious: 0, people: 1 },
    });
    expect(unit('37')).toMatchObject({ nameVi: 'Ninh Bình', awardEntries: noCounts, awardPasses: noCounts });
    // The north's entrants only (Nghệ An among them): Hồ Chí Minh City's are the south's.
    expect(report.totals).toMatchObject({
      awardEntries: {
        byLevel: { ...zeroLevels, provincial: 4, regional: 5 },
        byGroup: { 'agro-food': 2, handicraft: 3, machinery: 4 },
      },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 3, regional: 3 } },
      artisanTitlesConferred: { meritorious: 2, people: 1 },
    });
  });

  it('sets apart, as it was on 1 January, what a unit created later in the year recorded', () => {
    // 2025: Nam Định (36) until 30 June; from 1 July the new Ninh Bình (37) that took it in.
    const year2025: YearFacts = {
      ...none,
      awardEntries: [
        counted('36', '2025-03-01', 'provincial', 'other', 2),
        counted('37', '2025-09-10', 'provincial', 'other', 3),
      ],
      awardPasses: [counted('37', '2025-09-10', 'provincial', 'other', 1)],
      artisanTitles: [titles('37', '2025-08-28', 'people', 1)],
    };
    const historical = conferenceReport(year2025, {
      region: 'north',
      year: 2025,
      grouping: 'historical',
      now: NOW,
    });
    expect(historical.units.find((u) => u.code === '36')!.awardEntries.byLevel.provincial).toBe(2);
    expect(historical.units.find((u) => u.code === '37')!.awardEntries.byLevel.provincial).toBe(0);
    expect(historical.unattributed).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, provincial: 3 }, byGroup: { other: 3 } },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 1 }, byGroup: { other: 1 } },
      artisanTitlesConferred: { meritorious: 0, people: 1 },
    });
    expect(historical.totals.awardEntries.byLevel.provincial).toBe(5);

    const current = conferenceReport(year2025, {
      region: 'north',
      year: 2025,
      grouping: 'current',
      now: NOW,
    });
    expect(current.units.find((u) => u.code === '37')).toMatchObject({
      awardEntries: { byLevel: { ...zeroLevels, provincial: 5 }, byGroup: { other: 5 } },
      awardPasses: { byLevel: { ...zeroLevels, provincial: 1 } },
      artisanTitlesConferred: { people: 1 },
    });
    expect(current.unattributed.awardEntries).toEqual(noCounts);
  });
});
