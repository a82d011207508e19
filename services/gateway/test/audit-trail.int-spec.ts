import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@kc/contracts';
import { createTopics, eventually, testKafka } from '@kc/testing';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

type Record_ = {
  kind: string;
  action: string;
  actor: { kind: string; id: string };
  triggeredBy: { id: string } | null;
};

describe('the audit trail tells what people did from what services did on their own', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;
  let admin: string;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    await createTopics(testKafka(), ['audit.record.events']);
    gateway = await bootGateway({
      database: 'gateway_audit_trail',
      upstreamUrl: upstream.url,
      consumeEvents: true,
      env: { AUTH_DEMO_USERS: 'true' },
    });
    call = client(gateway.url);
    const login = await call<Record<string, string>>('POST', '/api/v1/auth/login', {
      body: { username: 'cuc.admin', password: 'khuyencong2026' },
    });
    admin = login.body.accessToken ?? login.body.access_token;
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('lists a person’s change as theirs, and the projections it set off as the services’ own bookkeeping', async () => {
    const projectId = randomUUID();
    const officer = { kind: 'user' as const, id: 'sct.40', role: 'province-officer', provinceCode: '40' };
    const envelope = (producer: string, action: string, causedByEvent: string | null): EventEnvelope => ({
      id: randomUUID(),
      type: 'audit.record.appended',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer,
      aggregateId: projectId,
      provinceCode: '40',
      // A consumer's events carry the actor of the event it handled: the officer, not the service.
      actor: officer,
      correlationId: randomUUID(),
      causationId: causedByEvent,
      payload: {
        action,
        resourceType: 'project',
        resourceId: projectId,
        provinceCode: '40',
        summary: `${action} — đề án thử`,
        ip: causedByEvent ? null : '10.0.0.7',
        userAgent: null,
        causedByEvent,
      },
    });
    const submitted = envelope('projects', 'project.register', null);
    const events = [
      submitted,
      envelope('plans', 'project-ref.update', submitted.id),
      envelope('reporting', 'projection.update', submitted.id),
    ];
    const producer = testKafka('gateway-audit-kind-test').producer();
    await producer.connect();
    await producer.send({
      topic: 'audit.record.events',
      acks: -1,
      messages: events.map((e) => ({ key: projectId, value: JSON.stringify(e) })),
    });
    await producer.disconnect();

    const trail = (kind?: string) =>
      call<{ items: Record_[]; total: number }>(
        'GET',
        `/api/v1/audit?resourceId=${projectId}${kind ? `&kind=${kind}` : ''}`,
        { token: admin },
      );
    const all = await eventually(async () => {
      const reply = await trail('all');
      return reply.body.total === 3 ? reply.body.items : undefined;
    }, 45_000);
    expect(
      all.map((r) => [r.action, r.kind, r.actor.kind, r.actor.id, r.triggeredBy?.id ?? null]).sort(),
    ).toEqual([
      ['project-ref.update', 'bookkeeping', 'system', 'plans', 'sct.40'],
      ['project.register', 'action', 'user', 'sct.40', null],
      ['projection.update', 'bookkeeping', 'system', 'reporting', 'sct.40'],
    ]);
    const actions = await trail();
    expect(actions.body.items.map((r) => r.action)).toEqual(['project.register']);
    const bookkeeping = await trail('bookkeeping');
    expect(bookkeeping.body.total).toBe(2);
    const bad = await trail('everything');
    expect(bad.status).toBe(400);
  }, 60_000);
});
