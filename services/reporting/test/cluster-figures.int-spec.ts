import { deadLetterTopic, type ConferenceReport, type Principal } from '@kc/contracts';
import { collectMessages, eventually, testKafka } from '@kc/testing';
import {
  CLUSTER_REPORTS,
  CLUSTERS,
  clusterEvents,
  figures,
  reportApproved,
  reportedSums,
  type ReportGiven,
} from './support/cluster-events';
import { useReportingContext } from './support/reporting-context';

const viewer: Principal = {
  kind: 'user',
  id: 'u-viewer',
  name: 'hoinghi.xem',
  role: 'viewer',
  scopes: [],
};

// The registry's clusters, recorded today under today's units.
const a = clusterEvents('37', 1);
const b = clusterEvents('37', 2);
const c = clusterEvents('40', 3);
const d = clusterEvents('37', 4);
const aLatest = figures({
  totalCentiHa: 6_250,
  leasableCentiHa: 4_600,
  leasedCentiHa: 3_910,
  plant: 'in-use',
  projects: 42,
  firms: 39,
  workers: 6_120,
});
const bLatest = figures({
  totalCentiHa: 3_075,
  leasableCentiHa: 2_400,
  leasedCentiHa: 600,
  plant: 'planned',
});
const aRevision3 = a.recorded(3, 'operating', aLatest);
const registryEvents = [
  a.registered('planned', 6_000),
  a.recorded(1, 'established', figures({ workers: 0 })),
  aRevision3,
  // An older snapshot arriving late, the newest delivered again, and the registration sent again: no change.
  a.recorded(2, 'infrastructure', figures({ workers: 3_000 })),
  aRevision3,
  a.registered('planned', 6_000),
  b.recorded(1, 'operating', bLatest),
  c.registered('planned', 3_025),
  d.recorded(1, 'operating', figures()),
  d.recorded(2, 'removed', figures()),
];

// 2024's reports name the units of then: Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37).
const YEAR = 2024;
const x = clusterEvents('36', 10).clusterId;
const y = clusterEvents('35', 11).clusterId;
const z = clusterEvents('40', 12).clusterId;
const xSixMonthly: ReportGiven = {
  clusterId: x,
  provinceCode: '36',
  kind: 'six-monthly',
  year: YEAR,
  version: 1,
  figures: figures({ totalCentiHa: 5_525, leasableCentiHa: 4_000, leasedCentiHa: 2_000 }),
};
const xAnnual: ReportGiven = { ...xSixMonthly, kind: 'annual', figures: figures({ leasedCentiHa: 2_200 }) };
// Returned for correction and approved again: these figures replace the first approval's.
const xAnnualReopened: ReportGiven = {
  ...xAnnual,
  version: 2,
  figures: figures({ totalCentiHa: 5_525, leasableCentiHa: 4_000, leasedCentiHa: 2_950, plant: 'in-use' }),
};
const ySixMonthly: ReportGiven = {
  clusterId: y,
  provinceCode: '35',
  kind: 'six-monthly',
  year: YEAR,
  version: 1,
  late: true,
  figures: figures({ totalCentiHa: 1_234, leasableCentiHa: 1_000, leasedCentiHa: 333, workers: 77 }),
};
const zSixMonthly: ReportGiven = {
  clusterId: z,
  provinceCode: '40',
  kind: 'six-monthly',
  year: YEAR,
  version: 1,
  figures: figures({ leasedCentiHa: 1_000 }),
};
const zAnnual: ReportGiven = { ...zSixMonthly, kind: 'annual', figures: figures({ plant: 'in-use' }) };
// The next year's annual report of the same Nam Định cluster names today's Ninh Bình.
const xAnnual2025: ReportGiven = {
  ...xAnnual,
  provinceCode: '37',
  year: 2025,
  figures: figures({ workers: 900 }),
};
const xAnnualId = '0b8f1d2e-3c4a-4b5c-9d6e-7f8091a2b3c4';
const reportEvents = [
  reportApproved(xSixMonthly),
  reportApproved(xAnnual, xAnnualId),
  reportApproved(xAnnualReopened, xAnnualId),
  // The first approval sent again after the second: the later approval stands.
  reportApproved(xAnnual, xAnnualId),
  reportApproved(ySixMonthly),
  reportApproved(zSixMonthly),
  reportApproved(zAnnual),
  reportApproved(xAnnual2025),
];

