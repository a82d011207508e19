import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@kc/auth';
import { buildAsyncApi, renderAsyncApiPage } from '@kc/contracts';

const JSON_PATH = '/api/asyncapi.json';

/**
 * The AsyncAPI document of every topic, beside the OpenAPI document: generated from the same contracts as the
 * checked-in libs/contracts/asyncapi.json (a contract test keeps the two equal), built once per process.
 */
@ApiExcludeController()
@Controller('api')
export class EventDocsController {
  private readonly document = buildAsyncApi();
  private readonly page = renderAsyncApiPage(this.document, { json: JSON_PATH, openApi: '/api/docs' });

  @Get('asyncapi.json')
  @Public()
  json() {
    return this.document;
  }

  @Get('asyncapi')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  html() {
    return this.page;
  }
}
