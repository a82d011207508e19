import { Injectable } from '@nestjs/common';

/**
 * The instant a report step, a petition's receipt or an inspection's record happens: what "today in Việt Nam"
 * is read from. One injectable so the integration tests can put a submission at a given moment around a
 * deadline (23:59 in Hà Nội is still the day before 20 June); production reads the wall clock.
 */
@Injectable()
export class ReportClock {
  now(): Date {
    return new Date();
  }
}
