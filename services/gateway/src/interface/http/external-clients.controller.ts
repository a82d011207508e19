import { Controller } from '@nestjs/common';
import { clientRoutes as routes, type ExternalClientView, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ExternalClientsService } from '../../application/identity/external-clients.service';
import { documented } from './route-table.controller';

@Controller()
export class ExternalClientsController {
  constructor(private readonly clients: ExternalClientsService) {}

  @Route(routes.registerExternal)
  @documented(routes.registerExternal)
  register(@Input() { body }: RouteInput<typeof routes.registerExternal>): Promise<ExternalClientView> {
    return this.clients.register(body);
  }

  @Route(routes.listExternal)
  @documented(routes.listExternal)
  list() {
    return this.clients.list();
  }

  @Route(routes.revokeExternal)
  @documented(routes.revokeExternal)
  revoke(@Input() { params }: RouteInput<typeof routes.revokeExternal>) {
    return this.clients.revoke(params.id);
  }
}
