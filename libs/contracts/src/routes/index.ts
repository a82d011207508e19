import { programmeRoutes } from './programmes.routes';
import type { RouteDefinition } from './route';

export * from './route';
export { programmeRoutes } from './programmes.routes';

/** Every route declared in the table, for the gateway to mount and document. */
export const ROUTE_TABLE: readonly RouteDefinition[] = [...Object.values(programmeRoutes)];
