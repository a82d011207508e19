import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { awardCertificateRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { CertificatesService } from '../../application/certificates.service';

@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Route(routes.record)
  record(@Input() { body }: RouteInput<typeof routes.record>): RouteAnswer<typeof routes.record> {
    return this.certificates.record(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.certificates.list(currentPrincipal(), query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.certificates.get(currentPrincipal(), params.number);
  }

  @Route(routes.withdraw)
  withdraw(
    @Input() { params, body }: RouteInput<typeof routes.withdraw>,
  ): RouteAnswer<typeof routes.withdraw> {
    return this.certificates.withdraw(currentPrincipal(), params.number, body);
  }

  @Route(routes.verify)
  verify(@Input() { params, query }: RouteInput<typeof routes.verify>): RouteAnswer<typeof routes.verify> {
    return this.certificates.verify(params.number, query.asOf);
  }

  /** Shown in the browser (inline); not cached, since a withdrawal changes what it prints. */
  @Route(routes.pdf)
  async pdf(@Input() { params }: RouteInput<typeof routes.pdf>, @Res() res: Response): Promise<void> {
    const file = await this.certificates.pdf(currentPrincipal(), params.number);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `inline; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'private, no-cache');
    res.send(file.content);
  }
}
