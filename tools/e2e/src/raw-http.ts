import http from 'node:http';

/**
 * One HTTP exchange with exactly the bytes given: unlike fetch, the request target is not normalised (`..`
 * stays `..`, broken percent-encoding stays broken) and any Latin-1 header value goes out as it is.
 */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawReply {
  status: number;
  contentType: string;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function sendRaw(base: string, request: RawRequest, timeoutMs = 30_000): Promise<RawReply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(request.body === undefined ? {} : { 'content-length': Buffer.byteLength(request.body) }),
        },
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        // A server-sent event stream never ends: its status and type are the answer.
        if (contentType.startsWith('text/event-stream')) {
          resolve({ status: res.statusCode ?? 0, contentType, body: '' });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // The server may answer (413) and close before it has read a body it refuses: the answer counts.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    req.on('close', () => reject(new Error('connection closed without an answer')));
    req.end(request.body);
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
