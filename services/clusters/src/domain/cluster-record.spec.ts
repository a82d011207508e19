import { RuleViolationError } from '@kc/errors';
import {
  checkAreas,
  checkInfrastructure,
  completedInfrastructure,
  occupancyOf,
  safeSum,
  tenantSummary,
  type Infrastructure,
  type TenantProject,
} from './cluster-record';
import { compareRatios, ratio } from './exact-ratio';

const ruleOf = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return 'accepted';
};

describe('a cluster record', () => {
  describe('areas', () => {
    it('nest: leased within leasable within industrial within total', () => {
      const areas = {
        totalCentiHa: 6250,
        industrialCentiHa: 5000,
        leasableCentiHa: 4829,
        leasedCentiHa: 3007,
      };
      expect(checkAreas(areas)).toEqual(areas);
      expect(ruleOf(() => checkAreas({ ...areas, industrialCentiHa: 6251 }))).toBe(
        'cluster.area-nesting @ areas.industrialCentiHa',
      );
      expect(ruleOf(() => checkAreas({ ...areas, leasedCentiHa: 4830 }))).toBe(
        'cluster.area-nesting @ areas.leasedCentiHa',
      );
    });

    it('bound an inner figure by the next known outer one when a figure is not known', () => {
      const areas = {
        totalCentiHa: 6250,
        industrialCentiHa: null,
        leasableCentiHa: null,
        leasedCentiHa: 6251,
      };
      expect(() => checkAreas(areas)).toThrow(
        'Diện tích đã cho thuê 62,51 ha vượt diện tích tổng 62,5 ha / The leased area 62.51 ha exceeds the total area 62.5 ha',
      );
    });

    it('must be whole hundredths of a hectare', () => {
      expect(() =>
        checkAreas({
          totalCentiHa: 62.5,
          industrialCentiHa: null,
          leasableCentiHa: null,
          leasedCentiHa: null,
        }),
      ).toThrow(RangeError);
    });
  });

  describe('occupancy', () => {
    it('is leased over leasable, exact', () => {
      const occupancy = occupancyOf({ leasableCentiHa: 4829, leasedCentiHa: 3007 });
      expect(occupancy && compareRatios(occupancy, ratio(3007, 4829))).toBe(0);
    });

    it('is unknown, not zero, while either figure is missing or nothing is leasable', () => {
      expect(occupancyOf({ leasableCentiHa: null, leasedCentiHa: 100 })).toBeNull();
      expect(occupancyOf({ leasableCentiHa: 4000, leasedCentiHa: null })).toBeNull();
      expect(occupancyOf({ leasableCentiHa: 0, leasedCentiHa: 0 })).toBeNull();
    });
  });

  describe('infrastructure', () => {
    const works: Infrastructure = {
      roads: 'in-use',
      power: 'under-construction',
      water: 'in-use',
      drainage: 'planned',
      wastewaterPlant: { capacityM3PerDay: 800, status: 'in-use' },
    };

    it('counts as completed only the works in use, the central wastewater plant among them', () => {
      expect([...completedInfrastructure(works)].sort()).toEqual(['roads', 'wastewater-plant', 'water']);
      expect([...completedInfrastructure({ ...works, wastewaterPlant: null })].sort()).toEqual([
        'roads',
        'water',
      ]);
    });

    it('gives a central wastewater plant a whole capacity in m³/day above zero', () => {
      expect(checkInfrastructure(works)).toBe(works);
      expect(
        ruleOf(() =>
          checkInfrastructure({ ...works, wastewaterPlant: { capacityM3PerDay: 0, status: 'planned' } }),
        ),
      ).toBe('cluster.wastewater-capacity @ infrastructure.wastewaterPlant.capacityM3PerDay');
      expect(
        ruleOf(() =>
          checkInfrastructure({ ...works, wastewaterPlant: { capacityM3PerDay: 12.5, status: 'planned' } }),
        ),
      ).toBe('cluster.wastewater-capacity @ infrastructure.wastewaterPlant.capacityM3PerDay');
    });
  });

  describe('tenants', () => {
    const project = (
      name: string,
      taxCode: string,
      overrides: Partial<TenantProject> = {},
    ): TenantProject => ({
      name,
      firm: { taxCode, name: `Công ty ${taxCode}` },
      leasedCentiHa: 150,
      registeredVnd: 12_000_000_000,
      realisedVnd: 9_500_000_000,
      workers: 120,
      status: 'operating',
      ...overrides,
    });

    it('sum projects, workers and money, counting a firm with two projects once', () => {
      const summary = tenantSummary([
        project('Nhà máy may', '2900000001'),
        project('Xưởng may mở rộng', '2900000001', {
          status: 'under-construction',
          workers: 0,
          realisedVnd: 0,
        }),
        project('Nhà máy gỗ', '2900000002', { leasedCentiHa: 275, workers: 85 }),
      ]);
      expect(summary).toEqual({
        projects: 3,
        operatingProjects: 2,
        firms: 2,
        workers: 205,
        leasedCentiHa: 575,
        registeredVnd: 36_000_000_000,
        realisedVnd: 19_000_000_000,
      });
    });

    it('refuse a sum past the exact integer range rather than round it', () => {
      expect(() => safeSum([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
      expect(safeSum([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    });
  });
});
