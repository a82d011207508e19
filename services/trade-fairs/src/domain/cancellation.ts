import { ConflictError } from '@kc/errors';

/**
 * A certified registration is part of the payment dossier: only the agency may cancel it (with the reason
 * every cancellation carries), which withdraws its support. The business and its province are refused, so a
 * supported booth never disappears from a certified list without the agency's decision.
 */
export function assertMayCancel(
  registration: { state: string; certified: boolean },
  cancelledByAgency: boolean,
): void {
  if (!['requested', 'held', 'allocated', 'waitlisted'].includes(registration.state)) {
    throw new ConflictError(
      {
        vi: 'Đăng ký không còn hiệu lực: không có gì để hủy',
        en: 'The registration is no longer live: nothing to cancel',
      },
      'registration.not-cancellable',
    );
  }
  if (registration.certified && !cancelledByAgency) {
    throw new ConflictError(
      {
        vi: 'Đăng ký đã được xác nhận hỗ trợ: giờ chỉ Cục được hủy',
        en: 'The registration is certified for support: only the agency may cancel it now',
      },
      'registration.certified',
    );
  }
}
