import type { Principal } from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';

/**
 * Who may do what with an API client's webhooks. The client is the caller whose token names it (`principal.id`
 * of a `client` principal); it alone subscribes and changes its subscriptions. The agency's administrators read
 * every client's subscriptions and logs and redrive given-up deliveries, but never change a client's endpoint or
 * secret. Anyone else learns nothing: another client's hooks answer 404, as if they did not exist.
 */
export const isOwner = (principal: Principal, clientId: string): boolean =>
  principal.kind === 'client' && principal.id === clientId;

const clientNotFound = () =>
  new NotFoundError(
    { vi: 'Không tìm thấy hệ thống tích hợp này', en: 'API client not found' },
    'webhook.client-not-found',
    'clientId',
  );

export const subscriptionNotFound = () =>
  new NotFoundError(
    { vi: 'Không tìm thấy webhook này', en: 'Webhook subscription not found' },
    'webhook.not-found',
    'subscriptionId',
  );

export const deliveryNotFound = () =>
  new NotFoundError(
    { vi: 'Không tìm thấy lần gửi này', en: 'Webhook delivery not found' },
    'webhook.delivery-not-found',
    'deliveryId',
  );

/** Reading subscriptions and logs, and redriving: the client itself or an administrator of the agency. */
export function assertMayRead(principal: Principal, clientId: string): void {
  if (principal.role === 'central-admin' || isOwner(principal, clientId)) return;
  throw clientNotFound();
}

/** Changing a subscription (its URL, events, pause, secret, a test event, unsubscribing): the client itself. */
export function assertOwner(principal: Principal, clientId: string): void {
  if (isOwner(principal, clientId)) return;
  if (principal.role === 'central-admin') {
    throw new ForbiddenError(
      {
        vi: 'Chỉ chính hệ thống tích hợp thay đổi webhook của mình; quản trị viên chỉ xem và gửi lại',
        en: 'Only the API client itself changes its webhooks; administrators read and redrive',
      },
      'webhook.client-only',
    );
  }
  throw clientNotFound();
}
