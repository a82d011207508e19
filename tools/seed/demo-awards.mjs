// The demo's product awards (bình chọn sản phẩm CNNT tiêu biểu), built deterministically like the rest of the data
// set. Pure: no I/O, so it can be inspected and unit-tested on its own (demo-dataset.spec.ts).
//
// Two kinds of rounds, both driven through the public API with the jurors scoring for real:
// - the past rounds the seed figures come from, run again as historic rounds by the agency from its records: the
//   three 2018 regional rounds (244 certified products: North 110, Central & Highlands 64, South 70) and the 2023
//   national round (173 from 54 of the 63 provinces of the time), each entry with the day its dossier was
//   received and the lower certificate it rests on (2017 provincial, 2022 regional: recorded from the paper
//   archive, as the rounds that issued them ran before the platform), published on the day it was announced;
// - this year's rounds: the year's own level (regional North in even years, national in odd years) in scoring
//   with giamkhao.1–9 on its jury and giamkhao.1 still owing some sheets, and Nghệ An's provincial round scored
//   and published, so its result can be re-derived and its certificates verified.
import { createHash } from 'node:crypto';
import { prng } from './demo-dataset.mjs';

/** The pass mark in tenths of a point per sheet: a jury average of at least 70 (domain.md §7). */
const PASS_TENTHS = 700;

/** The demo's juror accounts (the gateway's demo accounts) and the names they sit on councils under. */
// prettier-ignore
const JUROR_NAMES = [
  'PGS.TS. Nguyễn Thị Hồng Vân', 'TS. Trần Quốc Hùng', 'ThS. Lê Minh Tuấn', 'Nghệ nhân Phạm Văn Bình',
  'TS. Hoàng Thị Lan', 'ThS. Đặng Văn Khoa', 'KS. Vũ Thị Thu Hà', 'Nghệ nhân ưu tú Bùi Văn Sơn',
  'TS. Đỗ Thanh Tùng', 'ThS. Ngô Thị Mai', 'KS. Phan Văn Đức', 'TS. Lý Thị Hương', 'ThS. Trịnh Công Minh',
];
const member = (n) => ({ username: `giamkhao.${n}`, displayName: `${JUROR_NAMES[n - 1]} (giamkhao.${n})` });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ------------------------------------------------------------------------------------ names and tax codes

