import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom } from '@kc/observability';
import { fieldError, PROBLEM_CONTENT_TYPE, problemOf, type Problem } from './problem';

/**
 * A body no parser reads would reach the validation as "no body": a route whose fields are all optional would
 * then act on a request it never read. Refuse it instead (415), naming the header at fault.
 */
export function refuseUnreadableBodies(formPaths: readonly string[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    const length = req.headers['content-length'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody || req.is('application/json')) return next();
    if (formPaths.includes(req.path) && req.is('application/x-www-form-urlencoded')) return next();
    const form = formPaths.includes(req.path);
    const problem: Problem = {
      ...problemOf({
        status: 415,
        code: 'request.unsupported-media-type',
        slug: 'unsupported-media-type',
        messages: {
          vi: `Nội dung yêu cầu phải là application/json${form ? ' hoặc biểu mẫu' : ''}.`,
          en: `The request body must be application/json${form ? ' or a form' : ''}.`,
        },
        errors: [
          fieldError('header.content-type', 'unsupported_media_type', {
            vi: `${req.headers['content-type'] ?? 'không có kiểu nội dung'} không được chấp nhận`,
            en: `${req.headers['content-type'] ?? 'no content type'} is not accepted`,
          }),
        ],
      }),
      instance: req.originalUrl,
    };
    res.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}

/** What the HTTP server answers to a request it cannot even parse (no route, no Nest, no filter sees it). */
export function clientErrorProblem(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return problemOf({
        status: 431,
        code: 'request.headers-too-large',
        slug: 'headers-too-large',
        messages: {
          vi: 'Dòng yêu cầu và phần đầu lớn hơn mức máy chủ chấp nhận (16 KiB).',
          en: 'The request line and headers are larger than the server accepts (16 KiB).',
        },
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problemOf({
        status: 408,
        code: 'request.timeout',
        slug: 'request-timeout',
        messages: { vi: 'Yêu cầu không đến kịp thời hạn.', en: 'The request did not arrive in time.' },
      });
    default:
      return problemOf({
        status: 400,
        code: 'request.malformed',
        slug: 'malformed-request',
        messages: {
          vi: 'Yêu cầu không phải HTTP hợp lệ (dòng yêu cầu, phần đầu hoặc cách chia nội dung).',
          en: 'The request is not valid HTTP (request line, header or body framing).',
        },
      });
  }
}

/**
 * Node answers unparsable requests itself with an empty 400 or 431; answer them as problem+json like every
 * other error, then close the connection (its framing cannot be trusted).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || started?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = clientErrorProblem(error.code);
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Gives every request its correlation id before anything can answer it (the body parser's refusals, a rate
 * limit), echoed in the response. The id is written back into the request header, so the request context
 * opened later (CorrelationMiddleware, after the body is read) carries the same one.
 */
export function assignCorrelationId(req: Request, res: Response, next: NextFunction): void {
  const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
  req.headers[CORRELATION_HEADER] = correlationId;
  res.setHeader(CORRELATION_HEADER, correlationId);
  next();
}
