import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { buildOpenApi, ROUTE_TABLE } from '@kc/contracts';
import { createServiceApp, PROBLEM_CONTENT_TYPE, type Problem } from '@kc/http';
import { AddressAdmission } from '../../application/identity/address-admission';
import { TooManyRequestsError } from '../../application/too-many-requests';
import { GatewayModule } from '../../app.module';
import type { GatewayConfig } from '../../config/gateway.config';
import { notTheApp, webApp } from './web-app';

/** Express `trust proxy` from TRUST_PROXY: off unless a proxy in front is named (hops or addresses). */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The gateway is the edge: X-Forwarded-For is replaced by the one client address it trusts, so a caller
 * cannot pick its own address for the rate limits, the lockout or the audit trail.
 */
function clientAddress(req: Request, _res: Response, next: NextFunction): void {
  req.headers['x-forwarded-for'] = (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  next();
}

function limitPerAddress(admission: AddressAdmission) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/health') return next();
    admission.admit(String(req.headers['x-forwarded-for'])).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof TooManyRequestsError)) return next(error);
        res
          .status(429)
          .setHeader('retry-after', String(error.retryAfterSeconds))
          .type(PROBLEM_CONTENT_TYPE)
          .send(JSON.stringify({ ...(error.getResponse() as Problem), instance: req.originalUrl }));
      },
    );
  };
}

/**
 * Security headers: no content at all for API answers; Swagger UI and the web app get their own scripts, styles
 * and images (ECharts and React set inline styles; nothing runs inline script).
 */
function securityHeaders() {
  const api = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  const docs = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        // The demo serves plain HTTP: upgrading the UI's own script URLs to https would break it.
        upgradeInsecureRequests: null,
      },
    },
  });
  const app = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : notTheApp(req.path) ? api : app)(req, res, next);
}

/**
 * The gateway app as main.ts runs it and the integration tests boot it: the service app of @kc/http (JSON
 * body limit, problem+json, event consumer for the audit trail) plus the edge: client address, per-address
 * rate limit, security headers, CORS allow-list, form bodies for the token endpoint, OpenAPI with security.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  module: DynamicModule = GatewayModule.forRoot(config),
): Promise<NestExpressApplication> {
  const app = await createServiceApp(module, {
    service: 'gateway',
    port: config.PORT,
    host: config.HOST,
    brokers: config.KAFKA_BROKERS,
    consumesEvents: true,
    // OAuth2 clients send the client-credentials grant as a form.
    formPaths: ['/api/v1/auth/token'],
    // Before the body is read: the body parser's refusals get the headers and count against the address.
    edge: (edge) => {
      edge.set('trust proxy', trustProxy(config.TRUST_PROXY));
      edge.use(clientAddress);
      // The browser session's cookies (HttpOnly, SameSite=Strict): the credential exchange reads them.
      edge.use(cookieParser());
      edge.use(securityHeaders());
      edge.use(limitPerAddress(edge.get(AddressAdmission)));
      const app = webApp(config.WEB_APP_DIR);
      if (app) edge.use(app);
    },
  });
  app.enableCors({
    // An allow-list (possibly empty) rather than `false`: a preflight from any other origin then gets the
    // protocol's answer (204 without Access-Control-Allow-Origin) instead of falling through to a 404.
    origin: config.CORS_ORIGINS,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-api-key', 'x-correlation-id'],
    exposedHeaders: ['x-correlation-id', 'idempotent-replayed', 'location', 'retry-after'],
    maxAge: 600,
  });
  // The document is the route table's (buildOpenApi): every route the gateway mounts, and nothing else.
  const document = buildOpenApi(ROUTE_TABLE) as unknown as OpenAPIObject;
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
