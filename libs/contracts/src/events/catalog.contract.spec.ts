import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CATALOG } from './catalog';
import { decodeEvent } from '../decode-event';
import { ALL_TOPICS } from '../topics';

const eventsDir = __dirname;

function exampleFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) found.push(path);
    }
  };
  walk(eventsDir);
  return found;
}

describe('event catalog', () => {
  it.each(exampleFiles().map((f) => [f.slice(eventsDir.length + 1), f]))(
    'fixture %s decodes',
    (_name, file) => {
      const result = decodeEvent(readFileSync(file));
      expect(result).toMatchObject({ ok: true });
    },
  );

  it.each(EVENT_CATALOG.map((d) => [`${d.type}@${d.version}`, d]))(
    '%s has an example fixture in its version folder',
    (_k, def) => {
      const [context, entity, verb] = def.type.split('.');
      const folder = join(eventsDir, context, `${entity}-${verb}`, `v${def.version}`);
      expect(existsSync(join(folder, 'example.json'))).toBe(true);
      const example = JSON.parse(readFileSync(join(folder, 'example.json'), 'utf8'));
      expect(example).toMatchObject({ type: def.type, version: def.version });
      expect(ALL_TOPICS.find((t) => t.name === def.topic)?.producers).toContain(example.producer);
    },
  );

  it('routes each event to a registered topic; each context produces its own events', () => {
    for (const def of EVENT_CATALOG) {
      const topic = ALL_TOPICS.find((t) => t.name === def.topic);
      expect(topic).toBeDefined();
      const context = def.type.split('.')[0];
      if (context !== 'audit') expect(topic?.producers).toEqual([context]);
    }
  });

  it('keeps the launcher topic definitions equal to the registry', () => {
    const deployed = JSON.parse(readFileSync(join(__dirname, '../../../../deploy/topics.json'), 'utf8')) as {
      topics: { name: string; producers: string[]; consumers: string[] }[];
    };
    const simplify = (
      ts: readonly { name: string; producers: readonly string[]; consumers: readonly string[] }[],
    ) =>
      ts
        .map((t) => ({
          name: t.name,
          producers: [...t.producers].sort(),
          consumers: [...t.consumers].sort(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(simplify(deployed.topics)).toEqual(simplify(ALL_TOPICS));
  });
});
