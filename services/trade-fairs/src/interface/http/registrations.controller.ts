import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput, type RouteAnswer } from '@kc/contracts';
import { Input, requiredIdempotencyKey, Route } from '@kc/http';
import { RegistrationsService } from '../../application/registrations.service';

/** Why this write needs an Idempotency-Key (the service keeps it in the write's transaction). */
const KEY_NEEDED = {
  vi: 'Đăng ký cần có Idempotency-Key',
  en: 'a registration needs an Idempotency-Key',
};

@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** 201 with a hold or a waiting-list place; a re-sent key answers with the same registration. */
  @Route(routes.register)
  async register(
    @Input() { params, body }: RouteInput<typeof routes.register>,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): RouteAnswer<typeof routes.register> {
    const { view, replayed } = await this.registrations.register(
      currentPrincipal(),
      params.id,
      requiredIdempotencyKey(key, KEY_NEEDED),
      body,
    );
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    return view;
  }

  @Route(routes.registrations)
  list(
    @Input() { params, query }: RouteInput<typeof routes.registrations>,
  ): RouteAnswer<typeof routes.registrations> {
    return this.registrations.list(currentPrincipal(), params.id, query);
  }

  @Route(routes.registration)
  get(@Input() { params }: RouteInput<typeof routes.registration>): RouteAnswer<typeof routes.registration> {
    return this.registrations.get(currentPrincipal(), params.id, params.rid);
  }

  @Route(routes.confirm)
  confirm(@Input() { params }: RouteInput<typeof routes.confirm>): RouteAnswer<typeof routes.confirm> {
    return this.registrations.confirm(currentPrincipal(), params.id, params.rid);
  }

  @Route(routes.cancel)
  cancel(@Input() { params, body }: RouteInput<typeof routes.cancel>): RouteAnswer<typeof routes.cancel> {
    return this.registrations.cancel(currentPrincipal(), params.id, params.rid, body.reason);
  }
}