/** Per product group: [craft as a facility names it, products it makes]. */
// prettier-ignore
const CRAFTS = {
  handicraft: [
    ['gốm sứ', ['Bình gốm men rạn', 'Bộ ấm chén gốm men lam', 'Lọ hoa gốm vẽ tay']],
    ['sơn mài', ['Tranh sơn mài phong cảnh', 'Hộp sơn mài khảm trai']],
    ['mây tre đan', ['Giỏ mây đan', 'Bộ khay tre ép', 'Đèn mây tre']],
    ['thêu ren', ['Tranh thêu tay', 'Khăn trải bàn thêu ren']],
    ['dệt thổ cẩm', ['Túi thổ cẩm dệt tay', 'Khăn choàng thổ cẩm']],
    ['đồ gỗ mỹ nghệ', ['Tượng gỗ mỹ nghệ', 'Hộp gỗ khắc hoa văn']],
    ['cói', ['Thảm cói', 'Túi cói thời trang']],
    ['đá mỹ nghệ', ['Tượng đá mỹ nghệ', 'Đèn đá trang trí']],
    ['đúc đồng', ['Lư đồng chạm khắc', 'Trống đồng mỹ nghệ']],
    ['lục bình', ['Bộ giỏ lục bình', 'Thảm lục bình']],
  ],
  'agro-food': [
    ['chè', ['Chè Shan tuyết', 'Chè xanh sao sấy']],
    ['nước mắm', ['Nước mắm cá cơm truyền thống']],
    ['cà phê', ['Cà phê bột rang xay', 'Cà phê hạt rang mộc']],
    ['miến dong', ['Miến dong sạch']],
    ['kẹo dừa', ['Kẹo dừa sáp', 'Kẹo dừa lá dứa']],
    ['mật ong', ['Mật ong hoa nhãn', 'Mật ong bạc hà']],
    ['bánh tráng', ['Bánh tráng mè đen', 'Bánh tráng phơi sương']],
    ['hạt điều', ['Hạt điều rang muối']],
    ['nông sản sấy', ['Xoài sấy dẻo', 'Mít sấy giòn', 'Chuối sấy']],
    ['tinh bột', ['Tinh bột nghệ', 'Tinh bột sắn dây']],
  ],
  machinery: [
    ['cơ khí nông nghiệp', ['Máy tuốt lúa mini', 'Máy gieo hạt cầm tay', 'Máy cày xới đa năng']],
    ['cơ khí chế biến', ['Máy sấy nông sản', 'Máy bóc vỏ hạt điều bán tự động', 'Máy ép dầu lạc']],
    ['cơ khí', ['Máy xay xát gạo liên hoàn', 'Lò sấy chè tiết kiệm năng lượng']],
    ['rèn', ['Bộ dao rèn thủ công', 'Bộ nông cụ rèn']],
  ],
  other: [
    ['vật liệu xây dựng', ['Gạch không nung xi măng cốt liệu']],
    ['phân bón', ['Phân bón hữu cơ vi sinh']],
    ['tinh dầu', ['Tinh dầu tràm', 'Tinh dầu sả chanh']],
    ['hương', ['Hương trầm sạch']],
    ['xà phòng', ['Xà phòng thảo dược']],
    ['chổi', ['Chổi đót xuất khẩu']],
  ],
};
// prettier-ignore
const BRANDS = [
  'Phú Gia', 'Hưng Thịnh', 'An Phát', 'Minh Long', 'Tân Tiến', 'Thành Công', 'Hòa Thuận', 'Phúc Lộc', 'Đại Thành',
  'Hồng Phát', 'Quang Minh', 'Việt Hưng', 'Thiên Phú', 'Bảo Ngọc', 'Trường Sơn', 'Kim Long', 'Hải Đăng', 'Nam Việt',
  'Đông Á', 'Phương Nam', 'Sông Hồng', 'Tiến Đạt', 'Mai Anh', 'Hoàng Gia', 'Thanh Bình', 'Đức Thịnh', 'Vạn Phúc',
  'Ngọc Lan', 'Xuân Mai', 'Hương Quê', 'Bình An', 'Gia Khánh', 'Sao Mai', 'Tâm Đức', 'Quê Hương', 'Lộc Phát',
  'Thịnh Vượng', 'Hùng Cường', 'Phát Đạt', 'Trung Kiên', 'Hạnh Phúc', 'Thuận Thành',
];
const LEGAL_FORMS = ['Hợp tác xã', 'Công ty TNHH', 'Cơ sở sản xuất', 'Hộ kinh doanh', 'Tổ hợp tác'];
/** Product groups as they share the certified products (handicrafts and food the most). */
const GROUP_WEIGHTS = [
  ['handicraft', 40],
  ['agro-food', 40],
  ['machinery', 8],
  ['other', 12],
];

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
/** The check digit of a Vietnamese tax code's first nine digits, or null where none exists (the code is unused). */
export function taxCheckDigit(nineDigits) {
  const sum = [...nineDigits].reduce((s, d, i) => s + Number(d) * TAX_WEIGHTS[i], 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : String(check % 10);
}
/** A 10-digit tax code whose last digit checks (mã số thuế: 2-digit prefix, 7-digit serial, check digit). */
export const isValidTaxCode = (code) => /^\d{10}$/.test(code) && taxCheckDigit(code.slice(0, 9)) === code[9];

/** Valid tax codes in serial order under one prefix: each part of the data has its own, so none repeats. */
function taxCodes(prefix) {
  let serial = 0;
  return () => {
    for (;;) {
      const nine = `${prefix}${String(++serial).padStart(7, '0')}`;
      const check = taxCheckDigit(nine);
      if (check !== null) return nine + check;
    }
  };
}

/**
 * Names products and their facilities from the word lists, each product name once per `namer` (a brand per
 * craft goes to one facility only).
 */
function productNamer(rnd) {
  const totalWeight = GROUP_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const used = new Set();
  return (group = undefined) => {
    let productGroup = group;
    if (!productGroup) {
      let w = rnd.next() * totalWeight;
      productGroup = (GROUP_WEIGHTS.find(([, weight]) => (w -= weight) < 0) ?? GROUP_WEIGHTS[0])[0];
    }
    for (;;) {
      const [craft, products] = rnd.pick(CRAFTS[productGroup]);
      const brand = rnd.pick(BRANDS);
      if (used.has(`${craft}/${brand}`)) continue;
      used.add(`${craft}/${brand}`);
      return {
        productGroup,
        productName: `${rnd.pick(products)} ${brand}`,
        facilityName: `${rnd.pick(LEGAL_FORMS)} ${craft} ${brand}`,
      };
    }
  };
}

/** How many each unit gets: at least `min` each, the rest spread at random. */
function spread(units, total, min, rnd) {
  const counts = new Map(units.map((u) => [u.code, min]));
  for (let left = total - min * units.length; left > 0; left--) {
    const u = rnd.pick(units);
    counts.set(u.code, counts.get(u.code) + 1);
  }
  return counts;
}

const seq4 = (n) => String(n).padStart(4, '0');
const REGION_LETTERS = { north: 'B', central: 'T', south: 'N' };
const REGION_NAMES = { north: 'phía Bắc', central: 'miền Trung – Tây Nguyên', south: 'phía Nam' };
const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ------------------------------------------------------------------------------------ criteria, sheets and entries

/** The statutory criteria (Circular 26/2014/TT-BCT as amended), as POST /api/v1/award-rounds takes them. */
const STATUTORY_CRITERIA = [
  {
    id: 'market',
    label: {
      vi: 'Đáp ứng thị trường và khả năng phát triển sản xuất',
      en: 'Market fit and capacity to grow production',
    },
    maxTenths: 400,
    subCriteria: [],
  },
  {
    id: 'economic-technical-social-environmental',
    label: {
      vi: 'Kinh tế – kỹ thuật – xã hội và môi trường',
      en: 'Economic, technical, social and environmental',
    },
    maxTenths: 400,
    subCriteria: [],
  },
  {
    id: 'cultural-aesthetic',
    label: { vi: 'Tính văn hóa và thẩm mỹ', en: 'Cultural and aesthetic value' },
    maxTenths: 100,
    subCriteria: [],
  },
  { id: 'other', label: { vi: 'Tiêu chí khác', en: 'Other criteria' }, maxTenths: 100, subCriteria: [] },
];

/**
 * The 2023 national round's criteria: the statutory four, the two 40-point ones split into sub-criteria that the
 * jurors score one by one (a round may split them so; the maxima add up to the criterion's).
 */
const NATIONAL_2023_CRITERIA = STATUTORY_CRITERIA.map((c) => {
  const split = {
    market: [
      ['market-reach', 'Thị trường tiêu thụ và khả năng mở rộng', 'Market reach and room to grow it', 250],
      ['production-capacity', 'Năng lực sản xuất và cung ứng', 'Capacity to produce and supply', 150],
    ],
    'economic-technical-social-environmental': [
      ['economic-efficiency', 'Hiệu quả kinh tế', 'Economic efficiency', 150],
      [
        'technique-quality',
        'Kỹ thuật, công nghệ và chất lượng sản phẩm',
        'Technique, technology and product quality',
        150,
      ],
      [
        'jobs-environment',
        'Tạo việc làm và bảo vệ môi trường',
        'Jobs created and environmental protection',
        100,
      ],
    ],
  }[c.id];
  return split
    ? { ...c, subCriteria: split.map(([id, vi, en, maxTenths]) => ({ id, label: { vi, en }, maxTenths })) }
    : c;
});

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

/**
 * `tenths` (at most the maxima's sum) over parts with these maxima: shares in proportion to the maxima, a
 * little apart, each within its maximum, adding up exactly.
 */
function splitTenths(tenths, maxima, rnd) {
  const sum = maxima.reduce((s, m) => s + m, 0);
  const parts = maxima.map((m) => clamp(Math.round((tenths * m) / sum) + rnd.int(-8, 8), 0, m));
  let residual = tenths - parts.reduce((s, p) => s + p, 0);
  for (let i = 0; residual !== 0; i = (i + 1) % parts.length) {
    if (residual > 0 && parts[i] < maxima[i]) {
      parts[i]++;
      residual--;
    } else if (residual < 0 && parts[i] > 0) {
      parts[i]--;
      residual++;
    }
  }
  return parts;
}

/**
 * A juror's sheet with the total `tenths` (0–1000), in points: about a tenth each for the cultural and the other
 * criterion (at most 10 points each), the rest shared between market and the economic-technical criterion (at
 * most 40 each); a criterion the round splits is scored per sub-criterion.
 */
function sheetOf(tenths, rnd, criteria = STATUTORY_CRITERIA) {
  // Cultural and other rise with the total, and high enough that the 40-point pair can hold the rest.
  const cultural = clamp(Math.round(tenths / 10) + rnd.int(-5, 5), Math.max(0, tenths - 900), 100);
  const other = clamp(Math.round(tenths / 10) + rnd.int(-5, 5), Math.max(0, tenths - 800 - cultural), 100);
  const rest = tenths - cultural - other;
  const market = clamp(Math.ceil(rest / 2) + rnd.int(-15, 15), Math.max(0, rest - 400), Math.min(400, rest));
  const byCriterion = {
    market,
    'economic-technical-social-environmental': rest - market,
    'cultural-aesthetic': cultural,
    other,
  };
  const points = (t) => t / 10;
  return Object.fromEntries(
    criteria.map((c) => {
      if (c.subCriteria.length === 0) return [c.id, points(byCriterion[c.id])];
      const parts = splitTenths(
        byCriterion[c.id],
        c.subCriteria.map((s) => s.maxTenths),
        rnd,
      );
      return [c.id, Object.fromEntries(c.subCriteria.map((s, i) => [s.id, points(parts[i])]))];
    }),
  );
}

/**
 * Each juror's total for an entry whose jury sum is exactly `biases.length × target` tenths, so the average is
 * the target and passing is decided by design: each juror scores around the target with their own leaning
 * (`biases`, tenths, summing to about zero over the jury) and a little noise, and the difference from the
 * designed sum is shared out among them.
 */
function juryTotals(target, biases, rnd) {
  const n = biases.length;
  const totals = biases.map((b) => target + b + rnd.int(-30, 30));
  let residual = n * target - totals.reduce((s, t) => s + t, 0);
  const even = Math.trunc(residual / n);
  for (let j = 0; j < n; j++) totals[j] += even;
  residual -= even * n;
  for (let j = 0; residual !== 0; j = (j + 1) % n) {
    const d = Math.sign(residual);
    totals[j] += d;
    residual -= d;
  }
  return totals;
}

/** Each juror's leaning in one round, in tenths within ±`spread`, centred so the jury's sum to zero. */
function jurorBiases(jurors, spread, rnd) {
  const raw = jurors.map(() => rnd.int(-spread, spread));
  const mean = Math.round(raw.reduce((s, b) => s + b, 0) / raw.length);
  return raw.map((b) => b - mean);
}

/** A dossier within the service's limits: form, description, two photos, each with its content hash. */
function dossierOf(seed, rnd) {
  const sha = (what) => createHash('sha256').update(`kc-demo/${seed}/${what}`).digest('hex');
  return [
    ['registration-form', 'phieu-dang-ky.pdf', 'application/pdf', rnd.int(80, 400) * 1000],
    ['description', 'thuyet-minh-san-pham.pdf', 'application/pdf', rnd.int(300, 4000) * 1000],
    ['photo', 'anh-san-pham-1.jpg', 'image/jpeg', rnd.int(600, 4500) * 1000],
    ['photo', 'anh-san-pham-2.jpg', 'image/jpeg', rnd.int(600, 4500) * 1000],
  ].map(([kind, fileName, mediaType, sizeBytes]) => ({
    kind,
    fileName,
    mediaType,
    sizeBytes,
    sha256: sha(fileName),
  }));
}

/**
 * An entry per lower certificate (its holder's product), and its sheets from `scorers` around `targetOf(i)`.
 * `submittedOnOf`: a historic round's recorded day of receipt per certificate; `criteria`: the round's.
 */
function entriesAndSheets({
  certificates,
  scorers,
  targetOf,
  rnd,
  localUnitOf = () => undefined,
  submittedOnOf = () => undefined,
  criteria = STATUTORY_CRITERIA,
  biases = scorers.map(() => 0),
}) {
  const entries = certificates.map(({ certificate: c }) => ({
    body: {
      facility: {
        name: c.holder.facilityName,
        taxCode: c.holder.taxCode,
        provinceCode: c.holder.provinceCode,
        ...(localUnitOf(c) ? { localUnitCode: localUnitOf(c) } : {}),
      },
      productGroup: c.productGroup,
      product: { kind: 'product', name: c.productName },
      lowerCertificateNumber: c.number,
      dossier: dossierOf(c.number, rnd),
      ...(submittedOnOf(c) ? { submittedOn: submittedOnOf(c) } : {}),
    },
  }));
  const sheets = entries.flatMap((entry, i) => {
    const totals = juryTotals(targetOf(i), biases, rnd);
    return scorers.map((juror, j) => ({
      juror,
      entry: entry.body.lowerCertificateNumber,
      scores: sheetOf(totals[j], rnd, criteria),
    }));
  });
  return { entries, sheets };
}

/** Distinct sequence numbers in [from, to], in order. */
function sequences(n, from, to, rnd) {
  return rnd
    .shuffle(range(from, to))
    .slice(0, n)
    .sort((a, b) => a - b);
}

/** Shortlists: each unit puts forward its own facilities' certificates. */
function shortlistsOf(entries) {
  const byUnit = new Map();
  for (const { body } of entries) {
    const unit = body.facility.provinceCode;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), body.lowerCertificateNumber]);
  }
  return [...byUnit].map(([provinceCode, certificateNumbers]) => ({ provinceCode, certificateNumbers }));
}

