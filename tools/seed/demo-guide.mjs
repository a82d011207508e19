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

/**
 * @param {{ data: object, currentYear: number, planIds: Record<string, string>,
 *   fairs: { id: string, name: string }[], bookableFair: { id: string, name: string, registrationClosesAt: string,
 *   holdMinutes: number } | null, round: { id: string, name: string } }} loaded
 * @returns {string[]} one line per account, continued lines indented
 */
export function demoGuide({ data, currentYear, planIds, fairs, bookableFair, round }) {
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
  row('giamkhao.1–9', `jurors of "${round.name}" (GET /api/v1/award-rounds lists it for them)`);
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
  row(
    'cuc.canbo',
    `national plan ${currentYear} decided and under way, projects from registered to settled:`,
    `GET /api/v1/watchlist?year=${currentYear}`,
  );
  row(
    'xem',
    `conference views: GET /api/v1/conferences/national?year=${currentYear}; ?year=2018 (settled: 262 projects)`,
  );
  return lines;
}
