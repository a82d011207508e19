import { Controller } from '@nestjs/common';
import {
  clientRoutes as routes,
  type ApiClientList,
  type ApiClientView,
  type RegisteredClient,
  type RouteInput,
} from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ClientsService } from '../../application/identity/clients.service';

@Controller()
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Route(routes.register)
  register(@Input() { body }: RouteInput<typeof routes.register>): Promise<RegisteredClient> {
    return this.clients.register(body);
  }

  @Route(routes.list)
  list(): Promise<ApiClientList> {
    return this.clients.list();
  }

  @Route(routes.revoke)
  revoke(@Input() { params }: RouteInput<typeof routes.revoke>): Promise<ApiClientView> {
    return this.clients.revoke(params.id);
  }
}