// ------------------------------------------------------------------------------------ the past rounds, run again

/** An entry's designed jury average, in tenths: a pass (70 and above) or a fail. */
const passTarget = (rnd) => rnd.int(701, 880);
const failTarget = (rnd) => rnd.int(560, 698);

/** A day in [from, to], a working day of the week (a Saturday or Sunday moves back to the Friday). */
function dayWithin(from, to, rnd) {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  const day = addDays(from, rnd.int(0, span));
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const friday = weekday === 6 ? addDays(day, -1) : weekday === 0 ? addDays(day, -2) : day;
  return friday < from ? day : friday;
}

/**
 * A historic round of the agency from its records: `entrants` (per unit, how many pass and fail) each with a
 * product of a facility of that unit, the lower certificate it rests on (`lowerOf`) recorded by the agency and put
 * forward in its unit's shortlist (by the agency too: a past round is entered from its archive, and some of
 * those units no longer exist), the day its dossier was received within the entry window; the entries in the
 * order they were received, so their codes follow it; every juror's sheet.
 */
function historicRound({ key, open, announcedOn, council, entrants, lowerOf, rnd, nextTaxCode }) {
  const name = productNamer(rnd);
  const { entriesOpenOn, entriesCloseOn } = open.schedule;
  const products = entrants
    .flatMap(({ unit, passes, fails }) =>
      rnd.shuffle([...Array(passes).fill(true), ...Array(fails).fill(false)]).map((pass) => ({ unit, pass })),
    )
    .map(({ unit, pass }) => ({
      unit,
      pass,
      product: name(),
      taxCode: nextTaxCode(),
      submittedOn: dayWithin(entriesOpenOn, entriesCloseOn, rnd),
    }));
  const lowers = lowerOf(products, rnd);
  const received = products
    .map((p, i) => ({ ...p, lower: lowers[i] }))
    .sort(
      (a, b) => a.submittedOn.localeCompare(b.submittedOn) || a.lower.number.localeCompare(b.lower.number),
    );
  const certificates = received.map(({ unit, product, taxCode, lower }) => ({
    issuer: 'central',
    certificate: {
      number: lower.number,
      productGroup: product.productGroup,
      productName: product.productName,
      holder: { facilityName: product.facilityName, taxCode, provinceCode: unit.code },
      issuedOn: lower.issuedOn,
    },
  }));
  const submittedOn = new Map(received.map((p) => [p.lower.number, p.submittedOn]));
  const targets = received.map((p) => (p.pass ? passTarget(rnd) : failTarget(rnd)));
  const criteria = open.criteria ?? STATUTORY_CRITERIA;
  const { entries, sheets } = entriesAndSheets({
    certificates,
    scorers: council.jurors,
    targetOf: (i) => targets[i],
    rnd,
    submittedOnOf: (c) => submittedOn.get(c.number),
    criteria,
    biases: jurorBiases(council.jurors, 25, rnd),
  });
  return {
    key,
    target: 'published',
    authority: 'central',
    open: { ...open, historic: true },
    announcedOn,
    council,
    certificates,
    shortlists: shortlistsOf(entries),
    entries,
    sheets,
    expectedPasses: targets.filter((t) => t >= PASS_TENTHS).length,
  };
}

