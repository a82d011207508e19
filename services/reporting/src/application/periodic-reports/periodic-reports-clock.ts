import { Injectable } from '@nestjs/common';

/**
 * The time of the periodic reports: the receipt instant of a submission, the scheduler's "today", the webhook
 * worker's "now". Tests replace `now` to stand on a deadline's boundary or walk a retry schedule without sleeping.
 */
@Injectable()
export class PeriodicReportsClock {
  now(): Date {
    return new Date();
  }
}
