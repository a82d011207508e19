import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { periodicReportRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route, sendStoredFile } from '@kc/http';
import { ReportFilesService } from '../../application/periodic-reports/report-files.service';

/** Internal HTTP for the gateway: the files of a periodic report's attachments, uploaded in pieces and read back. */
@Controller()
export class PeriodicReportAttachmentsController {
  constructor(private readonly files: ReportFilesService) {}

  @Route(routes.putAttachmentContent)
  putContent(
    @Input() { params, body }: RouteInput<typeof routes.putAttachmentContent>,
  ): RouteAnswer<typeof routes.putAttachmentContent> {
    return this.files.putPiece(currentPrincipal(), params.id, params.sha256, body);
  }

  /** The stored bytes; their SHA-256 (checked at upload) is the ETag. Private: who may read it is checked. */
  @Route(routes.attachmentFile)
  async file(
    @Input() { params }: RouteInput<typeof routes.attachmentFile>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendStoredFile(res, await this.files.download(currentPrincipal(), params.id, params.sha256), ifNoneMatch);
  }
}