const CUC_SECRETARY = { username: 'cuc.canbo', displayName: 'Nguyễn Thị Thu Trang (cuc.canbo)' };

/**
 * 2018: the three regional rounds certified 244 products (domain.md §1), split by the regions' size — North 110
 * of its 28 provinces (as its 2020 round did, from 194 entries), Central & Highlands 64 of 15, South 70 of 20 —,
 * every province with at least one; about two in three entries passed. Each entry rests on its province's 2017
 * certificate; councils of nine, juries of seven, each region's its own members.
 */
// prettier-ignore
const REGIONAL_2018 = [
  { region: 'north', passes: 110, fails: 50, open: ['2018-06-01', '2018-08-31', '2018-10-12'], announcedOn: '2018-10-19', council: [1, 9], jury: [1, 7] },
  { region: 'central', passes: 64, fails: 28, open: ['2018-04-16', '2018-06-29', '2018-08-10'], announcedOn: '2018-08-17', council: [3, 11], jury: [5, 11] },
  { region: 'south', passes: 70, fails: 30, open: ['2018-05-14', '2018-07-31', '2018-09-14'], announcedOn: '2018-09-21', council: [5, 13], jury: [7, 13] },
];

function regionalRounds2018(provinces2018) {
  const rnd = prng('kc-demo/awards/historic/regional-2018');
  return REGIONAL_2018.map(({ region, passes, fails, open, announcedOn, council, jury }) => {
    const units = provinces2018.filter((u) => u.regionCode === region);
    const passing = spread(units, passes, 1, rnd);
    const failing = spread(units, fails, 0, rnd);
    const [entriesOpenOn, entriesCloseOn, scoringClosesOn] = open;
    return historicRound({
      key: `regional-2018-${region}`,
      open: {
        name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực ${REGION_NAMES[region]} năm 2018`,
        year: 2018,
        level: 'regional',
        regionCode: region,
        schedule: { entriesOpenOn, entriesCloseOn, scoringClosesOn },
      },
      announcedOn,
      council: {
        members: range(...council).map(member),
        jurors: range(...jury).map((n) => `giamkhao.${n}`),
        secretary: CUC_SECRETARY,
      },
      entrants: units.map((unit) => ({
        unit,
        passes: passing.get(unit.code),
        fails: failing.get(unit.code),
      })),
      // Each province's 2017 provincial round: one day, its certificates numbered from 1, some kept at home.
      lowerOf: (products, r) => {
        const byUnit = new Map();
        for (const p of products) byUnit.set(p.unit.code, (byUnit.get(p.unit.code) ?? 0) + 1);
        const numbered = new Map(
          [...byUnit].map(([code, n]) => [
            code,
            {
              seqs: sequences(n, 1, n + r.int(4, 20), r),
              issuedOn: `2017-${String(r.int(9, 12)).padStart(2, '0')}-${String(r.int(5, 25)).padStart(2, '0')}`,
            },
          ]),
        );
        return products.map((p) => {
          const unit = numbered.get(p.unit.code);
          return { number: `T-${p.unit.code}-2017-${seq4(unit.seqs.shift())}`, issuedOn: unit.issuedOn };
        });
      },
      rnd,
      nextTaxCode: taxCodes(`6${Object.keys(REGION_LETTERS).indexOf(region) + 1}`),
    });
  });
}

/** 2022's regional rounds, whose certificates the 2023 national entries rest on (valid to 31/12/2024). */
const REGIONAL_2022_ISSUED = { north: '2022-10-14', central: '2022-09-16', south: '2022-11-11' };
/** Provinces whose products entered in 2023 but none passed: the 54 of the result are not all who entered. */
const NATIONAL_2023_ENTERED_ONLY = 3;

/**
 * 2023: the national round certified 173 products from 54 of the 63 provinces (domain.md §7), 55 more entries
 * failing (three more provinces among them, none of whose products passed); each entry rests on its 2022
 * regional certificate. Council giamkhao.1–13, jury giamkhao.1–9; the two 40-point criteria split into
 * sub-criteria.
 */
function nationalRound2023(provinces2018) {
  const rnd = prng('kc-demo/awards/historic/national-2023');
  // The 63 units stood unchanged from 2008 to 2025: 2018's list is 2023's.
  const entered = rnd.shuffle(provinces2018).slice(0, 54 + NATIONAL_2023_ENTERED_ONLY);
  const passers = entered.slice(0, 54);
  const passing = spread(passers, 173, 1, rnd);
  const failing = spread(passers, 55 - 2 * NATIONAL_2023_ENTERED_ONLY, 0, rnd);
  const entrants = [
    ...passers.map((unit) => ({ unit, passes: passing.get(unit.code), fails: failing.get(unit.code) })),
    ...entered.slice(54).map((unit) => ({ unit, passes: 0, fails: 2 })),
  ].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  return historicRound({
    key: 'national-2023',
    open: {
      name: 'Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm 2023',
      year: 2023,
      level: 'national',
      schedule: { entriesOpenOn: '2023-06-01', entriesCloseOn: '2023-08-31', scoringClosesOn: '2023-11-10' },
      criteria: NATIONAL_2023_CRITERIA,
    },
    announcedOn: '2023-11-24',
    council: {
      members: range(1, 13).map(member),
      jurors: range(1, 9).map((n) => `giamkhao.${n}`),
      secretary: CUC_SECRETARY,
    },
    entrants,
    // Each region's 2022 round numbered its certificates from 1; not all of them went on to the nation.
    lowerOf: (products, r) => {
      const byRegion = new Map();
      for (const p of products) byRegion.set(p.unit.regionCode, (byRegion.get(p.unit.regionCode) ?? 0) + 1);
      const seqs = new Map(
        [...byRegion].map(([region, n]) => [region, r.shuffle(sequences(n, 1, Math.ceil(n * 1.5), r))]),
      );
      return products.map((p) => ({
        number: `KV-${REGION_LETTERS[p.unit.regionCode]}-2022-${seq4(seqs.get(p.unit.regionCode).shift())}`,
        issuedOn: REGIONAL_2022_ISSUED[p.unit.regionCode],
      }));
    },
    rnd,
    nextTaxCode: taxCodes('64'),
  });
}

// ------------------------------------------------------------------------------------ this year's rounds

/** Entries giamkhao.1 has still to score when the demo is loaded: what a newcomer scores. */
export const LEFT_FOR_GIAMKHAO_1 = 6;
/** Units with a product in the national round: as many as the North has units, drawn over the three regions. */
const NATIONAL_ENTRANTS = 18;

/**
 * This year's round at the year's level, in scoring: regional North in even years (a product of each northern
 * unit, citing last year's provincial certificate), national in odd years (a product of 18 units, citing last
 * year's regional certificate) — small, since every sheet is a request as its juror. Council giamkhao.1–11
 * (regional) or 1–13 (national), jury giamkhao.1–9, the agency's cuc.canbo as secretary. Lower certificates carry
 * sequences from 101: a live round of that series numbers from 1, so a number recorded here never meets one
 * issued there (a demo kept across a new year).
 */
function scoringRound(provincesNow, currentYear, today) {
  const national = currentYear % 2 === 1;
  const rnd = prng(`kc-demo/${currentYear}/awards/scoring`);
  const nextTaxCode = taxCodes('65');
  const name = productNamer(rnd);
  const lowerYear = currentYear - 1;
  const units = national
    ? rnd
        .shuffle(provincesNow)
        .slice(0, NATIONAL_ENTRANTS)
        .sort((a, b) => a.code.localeCompare(b.code))
    : provincesNow.filter((u) => u.regionCode === 'north');
  const certificates = [];
  if (national) {
    const byRegion = new Map();
    for (const u of units) byRegion.set(u.regionCode, [...(byRegion.get(u.regionCode) ?? []), u]);
    const issued = {
      north: `${lowerYear}-10-16`,
      central: `${lowerYear}-09-18`,
      south: `${lowerYear}-11-13`,
    };
    for (const [region, regionUnits] of byRegion) {
      const seqs = sequences(regionUnits.length, 101, 180, rnd);
      regionUnits.forEach((u, i) => {
        const p = name();
        certificates.push({
          issuer: 'central',
          certificate: {
            number: `KV-${REGION_LETTERS[region]}-${lowerYear}-${seq4(seqs[i])}`,
            productGroup: p.productGroup,
            productName: p.productName,
            holder: { facilityName: p.facilityName, taxCode: nextTaxCode(), provinceCode: u.code },
            issuedOn: issued[region],
          },
        });
      });
    }
  } else {
    for (const u of units) {
      const p = name();
      certificates.push({
        issuer: u.code,
        certificate: {
          number: `T-${u.code}-${lowerYear}-${seq4(rnd.int(101, 160))}`,
          productGroup: p.productGroup,
          productName: p.productName,
          holder: { facilityName: p.facilityName, taxCode: nextTaxCode(), provinceCode: u.code },
          issuedOn: `${lowerYear}-11-${String(rnd.int(5, 25)).padStart(2, '0')}`,
        },
      });
    }
  }
  const jurors = range(1, 9).map((n) => `giamkhao.${n}`);
  // About three in five reach the pass mark once every sheet is in.
  const targets = certificates.map(() => (rnd.next() < 0.6 ? rnd.int(705, 890) : rnd.int(560, 690)));
  const { entries, sheets } = entriesAndSheets({
    certificates,
    scorers: jurors,
    targetOf: (i) => targets[i],
    rnd,
    biases: jurorBiases(jurors, 15, rnd),
  });
  // giamkhao.1 has not scored the last entries yet: those sheets are the newcomer's to give.
  const left = new Set(entries.slice(-LEFT_FOR_GIAMKHAO_1).map((e) => e.body.lowerCertificateNumber));
  return {
    key: national ? `national-${currentYear}` : `regional-${currentYear}-north`,
    target: 'scoring',
    authority: 'central',
    open: {
      name: national
        ? `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm ${currentYear}`
        : `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu khu vực ${REGION_NAMES.north} năm ${currentYear}`,
      year: currentYear,
      level: national ? 'national' : 'regional',
      ...(national ? {} : { regionCode: 'north' }),
      schedule: {
        entriesOpenOn: addDays(today, -30),
        entriesCloseOn: today,
        scoringClosesOn: addDays(today, 30),
      },
    },
    council: {
      members: range(1, national ? 13 : 11).map(member),
      jurors,
      secretary: CUC_SECRETARY,
    },
    certificates,
    shortlists: shortlistsOf(entries),
    entries,
    sheets: sheets.filter((s) => !(s.juror === 'giamkhao.1' && left.has(s.entry))),
    expectedPasses: null,
  };
}

/** "Tỉnh Nghệ An" → "tỉnh Nghệ An", as it reads inside a round's name. */
const inTitle = (unit) => unit.fullNameVi.charAt(0).toLocaleLowerCase('vi') + unit.fullNameVi.slice(1);

/** Nghệ An's communes whose rounds certified last year's entrants (5-digit statistical codes). */
const NGHE_AN_COMMUNES = ['17332', '17335', '17338', '17341', '17344'];

/**
 * This year's provincial round of Nghệ An (40), run by its department (sct.40, also the council's secretary):
 * 11 products citing last year's commune certificates, council giamkhao.7–13, jury giamkhao.9–13, every sheet in,
 * closed and published — 7 pass by design, one exactly on the mark (average 70.0) and one a tenth below (69.9).
 */
function publishedRound(provincesNow, currentYear, today) {
  const ngheAn = provincesNow.find((u) => u.code === '40');
  if (!ngheAn) return null; // not a unit this year (the reference data decides)
  const rnd = prng(`kc-demo/${currentYear}/awards/provincial-40`);
  const nextTaxCode = taxCodes('66');
  const name = productNamer(rnd);
  const lowerYear = currentYear - 1;
  const certificates = range(0, 10).map((i) => {
    const commune = NGHE_AN_COMMUNES[i % NGHE_AN_COMMUNES.length];
    const p = name();
    return {
      issuer: '40',
      certificate: {
        number: `X-40-${commune}-${lowerYear}-${seq4(Math.floor(i / NGHE_AN_COMMUNES.length) + 1)}`,
        productGroup: p.productGroup,
        productName: p.productName,
        holder: { facilityName: p.facilityName, taxCode: nextTaxCode(), provinceCode: '40' },
        issuedOn: `${lowerYear}-10-${String(10 + (i % NGHE_AN_COMMUNES.length)).padStart(2, '0')}`,
      },
    };
  });
  // Averages in tenths: 6 clear passes, the two borderline entries (a pass and a fail), 3 clear fails.
  const targets = rnd.shuffle([
    ...Array.from({ length: 6 }, () => rnd.int(720, 900)),
    PASS_TENTHS,
    PASS_TENTHS - 1,
    ...Array.from({ length: 3 }, () => rnd.int(560, 690)),
  ]);
  const jurors = range(9, 13).map((n) => `giamkhao.${n}`);
  const { entries, sheets } = entriesAndSheets({
    certificates,
    scorers: jurors,
    targetOf: (i) => targets[i],
    rnd,
    localUnitOf: (c) => c.number.split('-')[2],
    biases: jurorBiases(jurors, 15, rnd),
  });
  return {
    key: `provincial-${currentYear}-40`,
    target: 'published',
    authority: '40',
    open: {
      name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu ${inTitle(ngheAn)} năm ${currentYear}`,
      year: currentYear,
      level: 'provincial',
      provinceCode: '40',
      schedule: {
        entriesOpenOn: addDays(today, -45),
        entriesCloseOn: today,
        scoringClosesOn: addDays(today, 15),
      },
    },
    council: {
      members: range(7, 13).map(member),
      jurors,
      secretary: { username: 'sct.40', displayName: 'Hồ Văn Thành (sct.40)' },
    },
    certificates,
    shortlists: shortlistsOf(entries),
    entries,
    sheets,
    expectedPasses: targets.filter((t) => t >= PASS_TENTHS).length,
  };
}

/**
 * The demo's awards.
 * @param {{ provinces2018: object[], provincesNow: object[], currentYear: number, today: string }} input the
 *   units of mid-2018 and of today as the reference API lists them, the year and day in Việt Nam
 */
export function buildAwardsDataset({ provinces2018, provincesNow, currentYear, today }) {
  return {
    historic: [...regionalRounds2018(provinces2018), nationalRound2023(provinces2018)],
    rounds: [
      scoringRound(provincesNow, currentYear, today),
      publishedRound(provincesNow, currentYear, today),
    ].filter(Boolean),
  };
}
