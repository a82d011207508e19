import { z } from 'zod';
import { loadConfigOrExit, serviceEnvSchema, urlVariable } from '@kc/config';

export const projectsEnvSchema = serviceEnvSchema.extend({
  /** The plans service, asked before a refusal based on projects' copy of plans' facts stands. */
  PLANS_URL: urlVariable(['http', 'https']).optional(),
});

export type ProjectsConfig = z.infer<typeof projectsEnvSchema>;
export const loadProjectsConfig = (): ProjectsConfig => loadConfigOrExit(projectsEnvSchema);
