import { Controller } from '@nestjs/common';
import { currentPrincipal } from '@kc/auth';
import { awardComplaintRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ComplaintsService } from '../../application/complaints.service';

@Controller()
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Route(routes.file)
  file(@Input() { params, body }: RouteInput<typeof routes.file>): RouteAnswer<typeof routes.file> {
    return this.complaints.file(currentPrincipal(), params.id, body);
  }

  @Route(routes.list)
  list(@Input() { params, query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.complaints.list(currentPrincipal(), params.id, query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.complaints.get(currentPrincipal(), params.id, params.complaintId);
  }

  @Route(routes.answer)
  answer(@Input() { params, body }: RouteInput<typeof routes.answer>): RouteAnswer<typeof routes.answer> {
    return this.complaints.answer(currentPrincipal(), params.id, params.complaintId, body);
  }
}
