import { RuleViolationError } from '@kc/errors';

/** A product award certificate as the awards service announced it (issued, and withdrawn if it was). */
export interface AwardCertificate {
  number: string;
  holderTaxCode: string;
  issuedOn: string;
  /** 31 December of the third year counted from the issue year (Circular 26/2014/TT-BCT), as awards set it. */
  validUntil: string;
  withdrawnOn: string | null;
}

/**
 * Whether a certificate counts for a fair opening on `fairStartDate`: issued by then, not lapsed by then, and not
 * withdrawn — a withdrawal dated on or before the opening day, or one already in force today, takes it away.
 */
export function countsAtFair(certificate: AwardCertificate, fairStartDate: string, today: string): boolean {
  const { issuedOn, validUntil, withdrawnOn } = certificate;
  const withdrawn = withdrawnOn !== null && (withdrawnOn <= fairStartDate || withdrawnOn <= today);
  return issuedOn <= fairStartDate && validUntil >= fairStartDate && !withdrawn;
}

/**
 * Award priority belongs to the facility: it holds a certificate that counts at the fair (`certificates` are
 * the facility's own, from awards' events — never what a registrant typed).
 */
export const holdsValidAward = (
  certificates: readonly AwardCertificate[],
  fairStartDate: string,
  today: string,
): boolean => certificates.some((c) => countsAtFair(c, fairStartDate, today));

/**
 * A certificate number named on a product must be one awards issued to this facility. `known` holds the
 * certificates found under the named numbers.
 */
export function assertNamedCertificatesHeld(
  products: readonly { awardCertificateNumber?: string }[],
  facilityTaxCode: string,
  known: ReadonlyMap<string, Pick<AwardCertificate, 'holderTaxCode'>>,
): void {
  products.forEach(({ awardCertificateNumber: number }, index) => {
    if (number === undefined) return;
    const field = `products.${index}.awardCertificateNumber`;
    const certificate = known.get(number);
    if (!certificate) {
      throw new RuleViolationError(
        {
          vi:
            `Không có giấy chứng nhận sản phẩm CNNT tiêu biểu số ${number}: ` +
            'chỉ ghi số giấy chứng nhận đã được cấp cho chính cơ sở đăng ký',
          en:
            `No product award certificate numbered ${number} has been issued: ` +
            'name only a certificate issued to the registering facility',
        },
        'registration.certificate-unknown',
        field,
      );
    }
    if (certificate.holderTaxCode !== facilityTaxCode) {
      // The holder of another facility's certificate is not told: its tax code is not public.
      throw new RuleViolationError(
        {
          vi:
            `Giấy chứng nhận số ${number} được cấp cho một cơ sở khác, không phải cơ sở ${facilityTaxCode}: ` +
            'chỉ ghi giấy chứng nhận của chính cơ sở đăng ký',
          en:
            `Award certificate ${number} was issued to another facility, not ${facilityTaxCode}: ` +
            "name only the registering facility's own certificate",
        },
        'registration.certificate-not-held',
        field,
      );
    }
  });
}

/**
 * The waiting requests (nothing held or allocated for them yet) whose priority the facility's certificates now
 * judge otherwise, each with its new flag: after a certificate is issued or withdrawn.
 */
export function rejudgedPriority<R extends { fairStartDate: string; awardCertified: boolean }>(
  waiting: readonly R[],
  certificates: readonly AwardCertificate[],
  today: string,
): R[] {
  return waiting.flatMap((registration) => {
    const awardCertified = holdsValidAward(certificates, registration.fairStartDate, today);
    return awardCertified === registration.awardCertified ? [] : [{ ...registration, awardCertified }];
  });
}
