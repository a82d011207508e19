// Loads what the demo's clusters carry beyond their registration (demo-clusters.mjs) through the gateway's public
// API, once the registry holds them: the tenant projects of a few operating clusters, the last two periods'
// reports recorded from their history by each unit's department (sct.<code>) with their true days, two petitions
// to the agency (one answered by it, the other received on paper and overdue), an inspection with its follow-up,
// and the current year's content-7 projects linked to clusters of their units as support received. Whatever is
// there already is left as it is: a cluster with tenants gets none, the history import answers an identical
// record as `existing`, petitions are found by subject, the inspection by its cluster and day, a support link by
// its project.
import { idempotencyKey, listAll, mapLimit } from './http.mjs';

/**
 * Records per history-import request (the route takes 200): each request is one transaction, and the gateway
 * gives a service 10 s; fifty records answer in well under a second.
 */
const REPORT_BATCH = 50;
const HISTORY = '/api/v1/cluster-reports/history-imports';

/**
 * @param {{ central: object, account: (username: string) => Promise<object>, concurrency: number,
 *   log: (line: string) => void, elapsed: () => string }} ctx
 * @param {import('./demo-clusters.mjs').DemoClusters} demo
 * @returns {Promise<{ created: number, existing: number, reports: object, petitions: object[],
 *   inspection: object | null }>} what the guide shows
 */
export async function loadClusterActivity(ctx, demo) {
  const tally = { created: 0, existing: 0 };
  const clusters = await listAll(ctx.central, '/api/v1/clusters');
  const idOf = new Map(clusters.map((c) => [c.code, c.id]));
  const [, reports, petitions, inspection, supportLinks] = await Promise.all([
    ensureTenants(ctx, demo, idOf, tally),
    recordReports(ctx, demo, tally),
    ensurePetitions(ctx, demo, idOf, tally),
    ensureInspection(ctx, demo, idOf, tally),
    ensureSupportLinks(ctx, demo, idOf, tally),
  ]);
  return { ...tally, reports, petitions, inspection, supportLinks };
}

/** Tenant projects of the few clusters the data set gives them to; a cluster with tenants is left as it is. */
async function ensureTenants({ central }, demo, idOf, tally) {
  for (const { code, tenants } of demo.tenants) {
    const id = idOf.get(code);
    const path = `/api/v1/clusters/${id}/tenants`;
    const detail = await central.get(`/api/v1/clusters/${id}`);
    if (detail.tenants.length > 0) {
      tally.existing++;
      continue;
    }
    // One after the other: each bumps the cluster's revision.
    for (const body of tenants) await central.post(path, body, idempotencyKey(path, body));
    tally.created++;
  }
}

/**
 * The reports of the last two periods, recorded by each unit's own department in batches. An identical record is
 * `existing`; a refusal means the data set and the platform disagree, and stops the load (a 409 conflict only
 * warns: the platform holds another account of that period, e.g. filed by hand, and keeps it).
 */
async function recordReports({ account, concurrency, log }, demo, tally) {
  const batches = demo.reports.flatMap(({ provinceCode, records }) =>
    Array.from({ length: Math.ceil(records.length / REPORT_BATCH) }, (_, i) => ({
      provinceCode,
      records: records.slice(i * REPORT_BATCH, (i + 1) * REPORT_BATCH),
    })),
  );
  const reportIds = new Map();
  const counts = { created: 0, existing: 0, conflicts: 0 };
  await mapLimit(batches, Math.max(1, Math.floor(concurrency / 4)), async ({ provinceCode, records }) => {
    const api = await account(`sct.${provinceCode}`);
    // No Idempotency-Key: the import is idempotent by cluster and period itself, and its answer then says which
    // records are new and which were there (a replayed key would repeat the first run's "created").
    const view = await api.post(HISTORY, { records });
    for (const r of [...view.created, ...view.existing])
      reportIds.set(`${r.clusterCode}/${r.period.kind}-${r.period.year}`, r.reportId);
    counts.created += view.created.length;
    counts.existing += view.existing.length;
    const conflicts = view.refused.filter((r) => r.rule === 'cluster-report.history-conflict');
    const refused = view.refused.filter((r) => r.rule !== 'cluster-report.history-conflict');
    if (refused.length > 0)
      throw new Error(
        `${HISTORY} (sct.${provinceCode}) refused ${refused.length} records, e.g. ${JSON.stringify(refused[0])}`,
      );
    for (const c of conflicts) {
      counts.conflicts++;
      log(`cluster report ${c.clusterCode} ${c.period.kind} ${c.period.year} kept as the platform holds it`);
    }
  });
  tally.created += counts.created;
  tally.existing += counts.existing + counts.conflicts;
  return { ...counts, reportIds };
}

