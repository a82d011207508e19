import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

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
    const problem: Problem = {
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: 415,
      detail: `The request body must be application/json${formPaths.includes(req.path) ? ' or a form' : ''}.`,
      instance: req.originalUrl,
      errors: [
        {
          field: 'header.content-type',
          rule: 'unsupported_media_type',
          message: `${req.headers['content-type'] ?? 'no content type'} is not accepted`,
        },
      ],
    };
    res.status(415).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}

/** What the HTTP server answers to a request it cannot even parse (no route, no Nest, no filter sees it). */
export function clientErrorProblem(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        type: problemType('headers-too-large'),
        title: 'Request header fields too large',
        status: 431,
        detail: 'The request line and headers are larger than the server accepts (16 KiB).',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        type: problemType('request-timeout'),
        title: 'Request timeout',
        status: 408,
        detail: 'The request did not arrive in time.',
      };
    default:
      return {
        type: problemType('malformed-request'),
        title: 'Invalid request',
        status: 400,
        detail: 'The request is not valid HTTP (request line, header or body framing).',
      };
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
