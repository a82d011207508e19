import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { userRoutes as routes, type RouteInput, type UserPage, type UserView } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { UsersService } from '../../application/identity/users.service';
import { Relay } from './relay';

@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly relay: Relay,
  ) {}

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): Promise<UserPage> {
    return this.users.list(query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): Promise<UserView> {
    return this.users.get(params.id);
  }

  @Route(routes.create)
  async create(
    @Input() { body }: RouteInput<typeof routes.create>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.relay.local(req, res, async () => {
      const user = await this.users.create(body);
      return {
        status: 201,
        contentType: 'application/json; charset=utf-8',
        location: `/api/v1/users/${user.id}`,
        retryAfter: null,
        body: JSON.stringify(user),
      };
    });
  }

  @Route(routes.update)
  update(@Input() { params, body }: RouteInput<typeof routes.update>): Promise<UserView> {
    return this.users.update(params.id, body);
  }

  @Route(routes.bindFairs)
  bindFairs(@Input() { params, body }: RouteInput<typeof routes.bindFairs>): Promise<UserView> {
    return this.users.bindFairs(params.id, body.fairIds);
  }
}
