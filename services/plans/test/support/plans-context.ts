import { randomUUID } from 'node:crypto';
import { TOPICS, type PlanView, type Principal } from '@kc/contracts';
import {
  bootService,
  consumeFromEnd,
  useServiceContext,
  type BootedService,
  type ServiceContext,
} from '@kc/service-testing';
import { central, eventually, testKafka } from '@kc/testing';
import { PlansModule } from '../../src/app.module';
import { plansEnvSchema } from '../../src/config/plans.config';

const PROJECT_EVENTS = TOPICS.projectEvents.name;

/** A projects event as plans receives it; the envelope around it is made by `announce`. */
export interface ProjectEvent {
  type: string;
  version: number;
  projectId: string;
  provinceCode: string;
  payload: object;
}

export interface PlansUnderTest extends BootedService {
  /** Publishes projects events on the real topic, keyed by project as the projects outbox relay does. */
  announce(...events: ProjectEvent[]): Promise<void>;
}

/** The plans app under test, fed by the real projects topic through its real consumer. */
async function bootPlans(database: string): Promise<PlansUnderTest> {
  const service = await bootService(
    { service: 'plans', envSchema: plansEnvSchema, module: (config) => PlansModule.forRoot(config) },
    database,
  );
  await consumeFromEnd(service, [PROJECT_EVENTS]);
  const producer = testKafka(`plans-itest-${database}`).producer();
  await producer.connect();
  return {
    ...service,
    async announce(...events) {
      await producer.send({ topic: PROJECT_EVENTS, messages: events.map(message) });
    },
    async close() {
      await producer.disconnect();
      await service.close();
    },
  };
}

function message({ type, version, projectId, provinceCode, payload }: ProjectEvent) {
  const envelope = {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer: 'projects',
    aggregateId: projectId,
    provinceCode,
    actor: { kind: 'user', id: 'test', role: 'province-officer', provinceCode },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
  return {
    key: projectId,
    value: JSON.stringify(envelope),
    headers: { 'kc-event-id': envelope.id, 'kc-event-type': type, 'kc-event-version': String(version) },
  };
}

/** Projects as far as plans knows them: a plan's own, in one province, at one status. */
export interface ProjectsSeed {
  status: 'base-appraised' | 'submitted' | 'ministry-appraised';
  provinceCode?: string;
  costVnd?: number;
  /** The support asked for from the plan's own source. */
  requestedVnd?: number;
  /** The ministry's appraised support (a ministry-appraised project only). */
  appraisedVnd?: number;
  /** null for a project that names no funding norm. */
  normCode?: string | null;
}

const STEPS: Record<ProjectsSeed['status'], [string, string, string][]> = {
  'base-appraised': [
    ['draft', 'registered', 'register'],
    ['registered', 'base-appraised', 'base-appraise'],
  ],
  submitted: [
    ['draft', 'registered', 'register'],
    ['registered', 'base-appraised', 'base-appraise'],
    ['base-appraised', 'submitted', 'submit'],
  ],
  'ministry-appraised': [
    ['draft', 'registered', 'register'],
    ['registered', 'base-appraised', 'base-appraise'],
    ['base-appraised', 'submitted', 'submit'],
    ['submitted', 'ministry-appraised', 'ministry-appraise'],
  ],
};

/** The events the projects service publishes for one project of `plan` on its way to `seed.status`. */
function projectStory(plan: Pick<PlanView, 'id' | 'year' | 'level'>, seed: ProjectsSeed): ProjectEvent[] {
  const projectId = randomUUID();
  const provinceCode = seed.provinceCode ?? '40';
  const source = plan.level === 'provincial' ? 'KCDP' : 'KCQG';
  const cost = seed.costVnd ?? 3_000_000_000;
  const requested = seed.requestedVnd ?? 900_000_000;
  const normCode = seed.normCode === undefined ? 'demonstration-model' : seed.normCode;
  const base = { projectId, planId: plan.id, planYear: plan.year, provinceCode };
  const event = (type: string, version: number, payload: object) => ({
    type,
    version,
    projectId,
    provinceCode,
    payload: { ...base, ...payload },
  });
  return [
    event('projects.project.registered', 2, {
      code: `${source}-${plan.year}-${provinceCode}-${projectId.slice(0, 4).toUpperCase()}`,
      planLevel: plan.level,
      fundingSource: source,
      title: 'Xây dựng mô hình trình diễn kỹ thuật',
      kind: 'ordinary',
      activityContents: [3],
      implementingUnit: 'Trung tâm Khuyến công Nghệ An',
      commune: null,
      startDate: `${plan.year}-03-01`,
      endDate: `${plan.year}-11-30`,
      kcqgVnd: source === 'KCQG' ? requested : 0,
      kcdpVnd: source === 'KCDP' ? requested : 0,
      counterpartVnd: cost - requested,
      otherVnd: 0,
      requestedSupportVnd: requested,
      normCode,
      normUnits: normCode === null ? null : 1,
      procurementMode: 'selection',
      advanceCategory: 'model-machinery',
      beneficiaryTaxCodes: [],
    }),
    ...STEPS[seed.status].map(([from, to, action]) =>
      event('projects.project.status-changed', 1, { from, to, action, at: new Date().toISOString() }),
    ),
    ...(seed.status === 'ministry-appraised'
      ? [
          event('projects.project.appraised', 1, {
            appraisalId: randomUUID(),
            level: 'ministry',
            result: 'passed',
            appraisedSupportVnd: seed.appraisedVnd ?? 800_000_000,
            reviewer: 'Hội đồng thẩm định cấp Bộ',
            appraisedOn: `${plan.year - 1}-11-15`,
          }),
        ]
      : []),
  ];
}

function plansGivens(context: ServiceContext<PlansUnderTest>) {
  const { db, as } = context;
  return {
    /** Publishes projects events on the real topic (see PlansUnderTest). */
    announce: (...events: ProjectEvent[]) => context.service.announce(...events),

    /** A plan created by `by` (the agency unless told): its view. */
    async createPlan(body: Record<string, unknown>, by: Principal = central): Promise<PlanView> {
      const reply = await as(by).post<PlanView>('/api/v1/plans', body);
      expect(reply.status).toBe(201);
      return reply.body;
    },

    /**
     * `count` projects of `plan` as the projects service announces them (registered, moved along, appraised),
     * once plans has taken them in: their ids.
     */
    async announceProjects(
      plan: Pick<PlanView, 'id' | 'year' | 'level'>,
      count: number,
      seed: ProjectsSeed,
    ): Promise<string[]> {
      const stories = Array.from({ length: count }, () => projectStory(plan, seed));
      const ids = stories.map((story) => story[0].projectId);
      await context.service.announce(...stories.flat());
      await eventually(async () => {
        const [{ n }] = await db.rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM project_ref WHERE project_id = ANY($1) AND status = $2
              AND ($3 OR appraised_support_vnd IS NOT NULL)`,
          [ids, seed.status, seed.status !== 'ministry-appraised'],
        );
        return n === count;
      }, 60_000);
      return ids;
    },
  };
}

/** The plans service booted for the describe it is called in, its database, callers and givens. */
export const usePlansContext = (database: string) =>
  useServiceContext(() => bootPlans(database), plansGivens);
