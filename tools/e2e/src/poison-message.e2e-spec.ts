import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_CATALOG,
  MAX_EVENT_BYTES,
  type ConferenceReport,
  type PlanView,
  type ProjectView,
} from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { collectSince, endOffsets, eventually, testKafka } from '@kc/testing';
import { as, type Session } from './gateway-client';

// Garbage on every topic of deploy/topics.json must not stop the platform: every consumer group parks each
// message in its own dead-letter topic with the reason, and goes on projecting the next real write.
const ROOT = join(__dirname, '..', '..', '..');
const { topics } = JSON.parse(readFileSync(join(ROOT, 'deploy', 'topics.json'), 'utf8')) as {
  topics: { name: string; consumers: string[] }[];
};
// A year and a unit no other spec writes to: the figures below are this spec's alone.
const YEAR = 2038;
const PROVINCE = '75';
/** Kafka's default message.max.bytes (the broker does not override it): the whole record batch, headers included. */
const BROKER_MESSAGE_LIMIT = 1_048_588;
const TODAY = vietnamDate(new Date());

type Letter = Awaited<ReturnType<typeof collectSince>>[number];

/** Every example envelope of the contracts, to put a valid event on a topic it does not belong to. */
function exampleEnvelopes(dir = join(ROOT, 'libs', 'contracts', 'src', 'events')): Record<string, unknown>[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? exampleEnvelopes(join(dir, entry.name))
      : entry.name === 'example.json'
        ? [JSON.parse(readFileSync(join(dir, entry.name), 'utf8')) as Record<string, unknown>]
        : [],
  );
}

