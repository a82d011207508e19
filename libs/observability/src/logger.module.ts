import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { currentContext } from './request-context';

export interface LoggingOptions {
  service: string;
  level: string;
}

/** JSON logs (pino) where every line carries the service name and the current correlation id. */
@Module({})
export class ObservabilityModule {
  static forService(options: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            mixin: () => {
              const context = currentContext();
              return context ? { correlationId: context.correlationId } : {};
            },
            genReqId: (req: IncomingMessage) =>
              currentContext()?.correlationId ?? String(req.headers['x-correlation-id'] ?? ''),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
