import { ROUTE_TABLE, type RouteDefinition } from '@kc/contracts';
import { literalSegmentsFirst } from './route-table.controller';

const get = (path: string) => ({ method: 'GET', path }) as RouteDefinition;

describe('the order the gateway mounts table routes in', () => {
  it('puts a literal segment before a parameter at the same place, and keeps the rest in table order', () => {
    const mounted = [
      get('/api/v1/projects'),
      get('/api/v1/projects/:id'),
      get('/api/v1/projects/export.xlsx'),
      get('/api/v1/fairs/:id/registrations/:rid'),
      get('/api/v1/fairs/:id/registrations'),
    ].sort(literalSegmentsFirst);
    expect(mounted.map((r) => r.path)).toEqual([
      '/api/v1/projects',
      '/api/v1/projects/export.xlsx',
      '/api/v1/projects/:id',
      '/api/v1/fairs/:id/registrations/:rid',
      '/api/v1/fairs/:id/registrations',
    ]);
  });

  it('never lets a parameter route of the table shadow a literal one', () => {
    const mounted = [...ROUTE_TABLE].sort(literalSegmentsFirst);
    const shadowed = mounted.flatMap((earlier, i) =>
      mounted.slice(i + 1).flatMap((later) => {
        const [a, b] = [earlier.path.split('/'), later.path.split('/')];
        const matches =
          earlier.method === later.method &&
          a.length === b.length &&
          a.every((segment, k) => segment === b[k] || segment.startsWith(':'));
        return matches && earlier.path !== later.path
          ? [`${later.method} ${later.path} after ${earlier.path}`]
          : [];
      }),
    );
    expect(shadowed).toEqual([]);
  });
});
