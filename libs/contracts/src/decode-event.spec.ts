import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEvent, MAX_EVENT_BYTES } from './decode-event';

const example = JSON.parse(
  readFileSync(join(__dirname, 'events/projects/project-registered/v2/example.json'), 'utf8'),
) as Record<string, unknown>;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeEvent', () => {
  it('accepts a valid envelope and returns the parsed payload', () => {
    const result = decodeEvent(encode(example));
    expect(result.ok && result.envelope.payload['requestedSupportVnd']).toBe(850000000);
  });

  it('rejects bytes that are not JSON as malformed', () => {
    expect(decodeEvent(Buffer.from('{not json'))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(decodeEvent(null)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('rejects an envelope with a missing id', () => {
    const { id: _id, ...rest } = example;
    expect(decodeEvent(encode(rest))).toMatchObject({
      ok: false,
      reason: 'invalid-envelope',
      detail: expect.stringContaining('id'),
    });
  });

  it('tells an unknown type from an unknown version', () => {
    expect(decodeEvent(encode({ ...example, type: 'projects.project.teleported' }))).toMatchObject({
      reason: 'unknown-type',
    });
    expect(decodeEvent(encode({ ...example, version: 7 }))).toMatchObject({ reason: 'unknown-version' });
  });

  it('rejects money that is not an integer number of VND', () => {
    const payload = { ...(example['payload'] as object), requestedSupportVnd: 1.5 };
    expect(decodeEvent(encode({ ...example, payload }))).toMatchObject({
      reason: 'invalid-payload',
      detail: expect.stringContaining('requestedSupportVnd'),
    });
  });

  it('rejects unknown payload fields (strict contracts)', () => {
    const payload = { ...(example['payload'] as object), surprise: true };
    expect(decodeEvent(encode({ ...example, payload }))).toMatchObject({ reason: 'invalid-payload' });
  });

  it('parks a message larger than the platform limit unread, whatever it holds', () => {
    const padded = {
      ...example,
      payload: { ...(example['payload'] as object), pad: 'x'.repeat(MAX_EVENT_BYTES) },
    };
    expect(decodeEvent(encode(padded))).toMatchObject({ reason: 'oversized' });
    expect(decodeEvent('{'.repeat(MAX_EVENT_BYTES + 1))).toMatchObject({ reason: 'oversized' });
    expect(decodeEvent(encode(example)).ok).toBe(true);
  });

  it('refuses an event read from a topic its type does not travel on', () => {
    expect(decodeEvent(encode(example), 'projects.project.events').ok).toBe(true);
    expect(decodeEvent(encode(example), 'plans.plan.events')).toMatchObject({
      reason: 'wrong-topic',
      detail: expect.stringContaining('projects.project.events'),
    });
  });
});
