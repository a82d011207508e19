import { setTimeout as sleep } from 'node:timers/promises';
import { Logger as NestLogger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from '@kc/messaging';
import type { Bilingual } from '@kc/errors';
import { answerClientErrors, assignCorrelationId, refuseUnreadableBodies } from './edge-guards';
import { PROBLEM_CONTENT_TYPE, problemOf, type Problem } from './problem';
import { ProblemFilter } from './problem.filter';

export interface BootstrapOptions {
  service: string;
  port: number;
  host: string;
  brokers?: string[];
  /** True for services with @OnEvent handlers: their Kafka consumer starts with the app. */
  consumesEvents?: boolean;
  bodyLimit?: string;
  /** Paths that also accept a form body (the OAuth2 token endpoint); every other body must be JSON. */
  formPaths?: string[];
  /**
   * The edge every request passes before its body is read (the gateway: client address, security headers,
   * per-address limit), so the body parser's refusals (400, 413, 415) pass it too.
   */
  edge?: (app: NestExpressApplication) => void;
}

/** Body-parser failures happen before Nest's filters; answer them in the same problem format. */
function bodyParserProblems(
  error: Error & { status?: number; type?: string },
  req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!error.status || error.status >= 500) return next(error);
  const [slug, code, messages]: [string, string, Bilingual] =
    error.type === 'entity.too.large'
      ? [
          'body-too-large',
          'request.too-large',
          { vi: 'Nội dung yêu cầu lớn hơn mức cho phép.', en: 'The request body is larger than allowed.' },
        ]
      : error.status === 415
        ? [
            'unsupported-media-type',
            'request.unsupported-media-type',
            {
              vi: 'Nội dung phải là JSON UTF-8, không nén.',
              en: 'The body must be UTF-8 JSON, not compressed.',
            },
          ]
        : [
            'malformed-body',
            'request.malformed-body',
            { vi: 'Nội dung yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
          ];
  const problem: Problem = {
    ...problemOf({ status: error.status, code, slug, messages }),
    instance: req.originalUrl,
  };
  res.status(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export async function createServiceApp(
  module: Type | DynamicModule,
  options: BootstrapOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(assignCorrelationId);
  options.edge?.(app);
  app.use(refuseUnreadableBodies(options.formPaths));
  app.use(json({ limit: options.bodyLimit ?? '1mb' }));
  for (const path of options.formPaths ?? []) app.use(path, urlencoded({ extended: false, limit: '16kb' }));
  app.use(bodyParserProblems);
  answerClientErrors(app.getHttpServer());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  if (options.consumesEvents) {
    app.connectMicroservice(
      {
        strategy: new KafkaEventServer({
          service: options.service,
          brokers: options.brokers ?? [],
          dataSource: app.get(DataSource),
        }),
      },
      { inheritAppConfig: true },
    );
  }
  return app;
}

/**
 * Starts the app's event consumer, and while the broker cannot be reached tries again in the background instead
 * of failing: a service answers requests while Kafka is down (trade-fairs test/kafka-outage.int-spec.ts), and its
 * events wait in Kafka meanwhile, from the group's committed offsets.
 */
function startConsumerWhenBrokerAnswers(app: NestExpressApplication, service: string): void {
  const log = new NestLogger('EventConsumer');
  void (async () => {
    for (let delayMs = 1_000; ; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await app.startAllMicroservices();
        return;
      } catch (error) {
        log.warn(
          `${service}: the event consumer could not start (${String(error)}); trying again in ${delayMs} ms`,
        );
        await sleep(delayMs);
      }
    }
  })();
}

/**
 * Creates the app, starts its HTTP listener and then its consumer (if any), and logs where it listens. HTTP
 * comes first: after a crash the consumer's group join waits until the broker expires the dead member's session
 * (up to the 30 s session timeout), and the service must not refuse requests all that time; events wait in
 * Kafka meanwhile, from the group's committed offsets.
 */
export async function bootstrapService(
  module: Type | DynamicModule,
  options: BootstrapOptions,
): Promise<NestExpressApplication> {
  const app = await createServiceApp(module, options);
  await app.listen(options.port, options.host);
  new NestLogger('Bootstrap').log(`${options.service} listening on http://${options.host}:${options.port}`);
  if (options.consumesEvents) startConsumerWhenBrokerAnswers(app, options.service);
  return app;
}
