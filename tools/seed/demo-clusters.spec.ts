import {
  clusterReportHistoryImportRequest,
  clusterTenantRequest,
  filePetitionRequest,
  recordInspectionRequest,
  registerClusterRequest,
} from '@kc/contracts';
import { provincesAsOf } from '@kc/reference-data';
import { checkClusterReportFigures } from '../../services/clusters/src/domain/cluster-report-figures';
import { replayRecordedReport } from '../../services/clusters/src/domain/report-history';
import { buildDemoDataset, type DemoUnit } from './demo-dataset.mjs';
import { demoGuide } from './demo-guide.mjs';
import {
  buildClusterDemo,
  lastTwoPeriods,
  RETURNED_CLUSTER,
  REVIEW_UNIT,
  tenantRequests,
  type DemoClusterRequest,
  buildNorthernClusters,
  largestRemainders,
  NORTHERN_CLUSTER_FIGURES,
  NORTHERN_UNITS,
} from './demo-clusters.mjs';

// The demo's hand-written clusters in the 14 units (CCN-37-001, CCN-37-014, CCN-24-009, CCN-19-005).
const existing = [
  { provinceCode: '37', status: 'operating', totalCentiHa: 6250 },
  { provinceCode: '37', status: 'operating', totalCentiHa: 2480 },
  { provinceCode: '24', status: 'operating', totalCentiHa: 5635 },
  { provinceCode: '19', status: 'operating', totalCentiHa: 7060 },
  { provinceCode: '01', status: 'operating', totalCentiHa: 3820 },
];

