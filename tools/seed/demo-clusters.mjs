// The demo's industrial clusters (CCN) of the northern region, built deterministically: the seeds' figure of 14
// northern provinces with 718 clusters on the provincial lists (28,997.5 ha), 396 of them established, holds
// exactly over the demo's own clusters in those units plus the ones made here. Pure: no I/O (see the spec).

import { prng } from './demo-dataset.mjs';

/** The seeds' figure (domain.md §8). */
export const NORTHERN_CLUSTER_FIGURES = {
  units: 14,
  clusters: 718,
  totalCentiHa: 2_899_750,
  established: 396,
};

/**
 * Fourteen of today's eighteen northern units (the four left out, Hà Nội, Thanh Hóa, Nghệ An and Hà Tĩnh, keep
 * only the demo's hand-written clusters), with a relative weight for how many clusters each plans and whether its
 * clusters fall under the mountain-area size rule (5–75 ha instead of 10–75 ha).
 */
// prettier-ignore
export const NORTHERN_UNITS = [
  { code: '04', weight: 20, mountain: true }, { code: '08', weight: 40, mountain: true },
  { code: '11', weight: 18, mountain: true }, { code: '12', weight: 14, mountain: true },
  { code: '14', weight: 35, mountain: true }, { code: '15', weight: 45, mountain: true },
  { code: '19', weight: 45, mountain: true }, { code: '20', weight: 30, mountain: true },
  { code: '22', weight: 30, mountain: false }, { code: '24', weight: 85, mountain: false },
  { code: '25', weight: 95, mountain: false }, { code: '31', weight: 75, mountain: false },
  { code: '33', weight: 60, mountain: false }, { code: '37', weight: 80, mountain: false },
];

// Common commune and place names, combined with the kind of cluster for the cluster's name.
// prettier-ignore
const PLACES = [
  'An Lạc', 'Bình Minh', 'Đồng Tâm', 'Hòa Bình', 'Hợp Thịnh', 'Kim Sơn', 'Phú Lâm', 'Quang Minh', 'Tân Dân',
  'Thanh Hà', 'Trung Hòa', 'Xuân Lâm', 'Yên Lạc', 'Đông Phong', 'Hưng Đạo', 'Lam Sơn', 'Minh Đức', 'Nam Sơn',
  'Phúc Thịnh', 'Quyết Thắng', 'Tân Tiến', 'Thống Nhất', 'Vạn Phúc', 'Việt Hưng', 'Đại Đồng', 'Hồng Phong',
  'Liên Sơn', 'Ngọc Lâm', 'Phong Châu', 'Tiên Sơn', 'Thái Học', 'Văn Lang', 'Đức Thắng', 'Gia Khánh', 'Lạc Đạo',
  'Nghĩa Hưng', 'Cao Minh', 'Trường Thịnh', 'Tam Hiệp', 'Đồng Văn',
];
const CRAFTS = [
  'gốm sứ',
  'mây tre đan',
  'đồ gỗ',
  'cơ khí',
  'dệt may',
  'chế biến nông sản',
  'chè',
  'đúc đồng',
];
const STAGES = [
  ['operating', 0.6],
  ['infrastructure', 0.2],
  ['detailed-plan', 0.12],
  ['established', 0.08],
];

/**
 * The clusters to add in the 14 units so that, with `existing` (the demo's hand-written clusters, as
 * `{ provinceCode, status, totalCentiHa }`), the northern figures hold exactly.
 */
export function buildNorthernClusters(existing, { seed = 'ccn-mien-bac' } = {}) {
  const rnd = prng(seed);
  const inUnits = existing.filter((c) => NORTHERN_UNITS.some((u) => u.code === c.provinceCode));
  const count = NORTHERN_CLUSTER_FIGURES.clusters - inUnits.length;
  const established =
    NORTHERN_CLUSTER_FIGURES.established - inUnits.filter((c) => c.status !== 'planned').length;
  const areaLeft =
    NORTHERN_CLUSTER_FIGURES.totalCentiHa - inUnits.reduce((sum, c) => sum + c.totalCentiHa, 0);

  const perUnit = largestRemainders(
    count,
    NORTHERN_UNITS.map((u) => u.weight),
  );
  const slots = NORTHERN_UNITS.flatMap((unit, i) => Array.from({ length: perUnit[i] }, () => unit));
  const establishedSlots = new Set(rnd.shuffle(slots.map((_, i) => i)).slice(0, established));
  const areas = areasSummingTo(
    areaLeft,
    slots.map((u) => u),
    rnd,
  );

  const numberInUnit = new Map();
  return slots.map((unit, i) => {
    const n = (numberInUnit.get(unit.code) ?? 99) + 1;
    numberInUnit.set(unit.code, n);
    const craftVillage = !unit.mountain && rnd.next() < 0.15;
    const place = PLACES[(n * 7 + Number(unit.code)) % PLACES.length];
    const name = craftVillage
      ? `Cụm công nghiệp làng nghề ${rnd.pick(CRAFTS)} ${place}`
      : `Cụm công nghiệp ${place}${n >= 100 + PLACES.length ? ` ${Math.floor((n - 100) / PLACES.length) + 1}` : ''}`;
    const status = establishedSlots.has(i) ? pickStage(rnd) : 'planned';
    return clusterFacts({
      code: `CCN-${unit.code}-${n}`,
      name,
      provinceCode: unit.code,
      commune: `Xã ${place}`,
      sizeCategory: craftVillage ? 'craft-village' : unit.mountain ? 'mountain-district' : 'standard',
      status,
      totalCentiHa: areas[i],
      rnd,
    });
  });
}

