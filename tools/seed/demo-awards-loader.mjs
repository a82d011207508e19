// Loads the demo's awards (demo-awards.mjs) through the gateway's public API, every round driven as its people
// would: the round opened with its schedule (the past ones as historic rounds of the agency), the lower
// certificates recorded by their issuing authority, the council seated, each province's shortlist, the entries
// registered by the round's authority from the dossiers the provinces sent (a historic round's with the day each
// was received), scoring started, every sheet PUT by its own juror (each logged in), and for the published rounds
// the close and the publication (a historic round's on the day it was announced), polled until it has committed.
// Whatever is there already is left as it is: certificates are looked up by number, entries by the certificate
// they cite, sheets in each juror's own assignments; a round goes on from the state it is in.
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, createOnce, idempotencyKey, listAll, mapLimit } from './http.mjs';

/**
 * Certificates per records request (the route takes up to 500): each request is one transaction and the gateway
 * gives a service 10 s, which a hundred at a time overran on a busy machine; fifty answer within a few seconds.
 */
const RECORD_BATCH = 50;

/**
 * @param {{ central: object, urgent: object, account: (username: string) => Promise<object>, concurrency: number,
 *   today: string, log: (line: string) => void, elapsed: () => string }} ctx `central`: the agency's session;
 *   `urgent`: the agency's session whose requests go first (a round's steps follow one another, so each waits
 *   for the last); `account`: a logged-in session of a demo account (kept per account)
 * @param {{ historic: object[], rounds: object[] }} awards the data set's awards
 * @returns {Promise<{ created: number, existing: number, past: object[], rounds: object[] }>} what the guide
 *   shows: per past year and level its certificates and provinces (and its rounds); per round of this year its
 *   state, and the sheets its jurors still owe or its published result
 */
export async function loadAwards(ctx, awards) {
  const tally = { created: 0, existing: 0 };
  const all = [...awards.historic, ...awards.rounds];
  const ids = await accountIds(ctx.central, all);
  // Every round goes its own way: a round's entries are taken one at a time (the service locks the round for
  // each), its sheets in parallel; the rounds side by side share the run's limit on requests in flight.
  const loaded = await Promise.all(all.map((spec) => driveRound(ctx, spec, ids, tally)));
  return {
    ...tally,
    past: pastYears(loaded.slice(0, awards.historic.length)),
    rounds: loaded.slice(awards.historic.length),
  };
}

