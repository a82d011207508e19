import { RuleViolationError } from '@kc/errors';
import { checkClusterReportFigures, type ClusterReportFigures } from './cluster-report-figures';
import { compareRatios, ratio } from './exact-ratio';
import { approveReport, openReport, submitReport, type PeriodicReport } from './periodic-report';
import { rollUpProvince } from './province-rollup';

const period = { kind: 'annual' as const, year: 2025 };

const figures = (overrides: Partial<ClusterReportFigures> = {}): ClusterReportFigures => ({
  areas: { totalCentiHa: 5000, industrialCentiHa: 4200, leasableCentiHa: 4000, leasedCentiHa: 2400 },
  infrastructureInvestment: { registeredVnd: 250_000_000_000, realisedVnd: 180_000_000_001 },
  tenants: { projects: 12, operatingProjects: 9, firms: 10, workers: 1850 },
  wastewaterPlant: { capacityM3PerDay: 800, status: 'in-use' },
  ...overrides,
});

const report = (
  clusterCode: string,
  f: ClusterReportFigures,
  approve = true,
  provinceCode = '40',
): PeriodicReport<ClusterReportFigures> => {
  const sent = submitReport(
    openReport({ kind: 'cluster', clusterCode, provinceCode }, 'developer', period, f),
    'cdt',
    '2025-12-18',
  );
  return approve ? approveReport(sent, 'sct.nghean', '2025-12-24') : sent;
};

describe("a province's roll-up of approved cluster reports", () => {
  const a = report('CCN-40-001', figures());
  const b = report(
    'CCN-40-002',
    figures({
      areas: { totalCentiHa: 7333, industrialCentiHa: 6001, leasableCentiHa: 5999, leasedCentiHa: 1 },
      infrastructureInvestment: { registeredVnd: 99_999_999_999, realisedVnd: 3 },
      tenants: { projects: 1, operatingProjects: 0, firms: 1, workers: 7 },
      wastewaterPlant: { capacityM3PerDay: 500, status: 'under-construction' },
    }),
  );
  const pending = report('CCN-40-003', figures(), false);

  it('sums the approved figures exactly and lists what awaits approval', () => {
    const rollUp = rollUpProvince('40', period, [pending, b, a]);
    expect(rollUp).toMatchObject({
      counted: ['CCN-40-001', 'CCN-40-002'],
      awaitingApproval: ['CCN-40-003'],
      areas: { totalCentiHa: 12_333, industrialCentiHa: 10_201, leasableCentiHa: 9999, leasedCentiHa: 2401 },
      infrastructureInvestment: { registeredVnd: 350_000_000_000 - 1, realisedVnd: 180_000_000_004 },
      tenants: { projects: 13, operatingProjects: 9, firms: 11, workers: 1857 },
      wastewater: { clustersWithPlant: 2, clustersWithPlantInUse: 1, capacityInUseM3PerDay: 800 },
    });
  });

  it("pools occupancy over all leasable land rather than averaging the clusters' rates", () => {
    const { occupancy } = rollUpProvince('40', period, [a, b]);
    expect(occupancy && compareRatios(occupancy, ratio(2401, 9999))).toBe(0);
    expect(rollUpProvince('40', period, [pending]).occupancy).toBeNull();
  });

  it("refuses another province's or period's report, or a cluster reported twice", () => {
    expect(() => rollUpProvince('40', period, [a, report('CCN-42-001', figures(), true, '42')])).toThrow(
      RangeError,
    );
    expect(() => rollUpProvince('40', { kind: 'six-monthly', year: 2025 }, [a])).toThrow(RangeError);
    expect(() => rollUpProvince('40', period, [a, a])).toThrow(/CCN-40-001 is reported twice/);
  });
});

describe("a developer's report figures", () => {
  it('must nest their areas and keep operating projects and firms within the projects', () => {
    expect(checkClusterReportFigures(figures())).toEqual(figures());
    const rule = (f: ClusterReportFigures) => {
      try {
        checkClusterReportFigures(f);
      } catch (error) {
        if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
        throw error;
      }
      return 'accepted';
    };
    expect(rule(figures({ areas: { ...figures().areas, leasedCentiHa: 4001 } }))).toBe(
      'cluster.area-nesting @ areas.leasedCentiHa',
    );
    expect(rule(figures({ tenants: { projects: 3, operatingProjects: 4, firms: 3, workers: 10 } }))).toBe(
      'cluster-report.tenant-counts @ tenants.operatingProjects',
    );
    expect(rule(figures({ tenants: { projects: 3, operatingProjects: 3, firms: 4, workers: 10 } }))).toBe(
      'cluster-report.tenant-counts @ tenants.firms',
    );
    expect(rule(figures({ wastewaterPlant: { capacityM3PerDay: 0, status: 'planned' } }))).toBe(
      'cluster.wastewater-capacity @ wastewaterPlant.capacityM3PerDay',
    );
    expect(() =>
      checkClusterReportFigures(
        figures({ tenants: { projects: 3, operatingProjects: 1, firms: 1, workers: -1 } }),
      ),
    ).toThrow(RangeError);
  });
});
