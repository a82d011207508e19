import Ajv from 'ajv-draft-04';
import { z } from 'zod';
import { responseJsonSchema, route } from './route';

describe('responseJsonSchema', () => {
  const entry = route({
    method: 'GET',
    path: '/api/v1/example',
    service: 'plans',
    access: 'public',
    summary: 'Ví dụ / Example',
    response: z.object({ region: z.enum(['north', 'south']).nullable() }),
  });
  const validate = new Ajv({ strict: false }).compile(responseJsonSchema(entry)!);

  it('lets a nullable enum be null, as OpenAPI 3.0 reads an enum (null must be listed)', () => {
    expect(validate({ region: null })).toBe(true);
  });

  it('still holds a nullable enum to its values', () => {
    expect(validate({ region: 'north' })).toBe(true);
    expect(validate({ region: 'east' })).toBe(false);
  });
});
