import { RuleViolationError } from '@kc/errors';

/** Whether plain http to the loopback host is allowed (development and tests: a receiver on this machine). */
export const WEBHOOK_URL_POLICY = Symbol('WEBHOOK_URL_POLICY');
export interface WebhookUrlPolicy {
  allowHttpLoopback: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where a webhook may deliver: https only — a delivery carries a province's report notices and is signed with a
 * secret the receiver holds, neither of which should cross a network in clear. Plain http is allowed only to the
 * loopback host, and only when the service is configured to allow it (`WEBHOOK_ALLOW_HTTP_LOOPBACK`, on by default
 * outside production), for a receiver on the same machine in development and tests.
 */
export function assertWebhookUrl(url: string, policy: WebhookUrlPolicy): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed?.protocol === 'https:') return;
  if (parsed?.protocol === 'http:' && LOOPBACK.has(parsed.hostname) && policy.allowHttpLoopback) return;
  throw new RuleViolationError(
    policy.allowHttpLoopback
      ? {
          vi: 'Địa chỉ webhook phải dùng https (http chỉ được dùng tới máy cục bộ: localhost, 127.0.0.1, [::1])',
          en: 'A webhook URL must use https (plain http only to the loopback host: localhost, 127.0.0.1, [::1])',
        }
      : {
          vi: 'Địa chỉ webhook phải dùng https',
          en: 'A webhook URL must use https',
        },
    'webhook.https-only',
    'url',
  );
}
