// The demo data set, built deterministically (seeded PRNG): the same provinces, year and day always give the
// same plans, projects with the stage each reaches and its dated steps, clusters and fairs, each left where a
// newcomer can act on it at once (a fair open for booking, next year's plans in registration and in appraisal);
// the awards have their own module (demo-awards.mjs). Pure: no I/O, so it can be inspected and unit-tested on its
// own (demo-dataset.spec.ts).

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
 * the usual range of support requested, in million VND, and the advance rule that applies (the projects
 * service's advance categories). `{p}` is a product, `{place}` the province, `{year}`.
 */
// prettier-ignore
const TEMPLATES = [
  { contents: [3], weight: 30, range: [300, 1000], advance: 'model-machinery', title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất {p} tại {place}' },
  { contents: [3], weight: 13, range: [400, 1000], advance: 'model-machinery', title: 'Xây dựng mô hình trình diễn kỹ thuật sản xuất {p} tại {place}' },
  { contents: [1], weight: 15, range: [150, 400], advance: 'training-events-media', title: 'Đào tạo nghề, truyền nghề sản xuất {p} cho lao động nông thôn tại {place}' },
  { contents: [4], weight: 10, range: [150, 500], advance: 'training-events-media', title: 'Hỗ trợ xây dựng thương hiệu và phòng trưng bày sản phẩm {p} tại {place}' },
  { contents: [2, 5], weight: 7, range: [150, 600], advance: 'training-events-media', title: 'Tư vấn áp dụng sản xuất sạch hơn cho cơ sở sản xuất {p} tại {place}' },
  { contents: [1, 3], weight: 5, range: [500, 1000], advance: 'model-machinery', title: 'Đào tạo nghề và chuyển giao công nghệ sản xuất {p} tại {place}' },
  { contents: [4], weight: 7, range: [300, 1000], advance: 'training-events-media', title: 'Tổ chức hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu {place} năm {year}' },
  { contents: [7], weight: 5, range: [500, 1000], advance: 'model-machinery', title: 'Hỗ trợ xử lý ô nhiễm môi trường tại làng nghề sản xuất {p} thuộc {place}' },
  { contents: [6], weight: 8, range: [150, 300], advance: 'training-events-media', title: 'Xây dựng chuyên mục khuyến công trên đài phát thanh và truyền hình {place}' },
];

/** "Tỉnh Sơn La" → "tỉnh Sơn La", as it reads inside a title. */
function placeName(unit) {
  return unit.fullNameVi.charAt(0).toLocaleLowerCase('vi') + unit.fullNameVi.slice(1);
}

/** `n` project drafts for one province, with distinct titles: title, contents, advance rule, a weight. */
function draftsFor(unit, n, year, rnd) {
  const products = PRODUCTS[unit.regionCode];
  const seen = new Set();
  const out = [];
  const totalWeight = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  while (out.length < n) {
    let w = rnd.next() * totalWeight;
    const template = TEMPLATES.find((t) => (w -= t.weight) < 0) ?? TEMPLATES[0];
    const product = rnd.pick(products);
    const title = template.title
      .replace('{p}', product)
      .replace('{place}', placeName(unit))
      .replace('{year}', String(year));
    if (seen.has(title)) continue;
    seen.add(title);
    const [min, max] = template.range;
    out.push({
      unit,
      title,
      product,
      activityContents: template.contents,
      advanceCategory: template.advance,
      weight: rnd.amount(min, max),
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

/**
 * Splits `totalVnd` (a multiple of STEP) over the weights in multiples of STEP, each at least `minVnd`, so the
 * parts add up to the total exactly (largest remainders, ties by position).
 */
export function splitExactly(totalVnd, weights, minVnd) {
  const steps = totalVnd / STEP;
  const minSteps = minVnd / STEP;
  if (!Number.isInteger(steps) || steps < minSteps * weights.length) {
    throw new RangeError(`cannot split ${totalVnd} VND into ${weights.length} parts of at least ${minVnd}`);
  }
  const free = steps - minSteps * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (free * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let left = free - parts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) parts[order[k][1]]++;
  return parts.map((p) => (p + minSteps) * STEP);
}

const floorStep = (v) => Math.floor(v / STEP) * STEP;
const pad = (n) => String(n).padStart(2, '0');
const monthOf = (date) => date.slice(0, 7);
const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
function monthsFrom(first, last) {
  const out = [];
  for (let m = first; m <= last; ) {
    out.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${pad(mo + 1)}`;
  }
  return out;
}
/** Share of [start, end] elapsed on `date`, in whole percent. */
function elapsed(start, end, date) {
  const span = Date.parse(end) - Date.parse(start);
  return Math.max(0, Math.min(100, Math.floor(((Date.parse(date) - Date.parse(start)) / span) * 100)));
}

/**
 * The lifecycle stages a demo project can be driven to, in order ('draft': created only; 'extended' is
 * in-progress plus an extension).
 */
export const STAGES = [
  'draft',
  'registered',
  'base-appraised',
  'submitted',
  'ministry-appraised',
  'in-plan',
  'contracted',
  'in-progress',
  'accepted',
  'liquidated',
  'settled',
];
const rank = (stage) => STAGES.indexOf(stage === 'extended' ? 'in-progress' : stage);
/** Whether a project driven to `target` passes through `stage`. */
export const reaches = (target, stage) =>
  stage === 'extended' ? target === 'extended' : rank(target) >= rank(stage);

const LEGAL_FORMS = ['household-business', 'cooperative', 'enterprise', 'cooperative-group'];

/**
 * One project: its draft (the POST /api/v1/projects body without the plan id), the stage it is driven to and
 * every dated step on the way. Money: requested ≥ appraised ≥ allocated = contract = paid = settled.
 */
function projectSpec(draft, i, { plan, taxPrefix, allocatedVnd, rnd, journey }) {
  const { unit } = draft;
  const appraisedSupportVnd = allocatedVnd + STEP * rnd.int(0, 4);
  const requestedSupportVnd = appraisedSupportVnd + STEP * rnd.int(0, 10);
  const national = plan.level === 'national';
  return {
    create: {
      title: draft.title,
      kind: 'ordinary',
      activityContents: draft.activityContents,
      implementingUnit: `Trung tâm Khuyến công ${unit.nameVi}`,
      partners: [],
      provinceCode: unit.code,
      startDate: journey.startDate,
      endDate: journey.endDate,
      kcqgVnd: national ? requestedSupportVnd : 0,
      kcdpVnd: national ? 0 : requestedSupportVnd,
      counterpartVnd: floorStep(requestedSupportVnd * (0.8 + 0.8 * rnd.next())),
      otherVnd: 0,
      procurementMode: 'selection',
      advanceCategory: draft.advanceCategory,
      beneficiaries: [
        {
          taxCode: String(taxPrefix + i).padStart(10, '0'),
          name: `Cơ sở sản xuất ${draft.product} số ${i + 1} ${unit.nameVi}`,
          legalForm: LEGAL_FORMS[i % LEGAL_FORMS.length],
        },
      ],
    },
    appraisedSupportVnd,
    allocatedVnd,
    ...journey,
  };
}

/** The dated steps of a project of plan year `year` driven to `target`, no step on or after `today`. */
function journeyOf(year, target, variant, { today, rnd, endDate = `${year}-11-30` }) {
  const startDate = `${year}-03-01`;
  const j = {
    target,
    startDate,
    endDate,
    baseAppraisedOn: `${year - 1}-06-05`,
    ministryAppraisedOn: `${year - 1}-10-20`,
    contract: null,
    reports: [],
    drawsAdvance: false,
    extension: null,
    acceptedOn: null,
    paymentOn: null,
    liquidatedOn: null,
    settledOn: null,
  };
  if (!reaches(target, 'contracted')) return j;
  const signedOn = variant === 'recent' ? addDays(today, -12) : `${year}-03-${pad(rnd.int(5, 20))}`;
  j.contract = { mode: 'contract', signedOn };
  if (!reaches(target, 'in-progress')) return j;

  // Reports up to the last month due (the 25th passed), or up to the schedule's end for finished work.
  const lastDue = today.slice(8) > '25' ? monthOf(today) : monthOf(addDays(`${monthOf(today)}-01`, -1));
  const finished = reaches(target, 'accepted');
  const last = monthOf(endDate) < lastDue ? monthOf(endDate) : lastDue;
  const months = monthsFrom(monthOf(addDays(signedOn, 20)), last);
  const kept = variant === 'silent' ? months.slice(0, Math.max(1, months.length - 3)) : months;
  let percent = 0;
  j.reports = kept.map((month, k) => {
    const onTime = elapsed(startDate, endDate, `${month}-25`) + 5;
    const wanted =
      finished && k === kept.length - 1
        ? 100
        : variant === 'behind'
          ? onTime - 35
          : target === 'extended'
            ? Math.min(60, onTime)
            : onTime;
    percent = Math.min(100, Math.max(percent, 5, Math.round(wanted / 5) * 5));
    return { month, percentDone: percent };
  });
  if (j.reports.length === 0) j.reports = [{ month: monthOf(today), percentDone: 5 }];
  // An advance once the rule allows it: training/events/media any time, models/machinery after > 70% reported.
  j.drawsAdvance = variant !== 'no-advance';
  if (target === 'extended') {
    j.extension = {
      newEndDate: `${year + 1}-06-30`,
      decidedOn: `${year}-11-20`,
      decisionNumber: `${1500 + rnd.int(0, 99)}/QĐ-BCT`,
      reason: 'Đơn vị thụ hưởng chậm lắp đặt thiết bị do nhà cung cấp giao hàng muộn',
    };
  }
  if (finished) j.acceptedOn = addDays(endDate, 10);
  if (reaches(target, 'liquidated')) {
    j.paymentOn = addDays(endDate, 20);
    j.liquidatedOn = addDays(endDate, 25);
  }
  if (reaches(target, 'settled'))
    j.settledOn = year < Number(today.slice(0, 4)) ? `${year + 1}-01-15` : addDays(endDate, 35);
  return j;
}

/** Drops the steps dated on or after `today` and lowers the target to what is left. */
function upTo(journey, today) {
  const cut = (date, stage) => date !== null && date >= today && rank(journey.target) >= rank(stage);
  if (journey.settledOn && cut(journey.settledOn, 'settled'))
    Object.assign(journey, { target: 'liquidated', settledOn: null });
  if (journey.liquidatedOn && cut(journey.liquidatedOn, 'liquidated'))
    Object.assign(journey, { target: 'accepted', liquidatedOn: null, paymentOn: null });
  if (journey.acceptedOn && cut(journey.acceptedOn, 'accepted'))
    Object.assign(journey, { target: 'in-progress', acceptedOn: null });
  if (journey.contract && journey.contract.signedOn >= today)
    Object.assign(journey, { target: 'in-plan', contract: null, reports: [] });
  return journey;
}

/** Stage slots of this year's national plan: every stage, and the troubles a watchlist should show. */
// prettier-ignore
const CURRENT_SLOTS = [
  ['registered', 3], ['base-appraised', 3], ['submitted', 2], ['ministry-appraised', 2], ['in-plan', 4],
  ['contracted/recent', 3], ['in-progress/on-track', 6], ['in-progress/behind', 5], ['in-progress/silent', 4],
  ['in-progress/no-advance', 2], ['accepted', 2], ['liquidated', 2], ['settled', 2],
].flatMap(([slot, n]) => Array(n).fill(slot));

/**
 * The whole data set.
 * @param {{ provinces2018: object[], provincesNow: object[], currentYear: number, today: string }} input
 *   provinces as the reference API lists them ({ code, nameVi, fullNameVi, regionCode }) for mid-2018 and for
 *   today, and today's date in Việt Nam (YYYY-MM-DD): no step of the current year is dated on or after it
 */
export function buildDemoDataset({ provinces2018, provincesNow, currentYear, today }) {
  const plans = [];

  // 2018: 120 billion VND allocated in full to 262 projects over the 63 units of the time; 261 completed
  // (accepted, liquidated or settled: 99.6%), one extended into 2019.
  {
    const rnd = prng('kc-demo/2018/national');
    const budgetVnd = 120 * BILLION;
    const counts = spread(provinces2018, 262, 2, rnd);
    const drafts = provinces2018.flatMap((u) => draftsFor(u, counts.get(u.code), 2018, rnd));
    const allocations = splitExactly(
      budgetVnd,
      drafts.map((d) => d.weight),
      100 * MILLION,
    );
    const extended = rnd.int(0, drafts.length - 1);
    const plan = { year: 2018, level: 'national', budgetVnd, registrationDeadline: '2017-06-20' };
    const projects = drafts.map((draft, i) => {
      const target =
        i === extended ? 'extended' : i % 40 === 7 ? 'liquidated' : i % 97 === 3 ? 'accepted' : 'settled';
      const journey = journeyOf(2018, target, 'on-track', {
        today,
        rnd,
        endDate: `2018-${rnd.pick(['10-31', '11-15', '11-30'])}`,
      });
      return projectSpec(draft, i, {
        plan,
        taxPrefix: 4_810_000_000,
        allocatedVnd: allocations[i],
        rnd,
        journey,
      });
    });
    plans.push({
      key: 'national-2018',
      plan,
      owner: 'central',
      decision: { number: '4588/QĐ-BCT', signedOn: '2017-12-29' },
      projects,
    });
  }

  // This year: 150 billion VND, ~40 projects over today's units, spread over every stage.
  {
    const rnd = prng(`kc-demo/${currentYear}/national`);
    const budgetVnd = 150 * BILLION;
    const total = Math.max(CURRENT_SLOTS.length, provincesNow.length);
    const counts = spread(provincesNow, total, 1, rnd);
    const drafts = provincesNow.flatMap((u) => draftsFor(u, counts.get(u.code), currentYear, rnd));
    const slots = rnd.shuffle([
      ...CURRENT_SLOTS,
      ...Array(total - CURRENT_SLOTS.length).fill('in-progress/on-track'),
    ]);
    const plan = {
      year: currentYear,
      level: 'national',
      budgetVnd,
      registrationDeadline: `${currentYear - 1}-06-20`,
    };
    const projects = drafts.map((draft, i) => {
      const [target, variant = 'on-track'] = slots[i].split('/');
      const finished = reaches(target, 'accepted');
      const journey = upTo(
        journeyOf(currentYear, target, variant, {
          today,
          rnd,
          endDate: finished ? `${currentYear}-08-31` : undefined,
        }),
        today,
      );
      const allocatedVnd = rnd.amount(300, 1000);
      return projectSpec(draft, i, { plan, taxPrefix: 4_820_000_000, allocatedVnd, rnd, journey });
    });
    plans.push({
      key: `national-${currentYear}`,
      plan,
      owner: 'central',
      decision: { number: `${4200 + (currentYear % 100)}/QĐ-BCT`, signedOn: `${currentYear - 1}-12-28` },
      projects,
    });
  }

  // This year's local plans (KCĐP) of six units, run by their own departments, with smaller projects.
  const localBudgets = { '01': 25, 79: 20, 40: 8, 37: 7, 48: 6, 92: 5 };
  const LOCAL_SLOTS = ['in-progress/behind', 'settled', 'in-plan', 'in-progress/on-track', 'registered'];
  Object.entries(localBudgets).forEach(([code, billions], k) => {
    const unit = provincesNow.find((u) => u.code === code);
    if (!unit) return; // not a unit this year (the reference data decides)
    const rnd = prng(`kc-demo/${currentYear}/provincial/${code}`);
    const plan = {
      year: currentYear,
      level: 'provincial',
      provinceCode: code,
      budgetVnd: billions * BILLION,
      registrationDeadline: `${currentYear - 1}-09-30`,
    };
    const drafts = draftsFor(unit, rnd.int(3, 5), currentYear, rnd);
    const projects = drafts.map((draft, i) => {
      const [target, variant = 'on-track'] = LOCAL_SLOTS[i % LOCAL_SLOTS.length].split('/');
      const finished = reaches(target, 'accepted');
      const journey = upTo(
        journeyOf(currentYear, target, variant, {
          today,
          rnd,
          endDate: finished ? `${currentYear}-08-31` : undefined,
        }),
        today,
      );
      const allocatedVnd = rnd.amount(100, 500);
      return projectSpec(draft, i, { plan, taxPrefix: 4_830_000_000 + k * 1000, allocatedVnd, rnd, journey });
    });
    plans.push({
      key: `provincial-${currentYear}-${code}`,
      plan,
      owner: code,
      decision: { number: `${120 + k}/QĐ-UBND`, signedOn: `${currentYear - 1}-12-20` },
      projects,
    });
  });

  plans.push(...nextYearPlans(provincesNow, currentYear, today));

  const known = new Set(provincesNow.map((u) => u.code));
  const bookable = northernFair(bookableFairYear(currentYear, today));
  const fairs = [northernFair(currentYear), bookable].filter(
    (f, i, all) => known.has(f.provinceCode) && all.findIndex((g) => g.name === f.name) === i,
  );
  return {
    plans,
    clusters: CLUSTERS.filter((c) => known.has(c[2])).map((c) =>
      clusterRequest(
        c,
        provincesNow.find((u) => u.code === c[2]),
      ),
    ),
    fairs,
    bookableFair: known.has(bookable.provinceCode)
      ? { name: bookable.name, window: registrationWindow(bookable, today) }
      : null,
  };
}

/** The earlier of two ISO dates. */
const earlier = (a, b) => (b < a ? b : a);

/**
 * Next year's plans as they stand today. The national plan: its registration closed on 20 June (the provinces'
 * reports are in, on time) and the agency's ministry-level appraisal under way, no assignment decision yet —
 * before 20 June, the reports are still coming in. Hà Nội's own (KCĐP) plan, whose registration runs to the end
 * of this year: a draft, a registered project and two base-appraised ones the department has not reported yet.
 */
function nextYearPlans(provincesNow, currentYear, today) {
  const year = currentYear + 1;
  const plans = [];
  // Steps before today only; next year's appraisals come after this year's own.
  const dated = (journey) => ({
    ...journey,
    baseAppraisedOn: earlier(journey.baseAppraisedOn, addDays(today, -14)),
    ministryAppraisedOn: earlier(journey.ministryAppraisedOn, addDays(today, -1)),
  });
  {
    const rnd = prng(`kc-demo/${year}/national-next`);
    const registrationDeadline = `${currentYear}-06-20`;
    const appraising = today > registrationDeadline;
    const units = rnd.shuffle(provincesNow).slice(0, 5);
    const drafts = units.flatMap((u) => draftsFor(u, 2, year, rnd));
    // Each unit's first project reported; the second appraised by the agency too once registration closed.
    const slots = units.flatMap(() => ['submitted', appraising ? 'ministry-appraised' : 'base-appraised']);
    const plan = { year, level: 'national', budgetVnd: 160 * BILLION, registrationDeadline };
    const projects = drafts.map((draft, i) =>
      projectSpec(draft, i, {
        plan,
        taxPrefix: 4_840_000_000,
        allocatedVnd: rnd.amount(300, 1000),
        rnd,
        journey: dated(journeyOf(year, slots[i], 'on-track', { today, rnd })),
      }),
    );
    plans.push({ key: `national-${year}`, plan, owner: 'central', decision: null, projects });
  }
  const hanoi = provincesNow.find((u) => u.code === '01');
  if (hanoi) {
    const rnd = prng(`kc-demo/${year}/provincial/01`);
    const plan = {
      year,
      level: 'provincial',
      provinceCode: '01',
      budgetVnd: 26 * BILLION,
      registrationDeadline: `${currentYear}-12-31`,
    };
    const targets = ['draft', 'registered', 'base-appraised', 'base-appraised'];
    const projects = draftsFor(hanoi, targets.length, year, rnd).map((draft, i) =>
      projectSpec(draft, i, {
        plan,
        taxPrefix: 4_850_000_000,
        allocatedVnd: rnd.amount(100, 500),
        rnd,
        journey: dated(journeyOf(year, targets[i], 'on-track', { today, rnd })),
      }),
    );
    plans.push({ key: `provincial-${year}-01`, plan, owner: '01', decision: null, projects });
  }
  return plans;
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

/**
 * The body of POST /api/v1/clusters for a hand-written cluster: past the list, with the decision of the unit's
 * People's Committee that established it and its developer (chosen under the procedure before Decree 32/2024),
 * industrial land 78 % and leasable land 70 % of the total, investment and works by its stage.
 */
function clusterRequest([code, name, provinceCode, status, totalAreaHa, leasedShare], unit) {
  const rnd = prng(`kc-demo/cluster/${code}`);
  const hundredths = (ha) => Math.round(ha * 100);
  const industrial = Math.round(hundredths(totalAreaHa) * 0.78);
  const leasable = Math.round(hundredths(totalAreaHa) * 0.7);
  const leased = Math.floor(leasable * leasedShare);
  const listedYear = rnd.int(2010, 2016);
  const body = {
    code,
    name,
    provinceCode,
    status,
    provincialList: {
      decisionNumber: `${rnd.int(100, 3999)}/QĐ-UBND`,
      date: `${listedYear}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`,
    },
    totalAreaHa,
  };
  if (status === 'planned') return body;
  const issuer = unit
    ? unit.fullNameVi.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ')
    : 'tỉnh';
  body.establishment = {
    number: `${rnd.int(100, 3999)}/QĐ-UBND`,
    date: `${listedYear + rnd.int(1, 6)}-0${rnd.int(1, 9)}-2${rnd.int(0, 8)}`,
    authority: 'provincial-peoples-committee',
    issuedBy: `UBND ${issuer}`,
  };
  const built = status !== 'established';
  if (built) body.industrialAreaHa = industrial / 100;
  if (status !== 'established') body.leasableAreaHa = leasable / 100;
  if (leased > 0) body.leasedAreaHa = leased / 100;
  body.developer = {
    kind: 'enterprise',
    name: `Công ty cổ phần đầu tư hạ tầng ${name.replace(/^Cụm công nghiệp (làng nghề )?/, '')}`,
    taxCode: `${provinceCode}0${rnd.int(1_000_000, 9_999_999)}`,
    selection: 'earlier-procedure',
  };
  const registeredVnd = Math.round(totalAreaHa * rnd.int(6, 12)) * BILLION;
  body.investment = {
    registeredVnd,
    realisedVnd:
      status === 'operating' ? Math.floor(registeredVnd * 0.8) : built ? Math.floor(registeredVnd * 0.3) : 0,
  };
  const works =
    { 'detailed-plan': 'planned', infrastructure: 'under-construction', operating: 'in-use' }[status] ??
    'none';
  body.infrastructure = {
    roads: works,
    power: works,
    water: works,
    drainage: works,
    wastewaterPlant:
      status === 'operating'
        ? { status: 'in-use', capacityM3PerDay: rnd.int(4, 15) * 100 }
        : status === 'infrastructure'
          ? { status: 'under-construction', capacityM3PerDay: rnd.int(3, 10) * 100 }
          : null,
  };
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

/** Booking runs until a week before the fair, so the fair a newcomer books is one at least three weeks ahead. */
const BOOKING_LEAD_DAYS = 21;

/** This year's Northern regional fair while there is time to book it, else next year's. */
function bookableFairYear(currentYear, today) {
  return northernFair(currentYear).startDate >= addDays(today, BOOKING_LEAD_DAYS)
    ? currentYear
    : currentYear + 1;
}

/**
 * The booking window of the demo's bookable fair, open on `today` in Việt Nam whenever the demo is loaded: from
 * that day's start to 30 days later, or to a week before the fair if that comes first.
 */
function registrationWindow(fair, today) {
  const closes = earlier(addDays(today, 30), addDays(fair.startDate, -7));
  return {
    opensAt: `${today}T00:00:00+07:00`,
    closesAt: `${closes}T00:00:00+07:00`,
    holdMinutes: 30,
    facilityBoothLimit: 2,
  };
}

/**
 * The fair's booth inventory for its floor plan: hall A (150 booths) and hall B (120), rows of 15 standard 3×3 m
 * booths back to back with 3 m aisles, the ends of each row corner booths at a higher rent.
 */
export function fairBooths() {
  const halls = [
    { hall: 'A', rows: 10 },
    { hall: 'B', rows: 8 },
  ];
  const perRow = 15;
  return halls.flatMap(({ hall, rows }) =>
    Array.from({ length: rows * perRow }, (_, i) => {
      const row = Math.floor(i / perRow);
      const col = i % perRow;
      const corner = col === 0 || col === perRow - 1;
      return {
        code: `${hall}-${String(i + 1).padStart(3, '0')}`,
        hall: `Nhà ${hall}`,
        zone: `Dãy ${row + 1}`,
        kind: corner ? 'corner' : 'standard',
        rentVnd: corner ? 13_500_000 : 12_000_000,
        // Rows go in pairs back to back; a 3 m aisle after each pair.
        layout: { x: 3 * col, y: 3 * row + 3 * Math.floor(row / 2), w: 3, h: 3 },
      };
    }),
  );
}
