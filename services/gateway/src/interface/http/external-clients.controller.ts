import { Controller } from '@nestjs/common';
import {
  clientRoutes as routes,
  type ExternalClientList,
  type ExternalClientView,
  type RouteInput,
} from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ExternalClientsService } from '../../application/identity/external-clients.service';

@Controller()
export class ExternalClientsController {
  constructor(private readonly clients: ExternalClientsService) {}

  @Route(routes.registerExternal)
  register(@Input() { body }: RouteInput<typeof routes.registerExternal>): Promise<ExternalClientView> {
    return this.clients.register(body);
  }

  @Route(routes.listExternal)
  list(): Promise<ExternalClientList> {
    return this.clients.list();
  }

  @Route(routes.revokeExternal)
  revoke(@Input() { params }: RouteInput<typeof routes.revokeExternal>): Promise<ExternalClientView> {
    return this.clients.revoke(params.id);
  }
}