function pickStage(rnd) {
  let x = rnd.next();
  for (const [stage, share] of STAGES) {
    if ((x -= share) < 0) return stage;
  }
  return 'operating';
}

/** What the registry holds about one cluster; figures beyond the list only once it is established. */
function clusterFacts({ code, name, provinceCode, commune, sizeCategory, status, totalCentiHa, rnd }) {
  const listedYear = rnd.int(2016, 2023);
  const provincialList = {
    decisionNumber: `${rnd.int(100, 3999)}/QĐ-UBND`,
    date: isoDate(listedYear, rnd.int(1, 12), rnd.int(1, 28)),
  };
  const base = { code, name, provinceCode, commune, sizeCategory, status, provincialList };
  if (status === 'planned') return { ...base, areas: { totalCentiHa }, establishment: null };

  const establishedYear = rnd.int(Math.max(listedYear, 2008), 2025);
  const drawn = isoDate(establishedYear, rnd.int(1, 12), rnd.int(1, 28));
  const establishedOn = drawn > provincialList.date ? drawn : provincialList.date; // listed first, then established
  const industrial = Math.floor(totalCentiHa * (0.72 + rnd.next() * 0.1));
  const leasable = Math.floor(industrial * (0.9 + rnd.next() * 0.08));
  const leasedShare = { operating: 0.55 + rnd.next() * 0.45, infrastructure: rnd.next() * 0.5 }[status] ?? 0;
  const leased = Math.floor(leasable * leasedShare);
  const projects = status === 'operating' ? rnd.int(4, 45) : status === 'infrastructure' ? rnd.int(0, 8) : 0;
  const operatingProjects = status === 'operating' ? rnd.int(Math.ceil(projects * 0.6), projects) : 0;
  const registeredVnd = Math.round((totalCentiHa / 100) * rnd.int(6, 14)) * 1_000_000_000;
  const realisedShare =
    { operating: 0.6 + rnd.next() * 0.4, infrastructure: 0.1 + rnd.next() * 0.5 }[status] ?? 0;
  const wastewater = status === 'operating' ? rnd.next() : status === 'infrastructure' ? rnd.next() * 0.6 : 1;
  return {
    ...base,
    establishment: {
      decisionNumber: `${rnd.int(100, 3999)}/QĐ-UBND`,
      date: establishedOn,
    },
    areas: {
      totalCentiHa,
      industrialCentiHa: status === 'established' ? null : industrial,
      leasableCentiHa: status === 'established' ? null : leasable,
      leasedCentiHa: status === 'established' ? null : leased,
    },
    developer: {
      kind: rnd.next() < 0.8 ? 'enterprise' : 'state-unit',
      name: `Công ty cổ phần đầu tư hạ tầng ${name.replace(/^Cụm công nghiệp (làng nghề )?/, '')}`,
      // Decree 32/2024 (in force 1 May 2024) has the province's council score the candidates.
      selection: establishedOn >= '2024-05-01' ? 'evaluation-council' : 'earlier-procedure',
    },
    investment: {
      registeredVnd,
      realisedVnd: Math.floor((registeredVnd * realisedShare) / 1_000_000) * 1_000_000,
    },
    wastewaterPlant:
      wastewater < 0.45
        ? { status: 'in-use', capacityM3PerDay: rnd.int(3, 20) * 100 }
        : wastewater < 0.65
          ? { status: 'under-construction', capacityM3PerDay: rnd.int(3, 15) * 100 }
          : null,
    tenants: {
      projects,
      operatingProjects,
      firms: Math.max(operatingProjects, projects - rnd.int(0, Math.floor(projects / 5))),
      workers: operatingProjects * rnd.int(40, 160),
    },
  };
}

const isoDate = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** `total` split over the weights, in whole parts that add up exactly (largest remainders, ties by position). */
export function largestRemainders(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = total - parts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++)
    parts[order[k][1]]++;
  return parts;
}

/**
 * One area per slot within the decree's bounds for its unit (5–75 ha in the mountains, 10–75 ha elsewhere; a
 * whole number of quarter-hectares, as provincial lists write them), adding up to `totalCentiHa` exactly.
 */
function areasSummingTo(totalCentiHa, units, rnd) {
  const min = (u) => (u.mountain ? 500 : 1000);
  const areas = units.map((u) => 25 * rnd.int(min(u) / 25, 6000 / 25));
  let gap = totalCentiHa - areas.reduce((a, b) => a + b, 0);
  if (gap % 25 !== 0) throw new RangeError(`the area left, ${totalCentiHa}, is not in quarter-hectares`);
  // Walk the slots moving each by a quarter-hectare towards the total until it is met, within the bounds.
  for (let i = 0; gap !== 0; i = (i + 1) % areas.length) {
    const step = gap > 0 ? 25 : -25;
    const next = areas[i] + step;
    if (next >= min(units[i]) && next <= 7500) {
      areas[i] = next;
      gap -= step;
    }
  }
  return areas;
}
