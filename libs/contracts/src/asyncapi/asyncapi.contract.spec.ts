import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { buildAsyncApi } from './build-asyncapi';
import { EVENT_CATALOG } from '../events/catalog';

const checkedIn = JSON.parse(readFileSync(join(__dirname, '../../asyncapi.json'), 'utf8'));

describe('AsyncAPI document', () => {
  it('is up to date with the contracts (run `npm run asyncapi` after a change)', () => {
    expect(checkedIn).toEqual(buildAsyncApi());
  });

  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(checkedIn));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document?.messages().length).toBe(EVENT_CATALOG.length);
  });
});
