import { Injectable } from '@nestjs/common';
import type { ConferenceQuery, ConferenceReport } from '@kc/contracts';
import type { RegionCode } from '@kc/reference-data';
import { ConferenceQueries } from '../infrastructure/persistence/conference.queries';
import { Clock } from './clock';
import { conferenceReport } from './conference-report';

@Injectable()
export class ConferenceService {
  constructor(
    private readonly queries: ConferenceQueries,
    private readonly clock: Clock,
  ) {}

  national(query: ConferenceQuery): Promise<ConferenceReport> {
    return this.report(null, query);
  }

  regional(region: RegionCode, query: ConferenceQuery): Promise<ConferenceReport> {
    return this.report(region, query);
  }

  private async report(region: RegionCode | null, query: ConferenceQuery): Promise<ConferenceReport> {
    const now = this.clock.now();
    const facts = await this.queries.factsOf(query.year, undefined, query.clusterPeriod);
    return conferenceReport(facts, { region, year: query.year, grouping: query.grouping, now });
  }
}
