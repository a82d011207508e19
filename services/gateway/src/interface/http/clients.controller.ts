import { Controller } from '@nestjs/common';
import { clientRoutes as routes, type RegisteredClient, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClientsService } from '../../application/identity/clients.service';
import { documented } from './route-table.controller';

@Controller()
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Route(routes.register)
  @documented(routes.register)
  register(@Input() { body }: RouteInput<typeof routes.register>): Promise<RegisteredClient> {
    return this.clients.register(body);
  }

  @Route(routes.list)
  @documented(routes.list)
  list() {
    return this.clients.list();
  }

  @Route(routes.revoke)
  @documented(routes.revoke)
  revoke(@Input() { params }: RouteInput<typeof routes.revoke>) {
    return this.clients.revoke(params.id);
  }
}