describe('the northern demo clusters', () => {
  const clusters = buildNorthernClusters(existing);
  const inUnits = existing.filter((c) => c.provinceCode !== '01');

  it("reproduce the seeds' totals exactly with the existing clusters of the 14 units", () => {
    expect(new Set([...clusters, ...inUnits].map((c) => c.provinceCode)).size).toBe(NORTHERN_UNITS.length);
    expect(clusters.length + inUnits.length).toBe(NORTHERN_CLUSTER_FIGURES.clusters);
    const area = [...clusters.map((c) => c.areas.totalCentiHa), ...inUnits.map((c) => c.totalCentiHa)].reduce(
      (a, b) => a + b,
    );
    expect(area).toBe(NORTHERN_CLUSTER_FIGURES.totalCentiHa);
    const established = [...clusters, ...inUnits].filter((c) => c.status !== 'planned').length;
    expect(established).toBe(NORTHERN_CLUSTER_FIGURES.established);
  });

  it('keep every cluster within the size rule of its category and its areas nested', () => {
    for (const c of clusters) {
      const min = c.sizeCategory === 'standard' ? 1000 : 500;
      expect(c.areas.totalCentiHa).toBeGreaterThanOrEqual(min);
      expect(c.areas.totalCentiHa).toBeLessThanOrEqual(7500);
      const { totalCentiHa, industrialCentiHa, leasableCentiHa, leasedCentiHa } = c.areas;
      if (industrialCentiHa != null) {
        expect(industrialCentiHa).toBeLessThanOrEqual(totalCentiHa);
        expect(leasableCentiHa).toBeLessThanOrEqual(industrialCentiHa!);
        expect(leasedCentiHa).toBeLessThanOrEqual(leasableCentiHa!);
      }
      if (c.tenants) {
        expect(c.tenants.operatingProjects).toBeLessThanOrEqual(c.tenants.projects);
        expect(c.tenants.firms).toBeLessThanOrEqual(c.tenants.projects);
      }
    }
  });

  it('give every cluster its own code and are the same on every build', () => {
    expect(new Set(clusters.map((c) => c.code)).size).toBe(clusters.length);
    expect(buildNorthernClusters(existing)).toEqual(clusters);
  });

  it('split a count over weights exactly', () => {
    expect(largestRemainders(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainders(714, [20, 40]).reduce((a, b) => a + b)).toBe(714);
  });
});

const TODAY = '2026-12-07';
const REGIONS = ['north', 'central', 'south'] as const;
const provincesNow: DemoUnit[] = provincesAsOf(TODAY).map((u, i) => ({
  code: u.code,
  nameVi: u.nameVi,
  fullNameVi: u.fullNameVi,
  regionCode: REGIONS[i % 3],
}));

describe('the clusters of the demo, as the API receives them', () => {
  const data = buildDemoDataset({
    provinces2018: provincesNow,
    provincesNow,
    currentYear: 2026,
    today: TODAY,
  });
  const handWritten = data.clusters as DemoClusterRequest[];
  const demo = buildClusterDemo({ handWritten, provincesNow, today: TODAY, plans: data.plans });
  const northern = new Set(NORTHERN_UNITS.map((u) => u.code));

  it('keeps the 13 hand-written clusters and registers every cluster with a body the registry accepts', () => {
    expect(handWritten).toHaveLength(13);
    expect(demo.registrations.slice(0, 13)).toEqual(handWritten);
    for (const body of demo.registrations) {
      const parsed = registerClusterRequest.safeParse(body);
      if (!parsed.success) throw new Error(`${body.code}: ${JSON.stringify(parsed.error.issues)}`);
      // Past the list: established by the unit's People's Committee on a day not before its listing.
      if (body.status !== 'planned') {
        expect(body.establishment).toMatchObject({ authority: 'provincial-peoples-committee' });
        expect(body.establishment!.issuedBy).toMatch(/^UBND (tỉnh|thành phố) \p{Lu}/u);
        expect(body.establishment!.date >= (body.provincialList as { date: string }).date).toBe(true);
        expect(body.developer?.taxCode).toMatch(/^\d{10}$/);
      }
    }
    expect(new Set(demo.registrations.map((b) => b.code)).size).toBe(demo.registrations.length);
  });

  it("reproduces the seeds' northern figure after mapping to hectares: 718 clusters, 28,997.5 ha, 396 established", () => {
    const inNorth = demo.registrations.filter((b) => northern.has(b.provinceCode));
    expect(inNorth).toHaveLength(718);
    // Summed in hundredths from the hectares as sent: what the registry will store.
    expect(inNorth.reduce((sum, b) => sum + Math.round(b.totalAreaHa * 100), 0)).toBe(2_899_750);
    expect(inNorth.filter((b) => b.status !== 'planned')).toHaveLength(396);
    expect(new Set(inNorth.map((b) => b.provinceCode)).size).toBe(14);
  });

  it('reports the last two settled periods of every cluster established by their cut-off, in bodies the import accepts', () => {
    expect(demo.periods).toEqual([
      { kind: 'annual', year: 2025 },
      { kind: 'six-monthly', year: 2026 },
    ]);
    expect(lastTwoPeriods('2026-07-30')).toEqual([
      { kind: 'annual', year: 2025 },
      { kind: 'six-monthly', year: 2026 },
    ]);
    expect(lastTwoPeriods('2026-07-29')).toEqual([
      { kind: 'six-monthly', year: 2025 },
      { kind: 'annual', year: 2025 },
    ]);
    const records = demo.reports.flatMap((u) => u.records);
    for (const unit of demo.reports) {
      expect(unit.records.every((r) => r.clusterCode.startsWith(`CCN-${unit.provinceCode}-`))).toBe(true);
      for (let i = 0; i < unit.records.length; i += 100) {
        const parsed = clusterReportHistoryImportRequest.safeParse({
          records: unit.records.slice(i, i + 100),
        });
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
      }
    }
    const latest = records.filter((r) => r.period.kind === 'six-monthly');
    const established = demo.registrations.filter(
      (b) => b.status !== 'planned' && b.establishment!.date <= '2026-06-14',
    );
    expect(latest.map((r) => r.clusterCode).sort()).toEqual(established.map((b) => b.code).sort());
  });

  it("replays every record by the service's own rules: mostly on time, some late, one returned then corrected, a few awaiting review", () => {
    const records = demo.reports.flatMap((u) => u.records);
    const replayed = records.map((r) => {
      r.versions.forEach((v) => checkClusterReportFigures(v.figures as never));
      const [, unit] = r.clusterCode.split('-');
      return replayRecordedReport(
        { kind: 'cluster', clusterCode: r.clusterCode, provinceCode: unit },
        r.period,
        r.versions,
        TODAY,
      );
    });
    const late = replayed.filter((r) => r.versions[0].late).length;
    expect(late / replayed.length).toBeGreaterThan(0.08);
    expect(late / replayed.length).toBeLessThan(0.3);
    const returned = replayed.filter((r) => r.events.some((e) => e.kind === 'returned'));
    expect(
      returned.map((r) => [
        r.subject.kind === 'cluster' && r.subject.clusterCode,
        r.status,
        r.versions.length,
      ]),
    ).toEqual([[RETURNED_CLUSTER, 'approved', 2]]);
    const waiting = replayed.filter((r) => r.status === 'submitted');
    expect(waiting).toHaveLength(3);
    expect(
      waiting.every((r) => r.subject.provinceCode === REVIEW_UNIT && r.period.kind === 'six-monthly'),
    ).toBe(true);
  });

  it("states the registry's own figures in the latest report: areas, investment and plant as registered", () => {
    const latest = new Map(
      demo.reports
        .flatMap((u) => u.records)
        .filter((r) => r.period.kind === 'six-monthly')
        .map((r) => [r.clusterCode, r.versions.at(-1)!.figures]),
    );
    for (const body of demo.registrations.filter((b) => latest.has(b.code))) {
      const figures = latest.get(body.code)!;
      expect(figures.areas.totalCentiHa).toBe(Math.round(body.totalAreaHa * 100));
      expect(figures.areas.leasedCentiHa).toBe(Math.round((body.leasedAreaHa ?? 0) * 100));
      expect(figures.wastewaterPlant).toEqual(body.infrastructure?.wastewaterPlant ?? null);
    }
  });

  it("gives a few operating clusters tenant rows whose summary equals their latest report's tenant figures", () => {
    expect(demo.tenants.length).toBeGreaterThanOrEqual(2);
    const latest = new Map(
      demo.reports
        .flatMap((u) => u.records)
        .filter((r) => r.period.kind === 'six-monthly')
        .map((r) => [r.clusterCode, r.versions.at(-1)!.figures]),
    );
    for (const { code, tenants } of demo.tenants) {
      const body = demo.registrations.find((b) => b.code === code)!;
      const rows = tenants.map((t) => clusterTenantRequest.parse(t));
      expect({
        projects: rows.length,
        operatingProjects: rows.filter((t) => t.status === 'operating').length,
        firms: new Set(rows.map((t) => t.firm.taxCode)).size,
        workers: rows.reduce((sum, t) => sum + t.workers, 0),
      }).toEqual(latest.get(code)!.tenants);
      expect(rows.reduce((sum, t) => sum + Math.round(t.leasedAreaHa * 100), 0)).toBe(
        Math.round((body.leasedAreaHa ?? 0) * 100),
      );
    }
    expect(
      tenantRequests(demo.registrations[0], { projects: 0, operatingProjects: 0, firms: 0, workers: 0 }),
    ).toEqual([]);
  });

  it("links up to three of the year's registered content-7 projects to distinct clusters of their own units", () => {
    const projects = data.plans
      .filter((p) => p.plan.year === 2026)
      .flatMap((p) => p.projects.map((project) => project.create));
    expect(demo.supportLinks.length).toBeGreaterThan(0);
    expect(demo.supportLinks.length).toBeLessThanOrEqual(3);
    for (const link of demo.supportLinks) {
      const project = projects.find((p) => p.title === link.projectTitle);
      expect([project?.provinceCode, project?.activityContents.includes(7)]).toEqual([
        link.provinceCode,
        true,
      ]);
      const cluster = demo.registrations.find((b) => b.code === link.clusterCode);
      expect([cluster?.provinceCode, cluster?.status === 'planned']).toEqual([link.provinceCode, false]);
    }
    expect(new Set(demo.supportLinks.map((l) => l.clusterCode)).size).toBe(demo.supportLinks.length);
    // Without the plans, nothing is linked.
    expect(buildClusterDemo({ handWritten, provincesNow, today: TODAY }).supportLinks).toEqual([]);
  });

  it('files a petition the agency answers and one it has not, and records an inspection with one action past its day', () => {
    expect(demo.petitions.map((p) => [p.key, p.answer === null])).toEqual([
      ['answered', false],
      ['open', true],
    ]);
    for (const p of demo.petitions)
      filePetitionRequest.parse({
        provinceCode: p.provinceCode,
        subject: p.subject,
        content: p.content,
        receivedOn: p.receivedOn,
      });
    // The open one came on paper 30 weekdays (six weeks) before the demo's Monday: overdue on load day.
    expect(demo.petitions.map((p) => p.receivedOn)).toEqual([undefined, '2026-10-26']);
    const { inspection } = demo;
    expect(inspection).not.toBeNull();
    recordInspectionRequest.parse({ clusterId: '00000000-0000-4000-8000-000000000000', ...inspection!.body });
    const [overdue, done] = inspection!.body.actions;
    expect(overdue.dueOn < TODAY).toBe(true);
    expect(inspection!.completed).toEqual([expect.objectContaining({ action: 2 })]);
    expect(inspection!.completed[0].completedOn <= done.dueOn).toBe(true);
    expect(demo.registrations.find((b) => b.code === inspection!.clusterCode)?.status).toBe('operating');
  });
});

describe("the demo guide's cluster lines", () => {
  const data = buildDemoDataset({
    provinces2018: provincesNow,
    provincesNow,
    currentYear: 2026,
    today: TODAY,
  });
  const demo = buildClusterDemo({
    handWritten: data.clusters as DemoClusterRequest[],
    provincesNow,
    today: TODAY,
  });

  it('names the returned report, the reports awaiting approval, the overdue action and the open petition', () => {
    const lines = demoGuide({
      data,
      currentYear: 2026,
      planIds: {},
      fairs: [],
      bookableFair: null,
      awards: { past: [], rounds: [] },
      clusters: {
        demo,
        reports: { reportIds: new Map([[`${RETURNED_CLUSTER}/six-monthly-2026`, 'report-returned']]) },
        petitions: [
          { key: 'open', id: 'petition-open', provinceCode: '37', petition: { responseDueOn: '2026-12-28' } },
          {
            key: 'answered',
            id: 'petition-answered',
            provinceCode: REVIEW_UNIT,
            petition: { responseDueOn: '2026-12-28' },
          },
        ],
        inspection: {
          id: 'inspection-1',
          clusterCode: demo.inspection!.clusterCode,
          provinceCode: '24',
          inspection: {
            actions: [
              { id: 'action-1', completedOn: null },
              { id: 'action-2', completedOn: '2026-11-02' },
            ],
          },
        },
      },
    });
    const text = lines.join('\n');
    const waiting = demo.reports
      .flatMap((u) => u.records)
      .filter((r) => r.period.kind === 'six-monthly' && !r.versions.at(-1)!.review)
      .map((r) => r.clusterCode);
    expect(text).toContain(`cluster ${RETURNED_CLUSTER}: its report for the first half of 2026 was returned`);
    expect(text).toContain('GET /api/v1/cluster-reports/report-returned;');
    expect(text).toMatch(
      new RegExp(
        `^  sct\\.${REVIEW_UNIT} +3 reports for the first half of 2026 await your approval: ${waiting.join(', ')};`,
        'm',
      ),
    );
    expect(text).toContain('POST /api/v1/cluster-inspections/inspection-1/actions/action-1/complete');
    expect(text).toContain('waiting for an answer by 28/12/2026');
    expect(text).toContain('POST /api/v1/cluster-petitions/petition-open/start');
  });
});