describe('conference figures fed by the cluster registry and the approved cluster reports', () => {
  const context = useReportingContext('reporting_cluster_figures');
  const { as, db, publish } = context;
  const report = async (path: string) => {
    const reply = await as(viewer).get<ConferenceReport>(path);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const unit = (view: ConferenceReport, code: string) => view.units.find((u) => u.code === code)!;

  beforeAll(async () => {
    await publish(CLUSTERS, ...registryEvents);
    await publish(CLUSTER_REPORTS, ...reportEvents);
    // Every event handled (or dropped as a duplicate), so a late one could not yet change what is asserted.
    const ids = [...new Set([...registryEvents, ...reportEvents].map((e) => e.id))];
    await eventually(async () => {
      const [{ n }] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbox WHERE message_id = ANY($1::uuid[])`,
        [ids],
      );
      return n === ids.length;
    });
  }, 90_000);

  it("counts the registry's clusters by status at their newest revision, removed ones left out", async () => {
    const view = await report(`/api/v1/conferences/national?year=${YEAR}`);
    expect(unit(view, '37')).toMatchObject({
      clustersRegistered: 2,
      clustersPlanned: 0,
      clustersEstablished: 2,
      clustersOperating: 2,
      clusterTotalAreaCentiHa: 6_250 + 3_075,
      clusterLeasableAreaCentiHa: 4_600 + 2_400,
      clusterLeasedAreaCentiHa: 3_910 + 600,
      // 4,510 of 7,000 leasable: the rate of the sums, not the mean of 85 % and 25 %.
      clusterOccupancyPercent: 64.4,
      // Of the two operating clusters only a's plant is in use (b's is planned).
      clustersWithWastewaterPlant: 1,
      wastewaterCoveragePercent: 50,
      clusterProjects: 42 + 10,
      clusterFirms: 39 + 9,
      clusterWorkers: 6_120 + 500,
    });
    // Known only from its registration: a planned cluster with its total area, nothing else.
    expect(unit(view, '40')).toMatchObject({
      clustersRegistered: 1,
      clustersPlanned: 1,
      clustersEstablished: 0,
      clusterTotalAreaCentiHa: 3_025,
      clusterLeasableAreaCentiHa: 0,
      clusterOccupancyPercent: null,
      wastewaterCoveragePercent: null,
      clusterWorkers: 0,
    });
    expect(view.totals).toMatchObject({ clustersRegistered: 3, clusterTotalAreaCentiHa: 12_350 });
    const rows = await db.rows<{ revision: number; status: string }>(
      `SELECT revision, status FROM cluster_projection WHERE cluster_id = $1`,
      [a.clusterId],
    );
    expect(rows).toEqual([{ revision: 3, status: 'operating' }]);
  });

  it("sums exactly the approved reports of the year, restated to today's units", async () => {
    const view = await report(`/api/v1/conferences/national?year=${YEAR}`);
    expect(view.clusterPeriod).toBe('annual-else-six-monthly');
    // Each cluster's annual report where approved (x at its second approval, z), else its six-monthly one (y).
    expect(unit(view, '37')).toMatchObject(reportedSums([xAnnualReopened, ySixMonthly]));
    expect(unit(view, '37')).toMatchObject({
      clusterReports: 2,
      clusterReportsAnnual: 1,
      clusterReportsLate: 1,
      reportedOccupancyPercent: 65.7,
      reportedWastewaterCoveragePercent: 50,
    });
    expect(unit(view, '40')).toMatchObject(reportedSums([zAnnual]));
    expect(view.totals).toMatchObject(reportedSums([xAnnualReopened, ySixMonthly, zAnnual]));
    expect(view.unattributed.clusterReports).toBe(0);
    expect(view.glossary.map((g) => g.key)).toEqual(
      expect.arrayContaining(['clusterReports', 'reportedOccupancyPercent', 'wastewaterCoveragePercent']),
    );
  });

  it('sums one period only when asked', async () => {
    const view = await report(`/api/v1/conferences/national?year=${YEAR}&clusterPeriod=six-monthly`);
    expect(view.clusterPeriod).toBe('six-monthly');
    expect(unit(view, '37')).toMatchObject(reportedSums([xSixMonthly, ySixMonthly]));
    expect(view.totals).toMatchObject(reportedSums([xSixMonthly, ySixMonthly, zSixMonthly]));
    const annual = await report(`/api/v1/conferences/national?year=${YEAR}&clusterPeriod=annual`);
    expect(annual.totals).toMatchObject(reportedSums([xAnnualReopened, zAnnual]));
  });

  it('keeps each report under the unit it named when grouping as it was', async () => {
    const view = await report(`/api/v1/conferences/regional/north?year=${YEAR}&grouping=historical`);
    expect(view.units).toHaveLength(28);
    expect(unit(view, '36')).toMatchObject({ nameVi: 'Nam Định', ...reportedSums([xAnnualReopened]) });
    expect(unit(view, '35')).toMatchObject({ nameVi: 'Hà Nam', ...reportedSums([ySixMonthly]) });
    expect(unit(view, '40')).toMatchObject({ nameVi: 'Nghệ An', ...reportedSums([zAnnual]) });
    expect(unit(view, '37')).toMatchObject({ nameVi: 'Ninh Bình', clusterReports: 0 });
    expect(view.totals).toMatchObject(reportedSums([xAnnualReopened, ySixMonthly, zAnnual]));
  });

  it("reads a report made after the reorganisation under today's unit, which the units of 1 January cannot hold", async () => {
    const current = await report(`/api/v1/conferences/national?year=2025`);
    expect(unit(current, '37')).toMatchObject(reportedSums([xAnnual2025]));
    const historical = await report(`/api/v1/conferences/national?year=2025&grouping=historical`);
    expect(historical.unattributed).toMatchObject(reportedSums([xAnnual2025]));
    expect(historical.totals).toMatchObject(reportedSums([xAnnual2025]));
  });

  it('refuses an unknown report period, naming the field', async () => {
    const reply = await as(viewer).get<{ errors: { field: string }[] }>(
      `/api/v1/conferences/national?year=${YEAR}&clusterPeriod=quarterly`,
    );
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('clusterPeriod');
  });

  it('parks a malformed cluster snapshot in the dead-letter topic and counts nothing of it', async () => {
    const stray = clusterEvents('37', 99);
    const malformed = stray.recorded(0, 'operating', figures({ workers: 1 }));
    await publish(CLUSTERS, malformed);
    const parked = await collectMessages(
      testKafka('reporting-cluster-dlt'),
      deadLetterTopic(CLUSTERS, context.service.consumerGroup!),
      (messages) => messages.some((m) => JSON.parse(m.value!.toString()).id === malformed.id),
    );
    expect(parked.length).toBeGreaterThan(0);
    expect(
      await db.rows(`SELECT 1 FROM cluster_projection WHERE cluster_id = $1`, [stray.clusterId]),
    ).toEqual([]);
  });
});