function envelope(type: string, version: number, payload: Record<string, unknown>) {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    producer: 'e2e-poison',
    aggregateId: randomUUID(),
    provinceCode: null,
    actor: { kind: 'system', id: 'e2e-poison' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}

interface Poison {
  case: string;
  value: string | null;
  reason: string;
  /** The letter keeps the original bytes (else only the facts about them: too large to park whole). */
  kept: boolean;
}

/** The garbage for one topic, each with the reason its dead letter must carry. */
function poisonFor(topic: string, run: string): Poison[] {
  const own = EVENT_CATALOG.find((d) => d.topic === topic)!;
  const foreign = exampleEnvelopes().find(
    (e) => EVENT_CATALOG.find((d) => d.type === e['type'])?.topic !== topic,
  )!;
  const context = topic.split('.').slice(0, 2).join('.');
  const padded = (bytes: number) => {
    const base = JSON.stringify(envelope(own.type, own.version, { pad: '' }));
    return base.replace('"pad":""', `"pad":"${'x'.repeat(bytes - base.length)}"`);
  };
  return [
    { case: 'not JSON', value: `{"poison": ${run}`, reason: 'malformed', kept: true },
    { case: 'no value (tombstone)', value: null, reason: 'malformed', kept: true },
    {
      case: 'wrong envelope',
      value: JSON.stringify({ id: run, type: 42, payload: 'none', extra: true }),
      reason: 'invalid-envelope',
      kept: true,
    },
    {
      case: 'unknown type',
      value: JSON.stringify(envelope(`${context}.teleported`, 1, {})),
      reason: 'unknown-type',
      kept: true,
    },
    {
      case: 'unknown version',
      value: JSON.stringify(envelope(own.type, 99, {})),
      reason: 'unknown-version',
      kept: true,
    },
    {
      case: 'valid event of another topic',
      value: JSON.stringify({ ...foreign, id: randomUUID() }),
      reason: 'wrong-topic',
      kept: true,
    },
    {
      case: 'valid envelope, invalid payload',
      value: JSON.stringify(envelope(own.type, own.version, { run, amountVnd: -1.5 })),
      reason: 'invalid-payload',
      kept: true,
    },
    {
      case: 'above the platform limit',
      value: padded(MAX_EVENT_BYTES + 1_024),
      reason: 'oversized',
      kept: true,
    },
  ];
}

/** Just under the broker's limit: it fits on the topic, but not with the dead-letter headers added. */
const nearBrokerLimit = (): Poison => ({
  case: 'near the broker limit',
  value: 'x'.repeat(BROKER_MESSAGE_LIMIT - 200),
  reason: 'oversized',
  kept: false,
});

interface Sent extends Poison {
  topic: string;
  partition: number;
  offset: string;
}

const header = (letter: Letter, name: string) => letter.headers?.[name]?.toString();

describe('garbage on every topic', () => {
  const kafka = testKafka('e2e-poison');
  const run = String(Date.now());
  const sent: Sent[] = [];
  const dltStarts = new Map<string, Map<number, string>>();
  let agency: Session;
  let officer: Session;

  beforeAll(async () => {
    agency = await as('cuc.canbo');
    officer = await as(`sct.${PROVINCE}`);
    for (const { name, consumers } of topics)
      for (const group of consumers)
        dltStarts.set(`${name}.${group}.dlt`, await endOffsets(kafka, `${name}.${group}.dlt`));

    // Every case on every partition, so whichever partition a later real event lands on, the garbage is
    // ahead of it; the message near the broker's limit leads partition 0.
    const producer = kafka.producer();
    await producer.connect();
    try {
      for (const { name } of topics) {
        const partitions = [...(await endOffsets(kafka, name)).keys()];
        for (const partition of partitions) {
          const poison = [...(partition === 0 ? [nearBrokerLimit()] : []), ...poisonFor(name, run)];
          for (const p of poison) {
            const [meta] = await producer.send({
              topic: name,
              acks: -1,
              messages: [{ partition, key: `poison-${run}-${p.case}`, value: p.value }],
            });
            sent.push({ ...p, topic: name, partition, offset: meta.baseOffset! });
          }
        }
      }
    } finally {
      await producer.disconnect();
    }
  });

  it.each(topics.flatMap(({ name, consumers }) => consumers.map((group) => [name, group])))(
    'parks each case sent to %s in the dead-letter topic of group %s, with its reason',
    async (topic, group) => {
      const dlt = `${topic}.${group}.dlt`;
      const expected = sent.filter((s) => s.topic === topic);
      const where = (letter: Letter) =>
        `${header(letter, 'kc-dlt-original-partition')}@${header(letter, 'kc-dlt-original-offset')}`;
      const letters = await collectSince(
        kafka,
        dlt,
        dltStarts.get(dlt)!,
        (ms) => {
          const seen = new Set(ms.filter((m) => header(m, 'kc-dlt-original-topic') === topic).map(where));
          return expected.every((s) => seen.has(`${s.partition}@${s.offset}`));
        },
        60_000,
      );
      const parked = expected.map((s) => {
        const letter = letters.find((l) => where(l) === `${s.partition}@${s.offset}`)!;
        const value = letter.value === null ? null : letter.value.toString();
        return {
          case: `${s.case} (partition ${s.partition})`,
          reason: header(letter, 'kc-dlt-reason'),
          group: header(letter, 'kc-dlt-consumer-group'),
          original: s.kept
            ? value === s.value
            : header(letter, 'kc-dlt-dropped-bytes') === String(s.value!.length),
        };
      });
      expect(parked).toEqual(
        expected.map((s) => ({
          case: `${s.case} (partition ${s.partition})`,
          reason: s.reason,
          group,
          original: true,
        })),
      );
    },
    90_000,
  );

  it('refuses at the broker a message above its limit, so no consumer ever reads one', async () => {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await expect(
        producer.send({
          topic: topics[0].name,
          acks: -1,
          messages: [{ key: `poison-${run}`, value: 'x'.repeat(BROKER_MESSAGE_LIMIT + 1) }],
        }),
      ).rejects.toThrow(/larger than the max message size/);
    } finally {
      await producer.disconnect();
    }
  });

  it('goes on projecting real writes made after the garbage, in every consumer group', async () => {
    const report = () => agency.get<ConferenceReport>(`/api/v1/conferences/national?year=${YEAR}`);
    const unit = async () => (await report()).body.units.find((u) => u.code === PROVINCE)!;
    const clustersBefore = (await unit()).clustersRegistered;

    // plans.plan.events → reporting (the national plan counted) and projects (a project may name the plan).
    const plan = await agency.post<PlanView>('/api/v1/plans', {
      year: YEAR,
      level: 'national',
      budgetVnd: 1_000_000_000,
    });
    expect(plan.status).toBe(201);
    // Until the service has seen the fact it depends on, a write is refused (422/503): retry; a 400 is final.
    const accepted = <T>(send: () => Promise<{ status: number; body: T }>) =>
      eventually(async () => {
        const reply = await send();
        return reply.status < 300 || reply.status === 400 ? reply : undefined;
      }, 30_000);
    const created = await accepted(() =>
      officer.post<ProjectView>('/api/v1/projects', {
        planId: plan.body.id,
        title: 'Hỗ trợ máy móc thiết bị chế biến hạt điều',
        kind: 'ordinary',
        activityContents: [3],
        implementingUnit: 'Trung tâm Khuyến công',
        provinceCode: PROVINCE,
        startDate: `${YEAR}-03-01`,
        endDate: `${YEAR}-11-30`,
        kcqgVnd: 300_000_000,
        kcdpVnd: 0,
        counterpartVnd: 600_000_000,
        otherVnd: 0,
        procurementMode: 'selection',
        advanceCategory: 'model-machinery',
        beneficiaries: [
          { taxCode: `38038${PROVINCE}001`, name: 'Công ty chế biến điều', legalForm: 'enterprise' },
        ],
      }),
    );
    expect([created.status, created.body]).toEqual([201, expect.objectContaining({ status: 'draft' })]);
    const project = created.body;
    expect((await officer.post(`/api/v1/projects/${project.id}/register`, {})).status).toBe(200);
    expect(
      (
        await officer.post(`/api/v1/projects/${project.id}/base-appraisal`, {
          reviewer: 'Sở Công Thương Đồng Nai',
          criteria: [{ name: 'Phù hợp nội dung khuyến công', passed: true }],
          result: 'passed',
          appraisedOn: TODAY,
        })
      ).status,
    ).toBe(200);
    // projects.project.events → plans: a registration report may list the project once plans has seen it.
    const registration = await accepted(() =>
      officer.post(`/api/v1/plans/${plan.body.id}/registrations`, {
        provinceCode: PROVINCE,
        reportNumber: '38/BC-SCT',
        reportDate: TODAY,
        projectIds: [project.id],
      }),
    );
    expect(registration.status).toBe(201);

    // clusters, trade-fairs and awards → reporting.
    const cluster = await officer.post('/api/v1/clusters', {
      code: `CCN-${PROVINCE}-POISON-${run}`,
      name: 'Cụm công nghiệp Tân Phú',
      provinceCode: PROVINCE,
      status: 'operating',
      establishment: {
        number: '845/QĐ-UBND',
        date: '2019-08-01',
        authority: 'provincial-peoples-committee',
        issuedBy: 'Ủy ban nhân dân tỉnh',
      },
      totalAreaHa: 30,
    });
    expect(cluster.status).toBe(201);
    const fair = await agency.post('/api/v1/fairs', {
      name: `Hội chợ hàng CNNT tiêu biểu khu vực phía Nam ${YEAR}`,
      year: YEAR,
      scale: 'regional',
      regionCode: 'south',
      provinceCode: PROVINCE,
      startDate: `${YEAR}-10-01`,
      endDate: `${YEAR}-10-04`,
      boothCount: 100,
    });
    expect(fair.status).toBe(201);
    const round = await officer.post('/api/v1/award-rounds', {
      name: `Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai năm ${YEAR}`,
      year: YEAR,
      level: 'provincial',
      provinceCode: PROVINCE,
    });
    expect(round.status).toBe(201);

    const figures = await eventually(async () => {
      const [row, totals] = [await unit(), (await report()).body.totals];
      return totals.nationalPlans === 1 &&
        row.projects === 1 &&
        row.clustersRegistered === clustersBefore + 1 &&
        row.fairsHosted === 1 &&
        row.provincialAwardRounds === 1
        ? row
        : undefined;
    }, 30_000);
    expect(figures).toMatchObject({ projects: 1, fairsHosted: 1, provincialAwardRounds: 1 });

    // audit.record.events → gateway: the project's audit records reach the trail.
    const admin = await as('cuc.admin');
    await eventually(async () => {
      const trail = await admin.get<{ total: number }>(`/api/v1/audit?resourceId=${project.id}`);
      return trail.body.total >= 1;
    }, 30_000);
  }, 180_000);
});
