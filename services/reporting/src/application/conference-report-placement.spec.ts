import {
  artisanTitles,
  conferenceAwardLevels,
  conferenceProjectStatuses,
  type ConferenceAwardCertificates,
  type ConferenceAwardCounts,
  type ConferenceFigures,
} from '@kc/contracts';
import { provincesAsOf, regions, type RegionCode } from '@kc/reference-data';
import { projectFigures } from '../domain/figures';
import { unitCounted } from '../domain/roll-up';
import { conferenceReport, type ConferenceRequest } from './conference-report';
import type {
  ArtisanTitleGroup,
  AwardCountGroup,
  ContentGroup,
  CountGroup,
  ProjectGroup,
  YearFacts,
} from './year-facts';

const NOW = new Date('2026-03-02T03:00:00Z');

/**
 * A varied year: codes of the 63 old units read on 1 January, of the 34 new ones read on 31 December, and a
 * later reading; every status and activity content; several groups per (code, date), as the queries give them.
 */
function variedFacts(): YearFacts {
  const recorded = [
    ...provincesAsOf('2025-01-01').map((u) => ({ provinceCode: u.code, asOf: '2025-01-01' })),
    ...provincesAsOf('2025-12-31').map((u) => ({ provinceCode: u.code, asOf: '2025-12-31' })),
    { provinceCode: '37', asOf: '2027-03-10' },
  ];
  const projects: ProjectGroup[] = [];
  const contents: ContentGroup[] = [];
  const certificatesIssued: AwardCountGroup[] = [];
  const certificatesValid: CountGroup[] = [];
  const awardEntries: AwardCountGroup[] = [];
  const awardPasses: AwardCountGroup[] = [];
  const titles: ArtisanTitleGroup[] = [];
  recorded.forEach((at, i) => {
    conferenceProjectStatuses.forEach((status, j) => {
      if ((i + j) % 3 === 0) return;
      const count = 1 + ((i * 7 + j) % 5);
      const group: ProjectGroup = {
        ...at,
        status,
        count,
        requestedSupportVnd: count * 500_000_000 + i,
        appraisedSupportVnd: count * 480_000_000 + j,
        allocatedVnd: count * 400_000_000 - i * 1_000,
        contractedVnd: count * 390_000_000,
        advancedVnd: count * 100_000_000 + j,
        paidVnd: count * 300_000_000 + i,
        settledVnd: (i + j) % 4 === 0 ? count * 290_000_000 : 0,
        counterpartVnd: count * 50_000_000 + i + j,
      };
      projects.push(group);
      for (const activityContent of [1 + ((i + j) % 9), 1 + ((i * 2 + j) % 9)]) {
        contents.push({ ...group, activityContent });
      }
    });
    conferenceAwardLevels.forEach((level, j) => {
      const count = 1 + ((i * 3 + j) % 4);
      certificatesIssued.push({ ...at, level, productGroup: `group-${(i + j) % 3}`, count });
      const entries = 2 + ((i + j * 5) % 7);
      awardEntries.push({ ...at, level, productGroup: `group-${(i * 2 + j) % 4}`, count: entries });
      if ((i + j) % 2 === 0)
        awardPasses.push({ ...at, level, productGroup: `group-${j}`, count: entries - 1 });
    });
    certificatesValid.push({ ...at, count: 1 + (i % 6) });
    titles.push({ ...at, title: artisanTitles[i % 2], count: 1 + (i % 3) });
  });
  return {
    plans: [],
    projects,
    contents,
    clusterRegistry: [],
    clusterPeriod: 'annual-else-six-monthly',
    clusterReports: [],
    fairs: [],
    awardRounds: [],
    booths: [],
    awardEntries,
    awardPasses,
    certificatesIssued,
    certificatesValid,
    artisanTitles: titles,
    approvedReports: [],
  };
}

/** The contents' figures as the report defines them, each group placed by its own look-up (no memo). */
function contentTotals(facts: YearFacts, region: RegionCode | null, unitsAsOf: string) {
  const sums = new Map<number, { projects: number; projectsCompleted: number; paidVnd: number }>();
  for (const group of facts.contents) {
    if (region !== null && unitCounted(group.provinceCode, group.asOf, unitsAsOf).regionCode !== region)
      continue;
    const figures = projectFigures(group);
    const sum = sums.get(group.activityContent) ?? { projects: 0, projectsCompleted: 0, paidVnd: 0 };
    sum.projects += figures.projects ?? 0;
    sum.projectsCompleted += figures.projectsCompleted ?? 0;
    sum.paidVnd += figures.paidVnd ?? 0;
    sums.set(group.activityContent, sum);
  }
  return sums;
}

