// The provinces' periodic reports of the demo (issue 16): the department's quarterly report of the last four
// quarters for every unit, recorded as history (POST /api/v1/periodic-reports/history-imports) with the instants
// they were really sent and reviewed — live submission would take the server's receipt time. Mostly on time,
// some late, one returned and corrected, a few still awaiting review, one unit missing in the latest quarter
// (the completeness panel shows it overdue). Pure: built from today's units and today's date.
import { createHash } from 'node:crypto';

export const FORM_ID = 'sct-khuyen-cong-quy';
export const HISTORY_PATH = '/api/v1/periodic-reports/history-imports';

/** The 34 units are in force from 01/07/2025: quarters before that had 63 reporting units. */
const FIRST_34_UNIT_QUARTER_END = '2025-09-30';
/** A quarter is recorded once its last review (at most this many days after its named deadline) is past. */
const SETTLED_AFTER_DAYS = 30;

const AGENCY_REVIEWER = 'Phòng Kế hoạch – Tài chính, Cục Công Thương địa phương';

const addDays = (isoDate, days) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** An instant on a Vietnamese calendar day at a Vietnamese wall-clock time. */
const vietnamInstant = (isoDate, hhmm) => `${isoDate}T${hhmm}:00+07:00`;
const pad = (n) => String(n).padStart(2, '0');
/** A small stable number from a text: spreads the units over the cases without a random generator. */
const spread = (text, modulo) => createHash('sha256').update(text).digest().readUInt32BE(0) % modulo;

/** 2026-Q1 → { id, year, quarter, end: '2026-03-31', namedDeadline: '2026-04-15' } (the form's rule before moving). */
function quarterOf(year, quarter) {
  const endMonth = quarter * 3;
  const end = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(year, endMonth, 15)).toISOString().slice(0, 10);
  return { id: `${year}-Q${quarter}`, year, quarter, end, namedDeadline: next };
}

/**
 * The last four quarters before `today` whose reports are settled (every recorded step in the past), and in which
 * the 34 units report; oldest first.
 * @param {string} today YYYY-MM-DD in Việt Nam
 */
