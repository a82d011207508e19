import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { currentContext } from './request-context';

export interface LoggingOptions {
  service: string;
  level: string;
}

/**
 * The access log is the edge's: the gateway writes a line per request (with its correlation id, which every
 * service's lines carry too); a service behind it writes the requests that failed, the others only at debug.
 */
const accessLevel =
  (service: string) =>
  (_req: IncomingMessage, res: ServerResponse, error?: Error): pino.Level =>
    error || res.statusCode >= 500
      ? 'error'
      : res.statusCode >= 400 || service === 'gateway'
        ? 'info'
        : 'debug';

/**
 * JSON logs (pino) where every line carries the service name and the current correlation id. Lines are written
 * asynchronously: those that come while a write is under way go out together in the next (a write per line cost
 * each request a system call), and an idle service writes at once; pino flushes what is left on exit.
 */
@Module({})
export class ObservabilityModule {
  static forService(options: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: options.level,
              customLogLevel: accessLevel(options.service),
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
            pino.destination({ dest: 1, sync: false }),
          ],
        }),
      ],
    };
  }
}
