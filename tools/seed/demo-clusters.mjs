// The demo's industrial clusters (CCN) of the northern region, built deterministically: the seeds' figure of 14
// northern provinces with 718 clusters on the provincial lists (28,997.5 ha), 396 of them established, holds
// exactly over the demo's own clusters in those units plus the ones made here. Pure: no I/O (see the spec).

import { prng, reaches } from './demo-dataset.mjs';

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

// ------------------------------------------------------------------ the registry's request bodies and the rest

/** "Tỉnh Lào Cai" → "UBND tỉnh Lào Cai": the body that issues a province's decisions, as decisions name it. */
export const peoplesCommitteeOf = (unit) =>
  `UBND ${unit ? unit.fullNameVi.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ') : 'tỉnh'}`;

/** A deterministic 10-digit tax code for a demo developer: the unit's code, then digits drawn from the seed. */
export function demoTaxCode(provinceCode, seedText) {
  return `${provinceCode}0${String(prng(`kc-demo/tax/${seedText}`).int(1_000_000, 9_999_999))}`;
}

const WORKS_BY_STATUS = {
  established: 'none',
  'detailed-plan': 'planned',
  infrastructure: 'under-construction',
  operating: 'in-use',
};

/**
 * One generated cluster as the body of POST /api/v1/clusters: on the list with its listing decision, or at its
 * stage with the People's Committee's establishing decision, areas in hectares (two decimals at most), the
 * developer, investment and works (roads, power, water and drainage by its stage; the central wastewater plant).
 */
export function registerRequestOf(facts, unit) {
  const ha = (centiHa) => centiHa / 100;
  const body = {
    code: facts.code,
    name: facts.name,
    provinceCode: facts.provinceCode,
    commune: facts.commune,
    sizeCategory: facts.sizeCategory,
    status: facts.status,
    provincialList: facts.provincialList,
    totalAreaHa: ha(facts.areas.totalCentiHa),
  };
  if (facts.status === 'planned') return body;
  const { industrialCentiHa, leasableCentiHa, leasedCentiHa } = facts.areas;
  const works = WORKS_BY_STATUS[facts.status];
  return {
    ...body,
    establishment: {
      number: facts.establishment.decisionNumber,
      date: facts.establishment.date,
      authority: 'provincial-peoples-committee',
      issuedBy: peoplesCommitteeOf(unit),
    },
    ...(industrialCentiHa == null ? {} : { industrialAreaHa: ha(industrialCentiHa) }),
    ...(leasableCentiHa == null ? {} : { leasableAreaHa: ha(leasableCentiHa) }),
    ...(leasedCentiHa ? { leasedAreaHa: ha(leasedCentiHa) } : {}),
    developer: { ...facts.developer, taxCode: demoTaxCode(facts.provinceCode, facts.code) },
    investment: facts.investment,
    infrastructure: {
      roads: works,
      power: works,
      water: works === 'under-construction' ? 'in-use' : works,
      drainage: works,
      wastewaterPlant: facts.wastewaterPlant,
    },
  };
}

/** A hand-written cluster's tenants (the data set states none): drawn from its code, in step with its stage. */
function tenantCountsOf(body) {
  const rnd = prng(`kc-demo/tenants/${body.code}`);
  if (body.status !== 'operating' && body.status !== 'infrastructure')
    return { projects: 0, operatingProjects: 0, firms: 0, workers: 0 };
  const projects = body.status === 'operating' ? rnd.int(6, 30) : rnd.int(1, 5);
  const operatingProjects = body.status === 'operating' ? rnd.int(Math.ceil(projects * 0.6), projects) : 0;
  return {
    projects,
    operatingProjects,
    firms: Math.max(operatingProjects, projects - rnd.int(0, Math.floor(projects / 5))),
    workers: operatingProjects * rnd.int(40, 160),
  };
}

