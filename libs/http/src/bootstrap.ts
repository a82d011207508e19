import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from '@kc/messaging';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';
import { ProblemFilter } from './problem.filter';

export interface BootstrapOptions {
  service: string;
  port: number;
  host: string;
  brokers?: string[];
  /** True for services with @EventPattern handlers: their Kafka consumer starts with the app. */
  consumesEvents?: boolean;
  openApi?: { title: string; description: string };
  bodyLimit?: string;
}

/** Body-parser failures happen before Nest's filters; answer them in the same problem format. */
function bodyParserProblems(
  error: Error & { status?: number; type?: string },
  req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!error.status || error.status >= 500) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res
    .status(error.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemType(tooLarge ? 'body-too-large' : 'malformed-body'),
        title: tooLarge ? 'Request too large' : 'Invalid request',
        status: error.status,
        detail: tooLarge ? 'The request body is larger than allowed.' : 'The request body is not valid JSON.',
        instance: req.originalUrl,
      }),
    );
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
  app.use(json({ limit: options.bodyLimit ?? '1mb' }));
  app.use(bodyParserProblems);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  if (options.openApi) setUpOpenApi(app, options.openApi);
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

export function setUpOpenApi(app: INestApplication, info: { title: string; description: string }): void {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
  });
}

/** Creates the app, starts its consumer (if any) and HTTP listener, and logs where it listens. */
export async function bootstrapService(
  module: Type | DynamicModule,
  options: BootstrapOptions,
): Promise<NestExpressApplication> {
  const app = await createServiceApp(module, options);
  if (options.consumesEvents) await app.startAllMicroservices();
  await app.listen(options.port, options.host);
  new NestLogger('Bootstrap').log(`${options.service} listening on http://${options.host}:${options.port}`);
  return app;
}
