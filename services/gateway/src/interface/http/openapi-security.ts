import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { collectRouteRules, type RouteRule } from '@kc/auth';
import { withProblemAnswers } from './openapi-problems';

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function accessNote(rule: Exclude<RouteRule['rule'], 'public' | null>): string {
  const scope = rule.scope ? ` API clients also need the scope \`${rule.scope}\`.` : '';
  return `**Quyền / Access:** ${rule.roles.join(', ')}.${scope}`;
}

/**
 * Puts each route's access rule into the document: public routes need nothing; every other route takes a
 * bearer token (the gateway's, or the configured OIDC issuer's) or an API key, and says who may call it.
 * Derived from the same route table the guard enforces, so the two cannot drift apart.
 */
export function withAccessRules(document: OpenAPIObject, routes: RouteRule[]): OpenAPIObject {
  for (const route of routes) {
    const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase() as 'get' | 'post'];
    if (!operation || route.rule === null) continue;
    if (route.rule === 'public') {
      operation.security = [];
      continue;
    }
    operation.security = [{ [BEARER_SCHEME]: [] }, { [API_KEY_SCHEME]: [] }];
    operation.description = [operation.description, accessNote(route.rule)].filter(Boolean).join('\n\n');
  }
  return document;
}

export function setUpGatewayOpenApi(
  app: INestApplication,
  info: { title: string; description: string },
): void {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token from POST /api/v1/auth/login (people) or /api/v1/auth/token (client credentials), ' +
          'or a token of the configured external OIDC issuer.',
      },
      BEARER_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'The API key of a registered API client.',
      },
      API_KEY_SCHEME,
    )
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () =>
      withProblemAnswers(
        withAccessRules(
          // Tags come from the route table (`documented`), never from a controller's class name.
          SwaggerModule.createDocument(app, config, { autoTagControllers: false }),
          collectRouteRules(app),
        ),
      ),
    { jsonDocumentUrl: 'api/docs-json' },
  );
}