/** The historic rounds per year and level (the three regional rounds of 2018 together), as the guide tells them. */
function pastYears(rounds) {
  const byKey = new Map();
  for (const round of rounds) {
    const key = `${round.level}-${round.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), round]);
  }
  return [...byKey].map(([key, of]) => ({
    key,
    year: of[0].year,
    level: of[0].level,
    certificates: of.reduce((sum, r) => sum + r.certificates.length, 0),
    provinces: new Set(of.flatMap((r) => r.holderProvinces)).size,
    rounds: of.map((r) => ({ id: r.id, name: r.name, entries: r.entries, passed: r.passed })),
  }));
}

/** The platform user id of every account a council names (members, secretary), from the gateway's users API. */
async function accountIds(central, rounds) {
  const wanted = new Set(
    rounds.flatMap((r) => [...r.council.members.map((m) => m.username), r.council.secretary.username]),
  );
  // One query for the jurors (giamkhao.*), one per other account.
  const queries = [...new Set([...wanted].map((u) => (u.startsWith('giamkhao.') ? 'giamkhao.' : u)))];
  // The demo has 13 jurors: one page holds them.
  const found = (
    await Promise.all(
      queries.map(
        async (q) => (await central.get(`/api/v1/users?username=${encodeURIComponent(q)}&limit=200`)).items,
      ),
    )
  ).flat();
  const ids = new Map();
  for (const username of wanted) {
    const user = found.find((u) => u.username === username);
    if (!user) {
      throw new Error(
        `the demo account ${username} does not exist (GET /api/v1/users?username=${username}); the gateway ` +
          'creates missing demo accounts when it starts: `npm stop`, then `npm start`',
      );
    }
    ids.set(username, user.id);
  }
  return ids;
}

/**
 * Certificates not yet on record, each recorded by its issuing authority (`issuer`: 'central' or the province
 * code whose department issued it), in batches. No Idempotency-Key: the route keeps each certificate once by
 * its number and answers a repeat "unchanged", so sending a batch again is itself safe.
 */
async function ensureCertificates(ctx, items, tally) {
  const series = new Set(items.map(({ certificate: c }) => `${yearOf(c.number)}/${levelOf(c.number)}`));
  const onRecord = new Set();
  for (const key of series) {
    const [year, level] = key.split('/');
    const page = await listAll(ctx.central, `/api/v1/award-certificates?year=${year}&level=${level}`);
    for (const c of page) onRecord.add(c.number);
  }
  const missing = items.filter(({ certificate }) => !onRecord.has(certificate.number));
  tally.existing += items.length - missing.length;
  const byIssuer = new Map();
  for (const item of missing)
    byIssuer.set(item.issuer, [...(byIssuer.get(item.issuer) ?? []), item.certificate]);
  await mapLimit([...byIssuer], ctx.concurrency, async ([issuer, certificates]) => {
    const api = issuer === 'central' ? ctx.central : await ctx.account(`sct.${issuer}`);
    for (let i = 0; i < certificates.length; i += RECORD_BATCH) {
      const answer = await api.post('/api/v1/award-certificates/records', {
        certificates: certificates.slice(i, i + RECORD_BATCH),
      });
      if (answer.refused > 0) {
        const first = answer.results.find((r) => r.outcome === 'refused');
        throw new Error(
          `recording certificates refused ${answer.refused}; first: ${first.number} ` +
            first.problems.map((p) => `${p.field}: ${p.rule} ${p.message}`).join('; '),
        );
      }
      tally.created += answer.recorded;
      tally.existing += answer.unchanged;
    }
  });
}

/** `QG-2023-0001` → 2023; `X-40-17332-2025-0003` → 2025. */
const yearOf = (number) => Number(number.split('-').at(-2));
const LEVEL_PREFIXES = { QG: 'national', KV: 'regional', T: 'provincial', X: 'commune', H: 'commune' };
const levelOf = (number) => LEVEL_PREFIXES[number.split('-')[0]];

/** The round of that year, level and area, as its authority lists it. */
async function findRound(api, open) {
  const q = new URLSearchParams({
    year: String(open.year),
    level: open.level,
    ...(open.regionCode ? { regionCode: open.regionCode } : {}),
    ...(open.provinceCode ? { provinceCode: open.provinceCode } : {}),
  });
  const rounds = await listAll(api, `/api/v1/award-rounds?${q}`);
  return rounds.find(
    (r) =>
      r.level === open.level &&
      (r.regionCode ?? undefined) === open.regionCode &&
      (r.provinceCode ?? undefined) === open.provinceCode,
  );
}

/** A round, from wherever it stands to the state the data set leaves it in. */
async function driveRound(ctx, spec, ids, tally) {
  const authority = spec.authority === 'central' ? ctx.urgent : await ctx.account(`sct.${spec.authority}`);
  let round = await findRound(authority, spec.open);
  if (round) tally.existing++;
  else {
    if (spec.open.historic) await assertSeriesUnused(ctx.central, spec.open);
    round = await createOnce(authority, '/api/v1/award-rounds', spec.open);
    tally.created++;
  }
  if (!round.schedule) {
    throw new Error(
      `award round "${round.name}" (${round.id}) has no schedule, so it takes no entries: an earlier demo ` +
        'loader opened it so; drop the database kc_awards (npm stop first) and `npm start` again',
    );
  }
  const path = `/api/v1/award-rounds/${round.id}`;
  const phase = (what) => ctx.log(`  awards: ${spec.key}: ${what} (${ctx.elapsed()})`);
  const step = async (what, body) => {
    const answer = await authority.post(
      `${path}/${what}`,
      body,
      idempotencyKey(`${path}/${what}`, body ?? {}),
    );
    tally.created++;
    return answer;
  };
  if (round.state === 'entries-open') {
    await ensureCertificates(ctx, spec.certificates, tally);
    await ensureCouncil(authority, path, spec.council, ids, tally);
    // A historic round's shortlists come from the agency's archive (some of those units exist no more).
    await mapLimit(spec.shortlists, ctx.concurrency, async ({ provinceCode, certificateNumbers }) => {
      const putter = round.historic ? authority : await ctx.account(`sct.${provinceCode}`);
      await putter.call('PUT', `${path}/shortlist/${provinceCode}`, { body: { certificateNumbers } });
    });
    phase('certificates, council and shortlists in');
    await enter(ctx, authority, round, spec.entries, tally);
    round = await step('start-scoring');
    phase('entries in, scoring');
  }
  if (round.state === 'scoring') {
    tally.created += await score(ctx, path, spec.sheets);
    phase('sheets in');
    if (spec.target === 'published') round = await step('close');
  }
  if (round.state === 'closed' && spec.target === 'published') {
    // Publication runs in the service's background (202): poll the job until it has committed. A historic
    // round is published on the day it was announced, and its certificates are dated from it.
    await step('publish', spec.announcedOn ? { announcedOn: spec.announcedOn } : {});
    round = await published(authority, path);
  }
  ctx.log(`awards: "${round.name}" ${round.state} (${ctx.elapsed()})`);
  return summary(ctx, authority, round, spec, ids);
}

const REGION_LETTERS = { north: 'B', central: 'T', south: 'N' };

/**
 * A historic round issues its certificates from 0001 of its series (`KV-B-2018-`, `QG-2023-`): an earlier demo
 * loader recorded those numbers as paper certificates instead, and the round would number after them.
 */
async function assertSeriesUnused(api, open) {
  const series =
    open.level === 'national' ? `QG-${open.year}-` : `KV-${REGION_LETTERS[open.regionCode]}-${open.year}-`;
  const taken = (
    await listAll(api, `/api/v1/award-certificates?year=${open.year}&level=${open.level}`)
  ).filter((c) => c.number.startsWith(series));
  if (taken.length > 0) {
    throw new Error(
      `${taken.length} certificates ${series}… are on record without the round "${open.name}" (an earlier demo ` +
        'loader recorded them): drop the database kc_awards (npm stop first) and `npm start` again',
    );
  }
}

/** Polls a round's publication until the service's background work has committed it; the round then. */
async function published(api, path) {
  for (let waited = 0; ; waited += 250) {
    const job = await api.get(`${path}/publication`);
    if (job.state === 'published') return api.get(path);
    if (job.state === 'failed') throw new Error(`publishing ${path} failed: ${job.lastError}`);
    if (waited > 300_000) throw new Error(`publishing ${path} is still pending after 5 minutes`);
    await sleep(250);
  }
}

/** Seats the council (members, secretary, jury) unless it is seated so already. */
async function ensureCouncil(api, path, council, ids, tally) {
  const body = {
    members: council.members.map((m) => ({ userId: ids.get(m.username), displayName: m.displayName })),
    secretary: { userId: ids.get(council.secretary.username), displayName: council.secretary.displayName },
    jurorIds: council.jurors.map((username) => ids.get(username)),
  };
  const seated = await api.get(`${path}/council`);
  const same = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  if (
    seated.secretary?.userId === body.secretary.userId &&
    same(
      seated.members.map((m) => m.userId),
      body.members.map((m) => m.userId),
    ) &&
    same(seated.jurorIds, body.jurorIds)
  ) {
    tally.existing++;
    return;
  }
  await api.call('PUT', `${path}/council`, { body });
  tally.created++;
}

/**
 * The entries not in the round yet, one after another (so their codes follow the data set's order; the service
 * takes a round's entries one at a time anyway, under the round's lock), by the round's authority; none once a
 * live round's entries have closed (a load resumed on a later day: the round then goes on with those it has).
 */
async function enter(ctx, authority, round, entries, tally) {
  const path = `/api/v1/award-rounds/${round.id}/entries`;
  const present = new Set((await listAll(authority, path)).map((e) => e.lowerCertificateNumber));
  const missing = entries.filter((e) => !present.has(e.body.lowerCertificateNumber));
  tally.existing += entries.length - missing.length;
  // A historic round's entries carry the day they were received: its window is past by design.
  if (missing.length > 0 && !round.historic && ctx.today > round.schedule.entriesCloseOn) {
    ctx.log(
      `awards: "${round.name}" closed its entries on ${round.schedule.entriesCloseOn}; ${missing.length} of the demo's are not in it`,
    );
    return;
  }
  for (const { body } of missing) {
    try {
      await authority.post(path, body, idempotencyKey(path, body));
      tally.created++;
    } catch (e) {
      // Entered by an earlier attempt whose answer was lost.
      if (!(e instanceof ApiError && e.code === 'award-entry.certificate-already-entered')) throw e;
    }
  }
}

