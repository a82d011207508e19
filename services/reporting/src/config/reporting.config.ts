import { z } from 'zod';
import { loadConfigOrExit, serviceEnvSchema, variableWithDefault, type ServiceEnv } from '@kc/config';

export const reportingEnvSchema = serviceEnvSchema.extend({
  /**
   * How often the periodic-report scheduler records the reminders and overdue notices due (each once, by its
   * key, whatever the number of instances). 0 turns it off (tests run it when they mean to).
   */
  PERIODIC_REPORT_REMINDER_POLL_MS: variableWithDefault(
    z.coerce.number().int().min(0).max(86_400_000),
    600_000,
  ),
  /** How often the webhook worker looks for deliveries due. 0 turns it off. */
  WEBHOOK_DELIVERY_POLL_MS: variableWithDefault(z.coerce.number().int().min(0).max(3_600_000), 5_000),
  /**
   * Lets webhooks deliver over plain http to the loopback host (a receiver on this machine, in development and
   * tests). Absent: allowed outside production, refused in production; every other URL must be https.
   */
  WEBHOOK_ALLOW_HTTP_LOOPBACK: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** The periodic-report timers are optional in the type: a harness booting with the bare service schema has them off. */
export type ReportingConfig = ServiceEnv &
  Partial<
    Pick<
      z.infer<typeof reportingEnvSchema>,
      'PERIODIC_REPORT_REMINDER_POLL_MS' | 'WEBHOOK_DELIVERY_POLL_MS' | 'WEBHOOK_ALLOW_HTTP_LOOPBACK'
    >
  >;
export const loadReportingConfig = (): ReportingConfig => loadConfigOrExit(reportingEnvSchema);