/** The petitions, found by their subject in their unit; the one the agency answered taken in hand and answered. */
async function ensurePetitions({ central, account }, demo, idOf, tally) {
  return Promise.all(
    demo.petitions.map(async (p) => {
      const sct = await account(`sct.${p.provinceCode}`);
      const listed = await listAll(sct, `/api/v1/cluster-petitions?provinceCode=${p.provinceCode}`);
      let petition = listed.find((x) => x.subject === p.subject);
      if (!petition) {
        const path = '/api/v1/cluster-petitions';
        const body = {
          provinceCode: p.provinceCode,
          ...(p.clusterCode ? { clusterId: idOf.get(p.clusterCode) } : {}),
          subject: p.subject,
          content: p.content,
          ...(p.receivedOn ? { receivedOn: p.receivedOn } : {}),
        };
        petition = await sct.post(path, body, idempotencyKey(path, body));
        tally.created++;
      } else tally.existing++;
      if (p.answer && petition.status === 'received') {
        const path = `/api/v1/cluster-petitions/${petition.id}/start`;
        petition = await central.post(path, undefined, idempotencyKey(path, {}));
      }
      if (p.answer && petition.status === 'in-progress') {
        petition = await central.call('PUT', `/api/v1/cluster-petitions/${petition.id}/answer`, {
          body: { answer: p.answer },
        });
      }
      return { key: p.key, id: petition.id, provinceCode: p.provinceCode, petition };
    }),
  );
}

/**
 * How long to wait for a content-7 project: the projects are loaded next to the clusters (plans first, then
 * their projects), and the clusters service learns of each from the projects events a moment later.
 */
const SUPPORT_WAIT_MS = 10 * 60_000;
const SUPPORT_POLL_MS = 5_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Links the data set's content-7 projects to their clusters (support received), by each unit's department. A
 * project is found by its title among its unit's content-7 projects of its year; until it exists and the
 * clusters service has its registration (422 cluster-support.project-not-received) the step waits, up to
 * SUPPORT_WAIT_MS, then gives up on that link with a log line. A link already there is left as it is.
 */
async function ensureSupportLinks({ account, log }, demo, idOf, tally) {
  return Promise.all(
    (demo.supportLinks ?? []).map(async (link) => {
      const sct = await account(`sct.${link.provinceCode}`);
      const clusterId = idOf.get(link.clusterCode);
      const path = `/api/v1/clusters/${clusterId}/support-projects`;
      const deadline = Date.now() + SUPPORT_WAIT_MS;
      for (;;) {
        const projects = await listAll(
          sct,
          `/api/v1/projects?provinceCode=${link.provinceCode}&year=${link.planYear}&activityContent=7`,
        );
        const project = projects.find((p) => p.title === link.projectTitle);
        if (project) {
          const held = await sct.get(path);
          if (held.projects.some((p) => p.projectId === project.id)) {
            tally.existing++;
            return { ...link, clusterId, projectId: project.id };
          }
          try {
            // No Idempotency-Key: linking is idempotent itself, and a key would replay a refusal met while waiting.
            await sct.post(path, { projectId: project.id });
            tally.created++;
            return { ...link, clusterId, projectId: project.id };
          } catch (error) {
            if (error?.problem?.code !== 'cluster-support.project-not-received') throw error;
          }
        }
        if (Date.now() > deadline) {
          log(
            `support project "${link.projectTitle}" not linked to ${link.clusterCode}: not received in time`,
          );
          return null;
        }
        await sleep(SUPPORT_POLL_MS);
      }
    }),
  );
}

/** The inspection, found by its cluster and day; the actions the data set has done, completed on their days. */
async function ensureInspection({ account }, demo, idOf, tally) {
  const spec = demo.inspection;
  if (!spec) return null;
  const sct = await account(`sct.${spec.provinceCode}`);
  const clusterId = idOf.get(spec.clusterCode);
  const listed = await listAll(sct, `/api/v1/cluster-inspections?clusterId=${clusterId}`);
  let inspection = listed.find((i) => i.inspectedOn === spec.body.inspectedOn);
  if (!inspection) {
    const path = '/api/v1/cluster-inspections';
    const body = { clusterId, ...spec.body };
    inspection = await sct.post(path, body, idempotencyKey(path, body));
    tally.created++;
  } else tally.existing++;
  for (const done of spec.completed) {
    const action = inspection.actions[done.action - 1];
    if (action.completedOn) continue;
    const path = `/api/v1/cluster-inspections/${inspection.id}/actions/${action.id}/complete`;
    const body = { completedOn: done.completedOn, note: done.note };
    inspection = await sct.post(path, body, idempotencyKey(path, body));
  }
  return { id: inspection.id, clusterCode: spec.clusterCode, provinceCode: spec.provinceCode, inspection };
}