/**
 * The sheets the data set gives that their jurors have not given yet, each PUT by its juror: a juror's own
 * assignments show which entries they have scored. Returns the number of sheets given now.
 */
async function score(ctx, path, sheets) {
  const jurors = [...new Set(sheets.map((s) => s.juror))];
  const due = (
    await Promise.all(
      jurors.map(async (username) => {
        const api = await ctx.account(username);
        const assigned = new Map(
          (await listAll(api, `${path}/assignments`)).map((a) => [a.entry.lowerCertificateNumber, a]),
        );
        return sheets
          .filter((s) => s.juror === username && assigned.get(s.entry)?.sheet === null)
          .map((s) => ({ api, entryId: assigned.get(s.entry).entry.id, scores: s.scores }));
      }),
    )
  ).flat();
  await mapLimit(due, ctx.concurrency, ({ api, entryId, scores }) =>
    api.call('PUT', `${path}/entries/${entryId}/sheet`, { body: { scores } }),
  );
  return due.length;
}

/**
 * What the guide says of a round: the sheets each juror still owes (scoring), or the published result — its
 * figures read back from the document anyone can fetch, re-derived by the service, and checked against the
 * passes the data set designed.
 */
async function summary(ctx, authority, round, spec, ids) {
  const path = `/api/v1/award-rounds/${round.id}`;
  const base = {
    key: spec.key,
    id: round.id,
    name: round.name,
    level: round.level,
    state: round.state,
    scoringClosesOn: round.schedule.scoringClosesOn,
    jurors: spec.council.jurors,
    secretary: spec.council.secretary.username,
  };
  if (round.state === 'scoring' || round.state === 'closed') {
    const [progress, entries] = await Promise.all([
      authority.get(`${path}/progress`),
      authority.get(`${path}/entries?limit=1`),
    ]);
    const byId = new Map(progress.jurors.map((j) => [j.userId, j]));
    const owed = {};
    for (const username of spec.council.jurors) {
      const j = byId.get(ids.get(username));
      if (j && j.assigned > j.done) owed[username] = j.assigned - j.done;
    }
    return { ...base, entries: entries.total, owed };
  }
  const [document, verification, certificates] = await Promise.all([
    authority.get(`${path}/result`),
    authority.get(`${path}/result/verification`),
    listAll(ctx.central, `/api/v1/award-certificates?roundId=${round.id}`),
  ]);
  const { entries, passed } = document.results.totals;
  if (!verification.matches) throw new Error(`the published result of "${round.name}" does not re-derive`);
  if (spec.expectedPasses !== null && passed !== spec.expectedPasses) {
    throw new Error(`"${round.name}" published ${passed} passes; the demo designed ${spec.expectedPasses}`);
  }
  return {
    ...base,
    year: round.year,
    entries,
    passed,
    certificates: certificates.map((c) => c.number).sort(),
    holderProvinces: [...new Set(certificates.map((c) => c.holder.provinceCode))],
  };
}
