import { Controller, Header } from '@nestjs/common';
import { buildAsyncApi, documentRoutes as routes, renderAsyncApiPage } from '@kc/contracts';
import { Route } from '@kc/http';

/**
 * The AsyncAPI document of every topic, beside the OpenAPI document: generated from the same contracts as the
 * checked-in libs/contracts/asyncapi.json (a contract test keeps the two equal), built once per process.
 */
@Controller()
export class EventDocsController {
  private readonly document = buildAsyncApi();
  private readonly page = renderAsyncApiPage(this.document, {
    json: routes.asyncApi.path,
    openApi: '/api/docs',
  });

  @Route(routes.asyncApi)
  json() {
    return this.document;
  }

  @Route(routes.asyncApiPage)
  @Header('content-type', 'text/html; charset=utf-8')
  html() {
    return this.page;
  }
}
