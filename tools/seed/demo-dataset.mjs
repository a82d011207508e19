// The demo data set, built deterministically (seeded PRNG): the same provinces and year always give the same
// plans, projects, clusters, fair and award round. Pure: no I/O, so it can be inspected on its own.

const MILLION = 1_000_000;
const BILLION = 1_000 * MILLION;
const STEP = 5 * MILLION; // amounts are round 5-million figures

/** Mulberry32 seeded from a string: small, fast and the same on every platform. */
export function prng(seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.codePointAt(0), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A multiple of 5 million VND in [minM, maxM] million. */
    amount: (minM, maxM) => int(Math.ceil(minM / 5), Math.floor(maxM / 5)) * STEP,
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/** Rural-industry products typical of each region (what a project helps to make). */
// prettier-ignore
const PRODUCTS = {
  north: [
    'gốm sứ', 'mây tre đan', 'chè', 'sơn mài', 'đồ đồng mỹ nghệ', 'hàng thêu ren', 'thổ cẩm', 'đồ gỗ mỹ nghệ',
    'miến dong', 'nông cụ cơ khí', 'giấy dó', 'gạch không nung', 'chiếu cói',
  ],
  central: [
    'nước mắm', 'hải sản khô', 'cà phê bột', 'nhân hạt điều', 'thổ cẩm', 'đá mỹ nghệ', 'tinh dầu tràm',
    'đồ gỗ mỹ nghệ', 'nông cụ cơ khí', 'mây tre đan', 'bánh tráng', 'gốm sứ',
  ],
  south: [
    'bánh tráng', 'kẹo dừa', 'hàng lục bình', 'trái cây sấy', 'thủy sản chế biến', 'nhân hạt điều', 'bánh phồng tôm',
    'nông cụ cơ khí', 'đồ gỗ mỹ nghệ', 'chiếu cói', 'nước mắm', 'thạch dừa',
  ],
};

/**
 * Project title templates by activity content (domain.md section 3), with their share of a national plan and
 * the usual range of support requested, in million VND. `{p}` is a product, `{place}` the province, `{year}`.
 */
// prettier-ignore
const TEMPLATES = [
  { contents: [3], weight: 30, range: [300, 1000], title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất {p} tại {place}' },
  { contents: [3], weight: 13, range: [400, 1000], title: 'Xây dựng mô hình trình diễn kỹ thuật sản xuất {p} tại {place}' },
  { contents: [1], weight: 15, range: [150, 400], title: 'Đào tạo nghề, truyền nghề sản xuất {p} cho lao động nông thôn tại {place}' },
  { contents: [4], weight: 10, range: [150, 500], title: 'Hỗ trợ xây dựng thương hiệu và phòng trưng bày sản phẩm {p} tại {place}' },
  { contents: [2, 5], weight: 7, range: [150, 600], title: 'Tư vấn áp dụng sản xuất sạch hơn cho cơ sở sản xuất {p} tại {place}' },
  { contents: [1, 3], weight: 5, range: [500, 1000], title: 'Đào tạo nghề và chuyển giao công nghệ sản xuất {p} tại {place}' },
  { contents: [4], weight: 7, range: [300, 1000], title: 'Tổ chức hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu {place} năm {year}' },
  { contents: [7], weight: 5, range: [500, 1000], title: 'Hỗ trợ xử lý ô nhiễm môi trường tại làng nghề sản xuất {p} thuộc {place}' },
  { contents: [6], weight: 8, range: [150, 300], title: 'Xây dựng chuyên mục khuyến công trên đài phát thanh và truyền hình {place}' },
];

/** "Tỉnh Sơn La" → "tỉnh Sơn La", as it reads inside a title. */
function placeName(unit) {
  return unit.fullNameVi.charAt(0).toLocaleLowerCase('vi') + unit.fullNameVi.slice(1);
}

/** `n` project drafts for one province, with distinct titles. */
function projectsFor(unit, n, year, rnd, { scale = 1 } = {}) {
  const products = PRODUCTS[unit.regionCode];
  const seen = new Set();
  const out = [];
  const totalWeight = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  while (out.length < n) {
    let w = rnd.next() * totalWeight;
    const template = TEMPLATES.find((t) => (w -= t.weight) < 0) ?? TEMPLATES[0];
    const title = template.title
      .replace('{p}', rnd.pick(products))
      .replace('{place}', placeName(unit))
      .replace('{year}', String(year));
    if (seen.has(title)) continue;
    seen.add(title);
    const [min, max] = template.range;
    out.push({
      title,
      provinceCode: unit.code,
      activityContents: template.contents,
      requestedSupportVnd: rnd.amount(Math.max(100, min * scale), Math.max(150, max * scale)),
    });
  }
  return out;
}

/** How many projects each unit gets: at least `min` each, the rest spread at random. */
function spread(units, total, min, rnd) {
  const counts = new Map(units.map((u) => [u.code, min]));
  for (let left = total - min * units.length; left > 0; left--) {
    const u = rnd.pick(units);
    counts.set(u.code, counts.get(u.code) + 1);
  }
  return counts;
}

/** Approved support for the selected projects: 80–100% of the request, scaled down to fit `limitVnd`. */
function approvals(projects, selected, limitVnd, rnd) {
  const floorStep = (v) => Math.floor(v / STEP) * STEP;
  const first = projects.map((p, i) =>
    selected(i) ? floorStep(p.requestedSupportVnd * (0.8 + 0.2 * rnd.next())) : null,
  );
  const sum = first.reduce((s, v) => s + (v ?? 0), 0);
  const factor = sum > limitVnd ? limitVnd / sum : 1;
  return first.map((v) => (v === null ? null : Math.max(STEP, floorStep(v * factor))));
}

/**
 * The whole data set.
 * @param {{ provinces2018: object[], provincesNow: object[], currentYear: number }} input provinces as the
 *   reference API lists them ({ code, nameVi, fullNameVi, regionCode }) for mid-2018 and for today
 */
export function buildDemoDataset({ provinces2018, provincesNow, currentYear }) {
  const plans = [];

  // 2018: 120 billion VND for 262 projects over the 63 units of the time; 99.6% completed → 261 approved.
  {
    const rnd = prng('kc-demo/2018/national');
    const budgetVnd = 120 * BILLION;
    const counts = spread(provinces2018, 262, 2, rnd);
    const projects = provinces2018.flatMap((u) => projectsFor(u, counts.get(u.code), 2018, rnd));
    const notApproved = rnd.int(0, projects.length - 1);
    const approved = approvals(projects, (i) => i !== notApproved, budgetVnd * 0.995, rnd);
    plans.push({
      key: 'national-2018',
      plan: { year: 2018, level: 'national', budgetVnd },
      projects: projects.map((p, i) => ({ ...p, approvedSupportVnd: approved[i] })),
    });
  }

  // This year: 150 billion VND, ~40 projects over today's units, about 60% approved so far.
  {
    const rnd = prng(`kc-demo/${currentYear}/national`);
    const budgetVnd = 150 * BILLION;
    const counts = spread(provincesNow, Math.max(40, provincesNow.length), 1, rnd);
    const projects = provincesNow.flatMap((u) => projectsFor(u, counts.get(u.code), currentYear, rnd));
    const approved = approvals(projects, () => rnd.next() < 0.6, budgetVnd, rnd);
    plans.push({
      key: `national-${currentYear}`,
      plan: { year: currentYear, level: 'national', budgetVnd },
      projects: projects.map((p, i) => ({ ...p, approvedSupportVnd: approved[i] })),
    });
  }

  // This year's local plans (KCĐP) of six units, with smaller projects.
  const localBudgets = { '01': 25, 79: 20, 40: 8, 37: 7, 48: 6, 92: 5 };
  for (const [code, billions] of Object.entries(localBudgets)) {
    const unit = provincesNow.find((u) => u.code === code);
    if (!unit) continue; // not a unit this year (the reference data decides)
    const rnd = prng(`kc-demo/${currentYear}/provincial/${code}`);
    const budgetVnd = billions * BILLION;
    const projects = projectsFor(unit, rnd.int(3, 5), currentYear, rnd, { scale: 0.6 });
    const approved = approvals(projects, () => rnd.next() < 0.5, budgetVnd, rnd);
    plans.push({
      key: `provincial-${currentYear}-${code}`,
      plan: { year: currentYear, level: 'provincial', provinceCode: code, budgetVnd },
      projects: projects.map((p, i) => ({ ...p, approvedSupportVnd: approved[i] })),
    });
  }

  const known = new Set(provincesNow.map((u) => u.code));
  return {
    plans,
    clusters: CLUSTERS.map(clusterRequest).filter((c) => known.has(c.provinceCode)),
    fairs: [northernFair(currentYear)].filter((f) => known.has(f.provinceCode)),
    awardRounds: [awardRound(currentYear)],
  };
}

// Industrial clusters (CCN) across today's units: [code, name, unit, status, total ha, leased share].
// prettier-ignore
const CLUSTERS = [
  ['CCN-37-001', 'Cụm công nghiệp Gián Khẩu', '37', 'operating', 62.5, 0.92],
  ['CCN-37-014', 'Cụm công nghiệp làng nghề Ninh Phong', '37', 'operating', 24.8, 0.71],
  ['CCN-01-021', 'Cụm công nghiệp làng nghề Phùng Xá', '01', 'operating', 38.2, 0.88],
  ['CCN-01-047', 'Cụm công nghiệp Thanh Oai', '01', 'infrastructure', 45, 0.35],
  ['CCN-24-009', 'Cụm công nghiệp làng nghề Phong Khê', '24', 'operating', 56.35, 0.95],
  ['CCN-40-012', 'Cụm công nghiệp Nghĩa Mỹ', '40', 'operating', 30, 0.64],
  ['CCN-40-031', 'Cụm công nghiệp Diễn Hồng', '40', 'detailed-plan', 50, 0],
  ['CCN-19-005', 'Cụm công nghiệp Sơn Cẩm', '19', 'operating', 70.6, 0.81],
  ['CCN-48-003', 'Cụm công nghiệp Thanh Vinh', '48', 'operating', 24.5, 1],
  ['CCN-52-018', 'Cụm công nghiệp Nhơn Tân', '52', 'established', 72, 0],
  ['CCN-79-002', 'Cụm công nghiệp Nhị Xuân', '79', 'operating', 18.7, 0.9],
  ['CCN-92-006', 'Cụm công nghiệp Thới Lai', '92', 'planned', 49.5, 0],
  ['CCN-82-004', 'Cụm công nghiệp Bình Thành', '82', 'infrastructure', 40.75, 0.22],
];

function clusterRequest([code, name, provinceCode, status, totalAreaHa, leasedShare]) {
  const hundredths = (ha) => Math.round(ha * 100);
  const leasable = Math.round(hundredths(totalAreaHa) * 0.7);
  const leased = Math.floor(leasable * leasedShare);
  const body = { code, name, provinceCode, status, totalAreaHa };
  if (status !== 'planned') body.leasableAreaHa = leasable / 100;
  if (leased > 0) body.leasedAreaHa = leased / 100;
  if (status !== 'planned' && status !== 'established') {
    body.developerName = `Công ty cổ phần đầu tư hạ tầng ${name.replace(/^Cụm công nghiệp (làng nghề )?/, '')}`;
  }
  return body;
}

/** The Northern regional fair: four days from the third Thursday of May, in Hà Nội, 270 booths. */
function northernFair(year) {
  const may1 = new Date(Date.UTC(year, 4, 1));
  const firstThursday = 1 + ((4 - may1.getUTCDay() + 7) % 7);
  const start = firstThursday + 14;
  const day = (d) => `${year}-05-${String(d).padStart(2, '0')}`;
  return {
    name: `Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc năm ${year}`,
    year,
    scale: 'regional',
    regionCode: 'north',
    provinceCode: '01',
    startDate: day(start),
    endDate: day(start + 3),
    boothCount: 270,
  };
}

/** National rounds run in odd years, regional ones in even years (domain.md section 7). */
function awardRound(year) {
  return year % 2 === 1
    ? {
        name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm ${year}`,
        year,
        level: 'national',
      }
    : {
        name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực phía Bắc năm ${year}`,
        year,
        level: 'regional',
        regionCode: 'north',
      };
}
