import { Controller } from '@nestjs/common';
import { conferenceRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ConferenceService } from '../../application/conference.service';

/** Internal HTTP: the gateway serves these paths to the public (the glossary it answers itself). */
@Controller()
export class ConferencesController {
  constructor(private readonly conferences: ConferenceService) {}

  @Route(routes.national)
  national(@Input() { query }: RouteInput<typeof routes.national>) {
    return this.conferences.national(query);
  }

  @Route(routes.regional)
  regional(@Input() { params, query }: RouteInput<typeof routes.regional>) {
    return this.conferences.regional(params.region, query);
  }
}