export function lastFourQuarters(today) {
  const quarters = [];
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  while (quarters.length < 4) {
    const q = quarterOf(year, quarter);
    if (q.end < FIRST_34_UNIT_QUARTER_END) break;
    if (addDays(q.namedDeadline, SETTLED_AFTER_DAYS) < today) quarters.unshift(q);
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return quarters;
}

/**
 * What each unit enters for the cells the platform does not know (it keeps the platform's figure in every other
 * cell, as a pre-filled draft does): year-to-date counts, growing through the year.
 */
function enteredFigures(code, quarter) {
  const size = 1 + spread(`size:${code}`, 5); // 1–5: a small to a large programme
  return {
    demonstrationModels: size * quarter,
    facilitiesGivenMachinery: size * quarter + spread(`machinery:${code}`, 3),
    trainees: (60 + 25 * size) * quarter,
    brands: Math.floor((size * quarter) / 3),
  };
}

function signedScan(code, period, version) {
  return {
    slot: 'signedReport',
    fileName: `bao-cao-khuyen-cong-${period}-${code}${version > 1 ? `-lan-${version}` : ''}.pdf`,
    mediaType: 'application/pdf',
    bytes: 150_000 + spread(`bytes:${code}:${period}:${version}`, 250_000),
    // The scan's SHA-256 as the department's archive would give it; the demo has no file, only its fingerprint.
    sha256: createHash('sha256').update(`demo scan ${code} ${period} v${version}`).digest('hex'),
  };
}

/**
 * The demo's quarterly reports.
 * @param {{ provincesNow: { code: string, nameVi: string }[], today: string }} input the units in force today
 *   and today in Việt Nam
 * @returns {import('./demo-periodic-reports.d.mts').DemoPeriodicReports}
 */
export function buildPeriodicReportDemo({ provincesNow, today }) {
  const units = [...provincesNow].sort((a, b) => a.code.localeCompare(b.code));
  const quarters = lastFourQuarters(today);
  const latest = quarters.at(-1);
  // The named cases, by position among the units (stable whatever their codes): one missing and one returned
  // in the latest quarter, three awaiting the agency's review there.
  const missing = units[Math.min(20, units.length - 1)]?.code ?? null;
  const returned = units[Math.min(5, units.length - 1)]?.code ?? null;
  const awaiting = new Set([9, 14, 27].flatMap((i) => (units[i] ? [units[i].code] : [])));
  const records = [];
  const late = [];
  for (const [qi, q] of quarters.entries()) {
    const isLatest = q === latest;
    // Four units late each quarter, not the same ones every time.
    const lateCodes = new Set(
      [0, 1, 2, 3].map((k) => units[(qi * 7 + k * 9 + 2) % units.length].code).filter((c) => c !== returned),
    );
    for (const unit of units) {
      const { code } = unit;
      if (isLatest && code === missing) continue;
      const submitter = `Phòng Quản lý Công nghiệp, Sở Công Thương ${unit.nameVi}`;
      const base = {
        values: enteredFigures(code, q.quarter),
        narratives: {
          results: `Triển khai các đề án khuyến công theo kế hoạch năm ${q.year}; kết quả lũy kế đến hết quý ${q.quarter}.`,
          difficulties:
            spread(`difficulty:${code}:${q.id}`, 2) === 0
              ? 'Giải ngân kinh phí khuyến công địa phương còn chậm do thủ tục thanh toán.'
              : 'Một số cơ sở chậm đối ứng vốn mua sắm máy móc thiết bị.',
        },
      };
      // A couple of units report booths the province itself funded: a figure different from the platform's
      // (which counts only the programme's support), explained as the form requires.
      if (spread(`booths:${code}`, 12) === 0) {
        base.values = { ...base.values, boothsSupported: 2 + q.quarter };
        base.explanations = {
          boothsSupported:
            'Tính cả gian hàng do ngân sách tỉnh hỗ trợ tại hội chợ của tỉnh, ngoài kinh phí khuyến công.',
        };
      }
      const hour = `${pad(8 + spread(`hour:${code}:${q.id}`, 8))}:${pad(spread(`min:${code}:${q.id}`, 60))}`;
      if (isLatest && code === returned) {
        const first = addDays(q.namedDeadline, -2);
        records.push({
          formId: FORM_ID,
          period: q.id,
          provinceCode: code,
          versions: [
            {
              ...base,
              values: { ...base.values, trainees: base.values.trainees - 45 },
              attachments: [signedScan(code, q.id, 1)],
              submittedAt: vietnamInstant(first, hour),
              submittedBy: submitter,
              review: {
                outcome: 'returned',
                at: vietnamInstant(addDays(q.namedDeadline, 3), '09:30'),
                by: AGENCY_REVIEWER,
                reason: 'Số học viên chưa gồm lớp tập huấn cuối quý; đề nghị bổ sung và gửi lại.',
              },
            },
            {
              ...base,
              attachments: [signedScan(code, q.id, 2)],
              submittedAt: vietnamInstant(addDays(q.namedDeadline, 6), '14:00'),
              submittedBy: submitter,
              review: {
                outcome: 'approved',
                at: vietnamInstant(addDays(q.namedDeadline, 10), '10:00'),
                by: AGENCY_REVIEWER,
              },
            },
          ],
        });
        continue;
      }
      const isLate = lateCodes.has(code);
      // On time: in the ten days up to the named 15th (a deadline moved past days off only gives more time).
      // Late: 12 to 19 days after it, past any move.
      const day = isLate
        ? addDays(q.namedDeadline, 12 + spread(`late:${code}:${q.id}`, 8))
        : addDays(q.namedDeadline, -spread(`early:${code}:${q.id}`, 10));
      if (isLate) late.push({ period: q.id, provinceCode: code, submittedOn: day });
      const reviewed = !(isLatest && awaiting.has(code));
      records.push({
        formId: FORM_ID,
        period: q.id,
        provinceCode: code,
        versions: [
          {
            ...base,
            attachments: [signedScan(code, q.id, 1)],
            submittedAt: vietnamInstant(day, hour),
            submittedBy: submitter,
            ...(reviewed
              ? {
                  review: {
                    outcome: 'approved',
                    at: vietnamInstant(
                      addDays(isLate ? day : q.namedDeadline, 3 + spread(`review:${code}`, 5)),
                      '15:00',
                    ),
                    by: AGENCY_REVIEWER,
                  },
                }
              : {}),
          },
        ],
      });
    }
  }
  return {
    formId: FORM_ID,
    quarters: quarters.map((q) => q.id),
    latest: latest?.id ?? null,
    missing: latest ? missing : null,
    returned: latest ? returned : null,
    awaiting: latest ? [...awaiting] : [],
    late,
    records,
  };
}

/**
 * Records the demo's reports through the history import, one quarter per request (34 records), as the agency.
 * Idempotent: a re-run finds them (`existing`); a record the platform holds differently is kept as it is and
 * named in the log.
 * @param {{ central: { post: (path: string, body: unknown) => Promise<any> }, log: (line: string) => void }} ctx
 * @param {import('./demo-periodic-reports.d.mts').DemoPeriodicReports} demo
 */
export async function loadPeriodicReports({ central, log }, demo) {
  const counts = { created: 0, existing: 0, conflicts: 0 };
  for (const period of demo.quarters) {
    const records = demo.records.filter((r) => r.period === period);
    const view = await central.post(HISTORY_PATH, { records });
    counts.created += view.created.length;
    counts.existing += view.existing.length;
    const conflicts = view.refused.filter((r) => r.rule === 'periodic-report.history-conflict');
    const refused = view.refused.filter((r) => r.rule !== 'periodic-report.history-conflict');
    if (refused.length > 0)
      throw new Error(
        `${HISTORY_PATH} refused ${refused.length} records, e.g. ${JSON.stringify(refused[0])}`,
      );
    for (const c of conflicts) {
      counts.conflicts++;
      log(`periodic report ${c.formId} ${c.period} of unit ${c.provinceCode} kept as the platform holds it`);
    }
  }
  return counts;
}