describe('conference report on a varied year', () => {
  const facts = variedFacts();
  const requests: ConferenceRequest[] = [null, ...regions.map((r) => r.code)].flatMap((region) =>
    (['current', 'historical'] as const).map((grouping) => ({ region, grouping, year: 2025, now: NOW })),
  );

  it.each(requests)('places every content group as its own look-up does ($region, $grouping)', (request) => {
    const report = conferenceReport(facts, request);
    const expected = contentTotals(facts, request.region, report.unitsAsOf);
    for (const row of report.byContent) {
      const sum = expected.get(row.activityContent) ?? { projects: 0, projectsCompleted: 0, paidVnd: 0 };
      expect([row.projects, row.projectsCompleted, row.paidVnd]).toEqual([
        sum.projects,
        sum.projectsCompleted,
        sum.paidVnd,
      ]);
    }
  });

  it.each(requests)('places every project group as its own look-up does ($region, $grouping)', (request) => {
    const report = conferenceReport(facts, request);
    const byUnit = new Map<string, number>();
    let unattributed = 0;
    for (const group of facts.projects) {
      const unit = unitCounted(group.provinceCode, group.asOf, report.unitsAsOf);
      if (request.region !== null && unit.regionCode !== request.region) continue;
      if (report.units.some((u) => u.code === unit.code && unit.validFrom <= report.unitsAsOf)) {
        byUnit.set(unit.code, (byUnit.get(unit.code) ?? 0) + group.count);
      } else unattributed += group.count;
    }
    expect(report.units.filter((u) => u.projects > 0).map((u) => [u.code, u.projects])).toEqual(
      [...byUnit].sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(report.unattributed.projects).toBe(unattributed);
    expect(report.totals.projects).toBe(
      report.units.reduce((sum, unit) => sum + unit.projects, unattributed),
    );
  });

  it.each(requests)(
    'places every certificate group as its own look-up does ($region, $grouping)',
    (request) => {
      const report = conferenceReport(facts, request);
      const rows = new Set(report.units.map((u) => u.code));
      /** Per row code (or 'unattributed'): certificates issued, and valid at the year's end. */
      const expected = new Map<string, [number, number]>();
      const place = (group: CountGroup, issued: number, valid: number) => {
        const unit = unitCounted(group.provinceCode!, group.asOf!, report.unitsAsOf);
        if (request.region !== null && unit.regionCode !== request.region) return;
        const key = rows.has(unit.code) && unit.validFrom <= report.unitsAsOf ? unit.code : 'unattributed';
        const [i, v] = expected.get(key) ?? [0, 0];
        expected.set(key, [i + issued, v + valid]);
      };
      for (const group of facts.certificatesIssued) place(group, group.count, 0);
      for (const group of facts.certificatesValid) place(group, 0, group.count);

      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      const shown = new Map<string, [number, number]>();
      const show = (key: string, { issued, validAtYearEnd }: ConferenceAwardCertificates) => {
        // Both breakdowns count the same certificates.
        expect(sum(issued.byGroup)).toBe(sum(issued.byLevel));
        if (sum(issued.byLevel) > 0 || validAtYearEnd > 0)
          shown.set(key, [sum(issued.byLevel), validAtYearEnd]);
      };
      for (const unit of report.units) show(unit.code, unit.awardCertificates);
      show('unattributed', report.unattributed.awardCertificates);
      const byKey = (map: Map<string, [number, number]>) => [...map].sort(([a], [b]) => a.localeCompare(b));
      expect(byKey(shown)).toEqual(byKey(expected));

      const { issued, validAtYearEnd } = report.totals.awardCertificates;
      const all = [...expected.values()].reduce(([i, v], [a, b]) => [i + a, v + b], [0, 0]);
      expect([sum(issued.byLevel), sum(issued.byGroup), validAtYearEnd]).toEqual([all[0], all[0], all[1]]);
    },
  );

  it.each(requests)(
    'places every entry, pass and artisan title group as its own look-up does ($region, $grouping)',
    (request) => {
      const report = conferenceReport(facts, request);
      const rows = new Set(report.units.map((u) => u.code));
      type Counts = [entries: number, passes: number, titles: number];
      /** Per row code (or 'unattributed'). */
      const expected = new Map<string, Counts>();
      const place = (group: { provinceCode: string; asOf: string }, add: Counts) => {
        const unit = unitCounted(group.provinceCode, group.asOf, report.unitsAsOf);
        if (request.region !== null && unit.regionCode !== request.region) return;
        const key = rows.has(unit.code) && unit.validFrom <= report.unitsAsOf ? unit.code : 'unattributed';
        const sum = expected.get(key) ?? [0, 0, 0];
        expected.set(key, sum.map((n, i) => n + add[i]) as Counts);
      };
      for (const group of facts.awardEntries) place(group, [group.count, 0, 0]);
      for (const group of facts.awardPasses) place(group, [0, group.count, 0]);
      for (const group of facts.artisanTitles) place(group, [0, 0, group.count]);

      const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
      const levelsAndGroups = (counts: ConferenceAwardCounts) => {
        // Both breakdowns count the same entries (or passes).
        expect(sum(counts.byGroup)).toBe(sum(counts.byLevel));
        return sum(counts.byLevel);
      };
      const shown = new Map<string, Counts>();
      const show = (key: string, figures: ConferenceFigures) => {
        const counts: Counts = [
          levelsAndGroups(figures.awardEntries),
          levelsAndGroups(figures.awardPasses),
          sum(figures.artisanTitlesConferred),
        ];
        if (counts.some((n) => n > 0)) shown.set(key, counts);
      };
      for (const unit of report.units) show(unit.code, unit);
      show('unattributed', report.unattributed);
      const byKey = (map: Map<string, Counts>) => [...map].sort(([a], [b]) => a.localeCompare(b));
      expect(byKey(shown)).toEqual(byKey(expected));

      const all = [...expected.values()].reduce((a, b) => a.map((n, i) => n + b[i]) as Counts, [0, 0, 0]);
      const { totals } = report;
      expect([
        levelsAndGroups(totals.awardEntries),
        levelsAndGroups(totals.awardPasses),
        sum(totals.artisanTitlesConferred),
      ]).toEqual(all);
    },
  );

  it('gives the same answer when asked again (nothing kept between answers)', () => {
    for (const request of requests) {
      expect(conferenceReport(facts, request)).toEqual(conferenceReport(facts, request));
    }
  });
});
