// What the demo data leaves ready to try, and for whom: the lines the loader prints at its end (and the
// README's "Demo data" section follows). Pure: the data set and the records as the services list them.
import { reaches } from './demo-dataset.mjs';

const DEMO_FACILITY = '0101234567'; // dn.demo's facility (the gateway's demo accounts), in Hà Nội (01)

/** "2027-01-05T17:00:00.000Z" → "06/01/2027 00:00" in Việt Nam. */
function vietnamTime(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

const vietnamDate = (isoDate) => isoDate.split('-').reverse().join('/');

/** "1 draft, 2 base-appraised" — how many of the plan's projects the data set leaves at each stage. */
function stagesOf(entry) {
  const counts = new Map();
  for (const p of entry.projects) counts.set(p.target, (counts.get(p.target) ?? 0) + 1);
  return [...counts].map(([stage, n]) => `${n} ${stage}`).join(', ');
}

/** "giamkhao.1–9" for consecutive juror accounts, else the names listed. */
function accountsNamed(usernames) {
  const numbers = usernames.map((u) => Number(u.split('.')[1]));
  const consecutive = numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  return consecutive && numbers.length > 2
    ? `giamkhao.${numbers[0]}–${numbers.at(-1)}`
    : usernames.join(', ');
}

/** What the jurors of a round in scoring still owe: "giamkhao.1 has 12 of the 36 entries to score, …". */
function owedSheets(round) {
  const owed = Object.entries(round.owed);
  if (owed.length === 0) return 'every sheet is in';
  const others = owed.length < round.jurors.length ? ', the other jurors none' : '';
  return `${owed.map(([juror, n]) => `${juror} has ${n} of the ${round.entries} entries to score`).join(', ')}${others}`;
}

const PERIOD_WORDS = { 'six-monthly': 'first half of', annual: 'year' };

/**
 * The clusters' lines: the returned-and-corrected report, the reports awaiting a department's approval, the
 * inspection with an action past its day, the petitions, and where the northern registry and the period's
 * national picture are.
 */
function clusterLines(row, { demo, reports, petitions = [], inspection }) {
  const latest = demo.periods.at(-1);
  if (!latest) return;
  const query = `periodKind=${latest.kind}&year=${latest.year}`;
  const label = `${PERIOD_WORDS[latest.kind]} ${latest.year}`;
  const idOf = (code) => reports?.reportIds?.get(`${code}/${latest.kind}-${latest.year}`) ?? '{id}';
  const latestRecords = demo.reports
    .flatMap((u) => u.records)
    .filter((r) => r.period.kind === latest.kind && r.period.year === latest.year);
  const returned = latestRecords.find((r) => r.versions.length > 1);
  if (returned) {
    const unit = returned.clusterCode.split('-')[1];
    row(
      `sct.${unit}`,
      `cluster ${returned.clusterCode}: its report for the ${label} was returned (reason recorded) and corrected;`,
      `both versions kept, lateness from the first: GET /api/v1/cluster-reports/${idOf(returned.clusterCode)};`,
      `the unit's clusters for the period (late, overdue): GET /api/v1/cluster-reports?provinceCode=${unit}&${query}`,
    );
  }
  const waiting = latestRecords.filter((r) => !r.versions.at(-1).review);
  if (waiting.length > 0) {
    const unit = waiting[0].clusterCode.split('-')[1];
    row(
      `sct.${unit}`,
      `${waiting.length} reports for the ${label} await your approval: ${waiting.map((r) => r.clusterCode).join(', ')};`,
      `POST /api/v1/cluster-reports/${idOf(waiting[0].clusterCode)}/approve (or …/return {"reason": "…"});`,
      `the approved figures summed: GET /api/v1/cluster-report-rollups?provinceCode=${unit}&${query}`,
    );
  }
  if (inspection) {
    const overdue = inspection.inspection.actions.find((a) => !a.completedOn);
    row(
      `sct.${inspection.provinceCode}`,
      `inspection of ${inspection.clusterCode}: GET /api/v1/cluster-inspections/${inspection.id} (one action done,`,
      `one past its day); record it done: POST /api/v1/cluster-inspections/${inspection.id}/actions/${overdue?.id ?? '{actionId}'}/complete`,
    );
  }
  const open = petitions.find((p) => p.key === 'open');
  const answered = petitions.find((p) => p.key === 'answered');
  row(
    'cuc.admin',
    `clusters: 718 on the provincial lists of the 14 northern units (28,997.5 ha, 396 established):`,
    `GET /api/v1/clusters?provinceCode=25; the ${label} nationwide: GET /api/v1/cluster-report-database?${query}`,
    ...(open
      ? [
          `petition of unit ${open.provinceCode} waiting for an answer by ${vietnamDate(open.petition.responseDueOn)}:`,
          `POST /api/v1/cluster-petitions/${open.id}/start, then PUT /api/v1/cluster-petitions/${open.id}/answer`,
        ]
      : []),
    ...(answered ? [`answered: GET /api/v1/cluster-petitions/${answered.id}`] : []),
  );
}

/**
 * @param {{ data: object, currentYear: number, planIds: Record<string, string>,
 *   fairs: { id: string, name: string }[], bookableFair: { id: string, name: string, registrationClosesAt: string,
 *   holdMinutes: number } | null, awards: { past: object[], rounds: object[] } }} loaded `awards`: what the
 *   awards loader found or left (demo-awards-loader.mjs); `clusters`: the clusters' data set (demo-clusters.mjs)
 *   and what its loader recorded or found (demo-clusters-loader.mjs)
 * @returns {string[]} one line per account, continued lines indented
 */
export function demoGuide({
  data,
  currentYear,
  planIds,
  fairs,
  bookableFair,
  awards,
  clusters,
  periodicReports,
}) {
  const lines = ['Ready to try (log in as the account, then):'];
  const row = (who, first, ...more) => {
    lines.push(`  ${who.padEnd(13)} ${first}`);
    for (const line of more) lines.push(`  ${''.padEnd(13)} ${line}`);
  };
  if (bookableFair) {
    const path = `/api/v1/fairs/${bookableFair.id}/registrations`;
    row(
      'dn.demo',
      `book a booth at "${bookableFair.name}", open until ${vietnamTime(bookableFair.registrationClosesAt)}:`,
      `POST ${path} (Idempotency-Key; facility ${DEMO_FACILITY}, provinceCode 01),`,
      `then POST ${path}/{rid}/confirm within ${bookableFair.holdMinutes} minutes`,
    );
  }
  row(
    'btc.hoicho',
    `organiser of ${fairs.map((f) => `"${f.name}"`).join(' and ')}:`,
    `who holds which booth: GET /api/v1/fairs/{id}/floor-plan.svg; check-in on the fair's days`,
  );
  const scoring = awards.rounds.find((r) => r.state === 'scoring');
  if (scoring) {
    const path = `/api/v1/award-rounds/${scoring.id}`;
    row(
      accountsNamed(scoring.jurors),
      `jury of "${scoring.name}", scoring until ${vietnamDate(scoring.scoringClosesOn)}: ${owedSheets(scoring)};`,
      `my entries and my own sheets: GET ${path}/assignments; score one: PUT ${path}/entries/{entryId}/sheet`,
      '{"scores": {"market": 35, "economic-technical-social-environmental": 33.5, "cultural-aesthetic": 8, "other": 7}}',
      '(points with at most one decimal, at most 40, 40, 10 and 10; a sheet can be changed until the round closes)',
    );
    row(
      scoring.secretary,
      `secretary of that council: sheets done per juror, GET ${path}/progress; once all are in, the agency`,
      `closes and publishes it: POST ${path}/close, then POST ${path}/publish`,
    );
  }
  for (const round of awards.rounds.filter((r) => r.state === 'published')) {
    const path = `/api/v1/award-rounds/${round.id}`;
    const [first] = round.certificates;
    row(
      round.secretary,
      `"${round.name}" published: ${round.passed} of ${round.entries} entries passed, certificates`,
      `${first} … ${round.certificates.at(-1)}: GET /api/v1/award-certificates?roundId=${round.id};`,
      `anyone, without logging in: GET ${path}/result, re-derived: GET ${path}/result/verification,`,
      `a certificate: GET /api/v1/award-certificates/${first}/verification`,
    );
  }
  for (const entry of data.plans.filter((e) => e.plan.year > currentYear)) {
    const { plan } = entry;
    const id = planIds[entry.key];
    const deadline = vietnamDate(plan.registrationDeadline);
    if (entry.owner !== 'central') {
      row(
        `sct.${entry.owner}`,
        `plan ${plan.year} of unit ${entry.owner} (${id}), registration open until ${deadline}: ${stagesOf(entry)}`,
        `register, appraise, then report them: POST /api/v1/plans/${id}/registrations`,
      );
    } else if (entry.projects.some((p) => reaches(p.target, 'ministry-appraised'))) {
      row(
        'cuc.admin',
        `national plan ${plan.year} (${id}), registration closed ${deadline}, in appraisal: ${stagesOf(entry)}`,
        'appraise the submitted ones: POST /api/v1/projects/{id}/ministry-appraisal,',
        `then the assignment decision: POST /api/v1/plans/${id}/decisions`,
      );
    } else {
      row(
        'cuc.admin',
        `national plan ${plan.year} (${id}), registration open until ${deadline}: ${stagesOf(entry)}`,
        `who has reported: GET /api/v1/plans/${id}/registration-coverage`,
      );
    }
  }
  if (clusters) clusterLines(row, clusters);
  row(
    'cuc.canbo',
    `national plan ${currentYear} decided and under way, projects from registered to settled:`,
    `GET /api/v1/watchlist?year=${currentYear}`,
  );
  for (const p of awards.past) {
    const entries = p.rounds.reduce((sum, r) => sum + r.entries, 0);
    row(
      'cuc.canbo',
      `the ${p.year} ${p.level} ${p.rounds.length > 1 ? 'rounds run again as historic rounds' : 'round run again as a historic round'} (${entries} entries, ` +
        `${p.certificates} passed, scored by the demo jurors):`,
      `GET /api/v1/award-rounds?year=${p.year}; each result re-derives:`,
      ...p.rounds.map((r) => `GET /api/v1/award-rounds/${r.id}/result/verification`),
    );
  }
  const pastYears = new Map([[2018, ['settled: 262 projects']]]);
  for (const p of awards.past) {
    const what = `${p.certificates} ${p.level} award certificates, ${p.provinces} provinces`;
    pastYears.set(p.year, [...(pastYears.get(p.year) ?? []), what]);
  }
  row(
    'xem',
    `conference views: GET /api/v1/conferences/national?year=${currentYear};`,
    ...[...pastYears].sort(([a], [b]) => a - b).map(([year, what]) => `?year=${year} (${what.join('; ')})`),
  );
  if (periodicReports?.latest)
    row(
      'cuc.canbo',
      `provinces' quarterly reports of ${periodicReports.quarters.join(', ')} (unit ${periodicReports.missing} never sent ` +
        `${periodicReports.latest}, unit ${periodicReports.returned}'s was returned and corrected):`,
      `GET /api/v1/periodic-reports/completeness?formId=${periodicReports.formId}&period=${periodicReports.latest}`,
    );
  return lines;
}