const DAY_MS = 86_400_000;
export const addDays = (iso, n) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * `n` working days before `iso`, counting Monday to Friday only. The seed has no holiday table: a public holiday
 * in between makes the day fewer real working days back, never too recent — 30 weekdays back stays well past the
 * 15-working-day response deadline whatever holidays fall in it.
 */
export function weekdaysBefore(iso, n) {
  let day = iso;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

/** Circular 14/2024: cut-offs 14 June and 14 December; developers report before 20 June and 20 December. */
const cutOffOf = (p) => `${p.year}-${p.kind === 'annual' ? '12' : '06'}-14`;
const dueBeforeOf = (p) => `${p.year}-${p.kind === 'annual' ? '12' : '06'}-20`;
/** How long after a period's deadline all of its recorded days (late submissions, reviews) are behind us. */
const SETTLED_DAYS = 40;

/**
 * The last two periods whose reporting is over by `today` (their deadline at least SETTLED_DAYS ago), oldest
 * first: on 7 December 2026 the year 2025 and the first half of 2026. Only periods under Circular 14/2024
 * (cut-offs from 14 December 2024).
 */
export function lastTwoPeriods(today) {
  const year = Number(today.slice(0, 4));
  const periods = [];
  for (let y = year - 2; y <= year; y++)
    periods.push({ kind: 'six-monthly', year: y }, { kind: 'annual', year: y });
  return periods
    .filter((p) => cutOffOf(p) >= '2024-12-14' && addDays(dueBeforeOf(p), SETTLED_DAYS) <= today)
    .slice(-2);
}

// prettier-ignore
const PEOPLE = [
  'Nguyễn Văn Hải', 'Trần Thị Mai', 'Lê Minh Tuấn', 'Phạm Thu Hà', 'Hoàng Văn Nam', 'Vũ Thị Lan', 'Đặng Quốc Bảo',
  'Bùi Thị Hương', 'Đỗ Văn Long', 'Ngô Thị Thảo', 'Dương Văn Khánh', 'Lý Thị Ngọc',
];

/** The figures of a cluster's form 02 for `period`: today's registry figures for the latest, a little less before. */
function figuresOf(body, tenants, earlier) {
  const c = (ha) => Math.round((ha ?? 0) * 100);
  const shrink = (n, share) => (earlier ? Math.floor(n * share) : n);
  const projects = shrink(tenants.projects, 0.9);
  const operatingProjects = Math.min(projects, shrink(tenants.operatingProjects, 0.85));
  const firms = Math.min(projects, shrink(tenants.firms, 0.9));
  const leasable = c(body.leasableAreaHa);
  const plant = body.infrastructure?.wastewaterPlant ?? null;
  return {
    areas: {
      totalCentiHa: c(body.totalAreaHa),
      industrialCentiHa: c(body.industrialAreaHa ?? body.leasableAreaHa),
      leasableCentiHa: leasable,
      leasedCentiHa: Math.min(leasable, shrink(c(body.leasedAreaHa), 0.93)),
    },
    infrastructureInvestment: {
      registeredVnd: body.investment?.registeredVnd ?? 0,
      realisedVnd: Math.floor(shrink(body.investment?.realisedVnd ?? 0, 0.9) / 1_000_000) * 1_000_000,
    },
    tenants: { projects, operatingProjects, firms, workers: shrink(tenants.workers, 0.9) },
    // A plant being built a period earlier was still being built; one in use now may have started since.
    wastewaterPlant:
      plant && earlier && plant.status === 'in-use' && tenants.projects % 3 === 0
        ? { ...plant, status: 'under-construction' }
        : plant,
  };
}

/** The cluster whose latest report was returned once and corrected (a hand-written one, easy to find). */
export const RETURNED_CLUSTER = 'CCN-37-001';
/** The unit whose last few latest reports the demo leaves waiting for its department's approval. */
export const REVIEW_UNIT = '25';

/**
 * One cluster's report for one period as its history import records it: mostly submitted between the cut-off
 * and the deadline and approved within days; some late; RETURNED_CLUSTER's latest returned for a wrong worker
 * count and corrected; the last three of REVIEW_UNIT's latest left awaiting approval.
 */
function reportRecord(body, unit, tenants, period, { latest, awaitingReview }) {
  const rnd = prng(`kc-demo/cluster-report/${body.code}/${period.kind}-${period.year}`);
  const figures = figuresOf(body, tenants, !latest);
  const cutOff = cutOffOf(period);
  const due = dueBeforeOf(period);
  const x = rnd.next();
  const submittedOn = x < 0.82 ? addDays(cutOff, rnd.int(1, 5)) : addDays(due, rnd.int(0, 20));
  const submitter = `${rnd.pick(PEOPLE)} (${body.developer?.name ?? body.name})`;
  const reviewer = `${PEOPLE[Number(body.provinceCode) % PEOPLE.length]} (Sở Công Thương ${unit?.nameVi ?? body.provinceCode})`;
  const reviewedOn = addDays(submittedOn, rnd.int(2, 12));
  if (latest && body.code === RETURNED_CLUSTER) {
    const first = { ...figures, tenants: { ...figures.tenants, workers: figures.tenants.workers + 240 } };
    return {
      clusterCode: body.code,
      period,
      versions: [
        {
          figures: first,
          submittedOn: addDays(cutOff, 3),
          submittedBy: submitter,
          review: {
            outcome: 'returned',
            on: addDays(cutOff, 7),
            by: reviewer,
            reason:
              'Số lao động (tenants.workers) lớn hơn tổng số lao động các doanh nghiệp thứ cấp báo cáo (Biểu 01); đề nghị rà soát lại',
          },
        },
        {
          figures,
          submittedOn: addDays(cutOff, 11),
          submittedBy: submitter,
          review: { outcome: 'approved', on: addDays(cutOff, 15), by: reviewer },
        },
      ],
    };
  }
  const version = { figures, submittedOn, submittedBy: submitter };
  return {
    clusterCode: body.code,
    period,
    versions: [
      awaitingReview
        ? version
        : { ...version, review: { outcome: 'approved', on: reviewedOn, by: reviewer } },
    ],
  };
}

/**
 * Tenant projects of a cluster whose counts are those given (projects, operating ones, distinct firms, workers):
 * the bodies of POST /api/v1/clusters/{id}/tenants, so that the registry's tenant summary equals the report's.
 */
export function tenantRequests(body, counts) {
  const rnd = prng(`kc-demo/tenant-rows/${body.code}`);
  const leased = Math.round((body.leasedAreaHa ?? 0) * 100);
  const { projects, operatingProjects, firms, workers } = counts;
  const shares = Array.from({ length: projects }, () => rnd.int(1, 4));
  const sum = shares.reduce((a, b) => a + b, 0);
  let areaLeft = leased;
  let workersLeft = workers;
  let operatingLeft = operatingProjects;
  const craft = body.name.replace(/^Cụm công nghiệp (làng nghề )?/, '');
  return shares.map((share, i) => {
    const last = i === projects - 1;
    const area = last ? areaLeft : Math.floor((leased * share) / sum);
    areaLeft -= area;
    const operating = operatingLeft > 0 && (projects - i <= operatingLeft || rnd.next() < 0.8);
    if (operating) operatingLeft--;
    const w = !operating
      ? 0
      : operatingLeft === 0
        ? workersLeft
        : Math.floor(workersLeft / (operatingLeft + 1));
    workersLeft -= w;
    const firm = i % firms;
    return {
      name: `Dự án sản xuất số ${i + 1} tại ${body.name}`,
      firm: {
        taxCode: demoTaxCode(body.provinceCode, `${body.code}/firm/${firm}`),
        name: `Công ty TNHH sản xuất ${craft} số ${firm + 1}`,
      },
      leasedAreaHa: area / 100,
      registeredVnd: share * 12_000_000_000,
      realisedVnd: operating ? share * 9_000_000_000 : share * 2_000_000_000,
      workers: w,
      status: operating ? 'operating' : 'under-construction',
    };
  });
}

/**
 * The clusters part of the demo: every cluster to register (the data set's hand-written ones and the generated
 * northern ones, in the units in force), the tenant rows of a few operating clusters, the last two periods'
 * reports of every cluster established by then (grouped by unit, for its department to record), petitions and
 * an inspection, and the content-7 projects of `plans` (the demo data set's) linked to clusters as support
 * received. Pure: `today` decides the periods and the petitions' and inspection's days.
 */
/** How many of the demo's content-7 projects are linked to clusters as support received. */
const SUPPORT_LINKS = 3;

/**
 * Support received: the current year's registered content-7 projects (associations, linkage clusters, CCN
 * infrastructure, relocation and pollution treatment) of units that have an established demo cluster, each linked
 * to a different cluster of its unit (the first operating one, else the first established), at most SUPPORT_LINKS.
 * Empty when no such project falls in a unit with a cluster.
 */
export function supportLinksOf(plans, registrations, year) {
  const used = new Set();
  const links = [];
  for (const plan of plans ?? []) {
    if (plan.plan.year !== year) continue;
    for (const project of plan.projects) {
      if (links.length >= SUPPORT_LINKS) return links;
      const { provinceCode, activityContents, title } = project.create;
      if (!activityContents.includes(7) || !reaches(project.target, 'registered')) continue;
      const candidates = registrations.filter(
        (b) => b.provinceCode === provinceCode && b.status !== 'planned' && !used.has(b.code),
      );
      const cluster = candidates.find((b) => b.status === 'operating') ?? candidates[0];
      if (!cluster) continue;
      used.add(cluster.code);
      links.push({ clusterCode: cluster.code, provinceCode, projectTitle: title, planYear: year });
    }
  }
  return links;
}

export function buildClusterDemo({ handWritten, provincesNow, today, plans = [] }) {
  const units = new Map(provincesNow.map((u) => [u.code, u]));
  const existing = handWritten.map((b) => ({
    provinceCode: b.provinceCode,
    status: b.status,
    totalCentiHa: Math.round(b.totalAreaHa * 100),
  }));
  const generated = buildNorthernClusters(existing).filter((f) => units.has(f.provinceCode));
  const registrations = [
    ...handWritten,
    ...generated.map((f) => registerRequestOf(f, units.get(f.provinceCode))),
  ];
  const tenantCounts = new Map([
    ...handWritten.map((b) => [b.code, tenantCountsOf(b)]),
    ...generated.map((f) => [
      f.code,
      f.tenants ?? { projects: 0, operatingProjects: 0, firms: 0, workers: 0 },
    ]),
  ]);

  // Tenant rows for the returned cluster and the two smallest operating clusters of the review unit.
  const small = registrations
    .filter((b) => b.provinceCode === REVIEW_UNIT && b.status === 'operating' && b.leasedAreaHa)
    .filter((b) => tenantCounts.get(b.code).projects >= 3 && tenantCounts.get(b.code).projects <= 8)
    .slice(0, 2);
  const tenants = [registrations.find((b) => b.code === RETURNED_CLUSTER), ...small]
    .filter(Boolean)
    .map((b) => ({ code: b.code, tenants: tenantRequests(b, tenantCounts.get(b.code)) }));

  const periods = lastTwoPeriods(today);
  const latest = periods.at(-1);
  const byUnit = new Map();
  for (const period of periods) {
    const reporting = registrations.filter(
      (b) => b.status !== 'planned' && b.establishment.date <= cutOffOf(period),
    );
    const waiting = new Set(
      reporting
        .filter((b) => b.provinceCode === REVIEW_UNIT && b.code !== RETURNED_CLUSTER)
        .slice(-3)
        .map((b) => b.code),
    );
    for (const b of reporting) {
      const isLatest = period === latest;
      const record = reportRecord(b, units.get(b.provinceCode), tenantCounts.get(b.code), period, {
        latest: isLatest,
        awaitingReview: isLatest && waiting.has(b.code),
      });
      byUnit.set(b.provinceCode, [...(byUnit.get(b.provinceCode) ?? []), record]);
    }
  }
  const reports = [...byUnit].map(([provinceCode, records]) => ({ provinceCode, records }));

  const operatingIn = (code) =>
    registrations.find((b) => b.provinceCode === code && b.status === 'operating');
  const plantCluster = registrations.find(
    (b) =>
      b.provinceCode === REVIEW_UNIT && b.infrastructure?.wastewaterPlant?.status === 'under-construction',
  );
  const petitions = [
    {
      key: 'answered',
      provinceCode: REVIEW_UNIT,
      clusterCode: plantCluster?.code ?? null,
      subject: 'Đề nghị hỗ trợ kinh phí khuyến công đầu tư trạm xử lý nước thải tập trung',
      content:
        'Sở Công Thương đề nghị Cục xem xét hỗ trợ từ kinh phí khuyến công quốc gia năm tới cho hạng mục trạm xử lý ' +
        'nước thải tập trung của cụm công nghiệp (công suất theo thiết kế), do chủ đầu tư hạ tầng chưa thu xếp đủ vốn.',
      answer:
        'Cục ghi nhận đề nghị; đề nghị Sở hướng dẫn chủ đầu tư lập đề án theo nội dung 7 và gửi cùng hồ sơ đăng ký ' +
        'kế hoạch khuyến công quốc gia năm tới trước ngày 30/9.',
    },
    {
      key: 'open',
      provinceCode: '37',
      clusterCode: null,
      // Came on paper and recorded by the department with its day of receipt: past its deadline on load day.
      receivedOn: weekdaysBefore(today, 30),
      subject: 'Kiến nghị hướng dẫn báo cáo số liệu cụm công nghiệp sau sắp xếp đơn vị hành chính',
      content:
        'Sau khi hợp nhất tỉnh, một số cụm công nghiệp chưa xác định được xã quản lý mới; Sở Công Thương đề nghị Cục ' +
        'hướng dẫn cách ghi địa bàn trong biểu báo cáo định kỳ theo Thông tư 14/2024/TT-BCT.',
      answer: null,
    },
  ];

  const inspected = operatingIn('24');
  const inspectedOn = addDays(today, -75);
  const inspection = inspected && {
    clusterCode: inspected.code,
    provinceCode: '24',
    body: {
      inspectedOn,
      authority: `Đoàn kiểm tra liên ngành, Sở Công Thương ${units.get('24')?.nameVi ?? '24'}`,
      summary:
        'Kiểm tra việc chấp hành quy định về bảo vệ môi trường và phòng cháy chữa cháy tại cụm công nghiệp.',
      findings: [
        {
          description: 'Trạm xử lý nước thải tập trung vận hành không liên tục, chưa có nhật ký vận hành',
          severity: 'major',
        },
        {
          description: 'Đường nội bộ khu vực phía Tây chưa bảo đảm lối tiếp cận cho xe chữa cháy',
          severity: 'minor',
        },
      ],
      actions: [
        {
          description: 'Lập nhật ký vận hành và báo cáo kết quả quan trắc nước thải hằng tháng',
          dueOn: addDays(inspectedOn, 30),
          finding: 1,
        },
        {
          description: 'Giải tỏa vật cản, bảo đảm lối tiếp cận cho xe chữa cháy',
          dueOn: addDays(inspectedOn, 45),
          finding: 2,
        },
      ],
    },
    // The second action done in time; the first left open past its day (overdue).
    completed: [
      { action: 2, completedOn: addDays(inspectedOn, 40), note: 'Đã giải tỏa, Sở kiểm tra lại ngày nêu' },
    ],
  };

  const supportLinks = supportLinksOf(plans, registrations, Number(today.slice(0, 4)));

  return { registrations, tenants, periods, reports, petitions, inspection, supportLinks };
}
