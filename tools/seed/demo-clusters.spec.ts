import {
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
        expect(leasableCentiHa).toBeLessThanOrEqual(industrialCentiHa);
        expect(leasedCentiHa).toBeLessThanOrEqual(leasableCentiHa);
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
