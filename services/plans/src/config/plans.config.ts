import { z } from 'zod';
import { loadConfigOrExit, serviceEnvSchema, urlVariable } from '@kc/config';

export const plansEnvSchema = serviceEnvSchema.extend({
  /**
   * MM-DD of the year before a plan's year by which provinces send their registration reports, unless the plan
   * sets its own deadline (Circular 36/2013/TT-BCT as amended: before 20 June).
   */
  NATIONAL_REGISTRATION_DEADLINE: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD')
    .default('06-20'),
  /** The projects service, asked before a refusal based on plans' copy of a project stands. */
  PROJECTS_URL: urlVariable(['http', 'https']).optional(),
});

export type PlansConfig = z.infer<typeof plansEnvSchema>;
export const loadPlansConfig = (): PlansConfig => loadConfigOrExit(plansEnvSchema);
