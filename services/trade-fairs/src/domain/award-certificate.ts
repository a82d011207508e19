import { RuleViolationError } from '@kc/errors';

export interface AwardCertificate {
  number: string;
  level: string;
  /** Issue year. */
  year: number;
  /** Last valid day printed on it, if given. */
  validUntil?: string;
}

/** Valid until 31 December of the third year counted from the issue year (Circular 26/2014/TT-BCT). */
export const certificateValidUntil = (certificate: AwardCertificate): string =>
  certificate.validUntil ?? `${certificate.year + 2}-12-31`;

/** A certificate cannot be issued in a year that has not begun. */
export function assertCertificatesIssued(
  products: { awardCertificate?: AwardCertificate }[],
  today: string,
): void {
  products.forEach((product, index) => {
    const certificate = product.awardCertificate;
    if (certificate && `${certificate.year}-01-01` > today) {
      throw new RuleViolationError(
        {
          vi: `Giấy chứng nhận ${certificate.number} ghi năm ${certificate.year}, một năm chưa bắt đầu`,
          en: `Award certificate ${certificate.number} is dated ${certificate.year}, a year that has not begun`,
        },
        'registration.certificate-not-issued',
        `products.${index}.awardCertificate.year`,
      );
    }
  });
}

/**
 * Priority needs a certificate valid on the fair's opening day: issued by then (its year begun) and not yet
 * lapsed.
 */
export const holdsValidAward = (
  products: { awardCertificate?: AwardCertificate }[],
  fairStartDate: string,
): boolean =>
  products.some(
    ({ awardCertificate: c }) =>
      c !== undefined && `${c.year}-01-01` <= fairStartDate && certificateValidUntil(c) >= fairStartDate,
  );
