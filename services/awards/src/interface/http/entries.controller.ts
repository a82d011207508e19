import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { awardEntryRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route, sendStoredFile } from '@kc/http';
import { DossierFilesService } from '../../application/dossier-files.service';
import { EntriesService } from '../../application/entries.service';

@Controller()
export class EntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly dossier: DossierFilesService,
  ) {}

  @Route(routes.submit)
  submit(@Input() { params, body }: RouteInput<typeof routes.submit>): RouteAnswer<typeof routes.submit> {
    return this.entries.submit(currentPrincipal(), params.id, body);
  }

  @Route(routes.list)
  list(@Input() { params, query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.entries.list(currentPrincipal(), params.id, query);
  }

  @Route(routes.putDossierContent)
  putDossierContent(
    @Input() { params, body }: RouteInput<typeof routes.putDossierContent>,
  ): RouteAnswer<typeof routes.putDossierContent> {
    return this.dossier.putContent(currentPrincipal(), params.id, params.entryId, params.position, body);
  }

  /** The stored bytes; their SHA-256 (checked at upload) is the ETag. Private: who may read it is checked. */
  @Route(routes.dossierFile)
  async dossierFile(
    @Input() { params }: RouteInput<typeof routes.dossierFile>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.dossier.download(currentPrincipal(), params.id, params.entryId, params.position);
    sendStoredFile(res, file, ifNoneMatch);
  }

  @Route(routes.shortlist)
  shortlist(
    @Input() { params, body }: RouteInput<typeof routes.shortlist>,
  ): RouteAnswer<typeof routes.shortlist> {
    return this.entries.shortlist(currentPrincipal(), params.id, params.provinceCode, body);
  }
}
