import { RuleViolationError } from '@kc/errors';
import { unitInForce, unitInForceDuring, unitsCoveredBy, type IsoDate } from '@kc/reference-data';
import {
  issueCertificate,
  parseCertificateNumber,
  type Certificate,
  type CertificateHolder,
  type CertificateNumberParts,
} from './certificate';

/** A certificate issued on paper before the platform existed, as its issuing authority records it here. */
export interface PaperCertificate {
  number: string;
  productName: string;
  holder: CertificateHolder;
  issuedOn: IsoDate;
}

const viDate = (date: IsoDate) => date.split('-').reverse().join('/');

/**
 * Reads a paper certificate into the register: its number must follow the platform's numbering (the round's
 * level, area and year read off it), it was issued by `today`, its areas existed when it was issued, and a
 * provincial or commune certificate belongs to a facility of that province (or of the unit it later went into).
 * The certificate rules themselves (issue year, validity) are `issueCertificate`'s.
 */
export function recordPaperCertificate(
  paper: PaperCertificate,
  today: IsoDate,
): { certificate: Certificate; parts: CertificateNumberParts } {
  const parts = parseCertificateNumber(paper.number);
  if (!parts) {
    throw new RuleViolationError(
      {
        vi: `Số ${paper.number} không theo mẫu số giấy chứng nhận (ví dụ QG-2023-0001, T-40-2024-0001) hoặc có số thứ tự 0000`,
        en: `${paper.number} does not follow the certificate numbering (e.g. QG-2023-0001, T-40-2024-0001) or has sequence 0000`,
      },
      'certificate.unknown-number-form',
      'number',
    );
  }
  // issueCertificate checks the date's form; compare only a real one.
  const certificate = issueCertificate({ ...paper, ...parts });
  if (paper.issuedOn > today) {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận đã cấp không thể mang ngày cấp ${viDate(paper.issuedOn)}, sau ngày hôm nay`,
        en: `A certificate already issued cannot be dated ${paper.issuedOn}, after today`,
      },
      'certificate.issued-in-future',
      'issuedOn',
    );
  }
  const { scope, roundYear } = parts;
  if (scope.level === 'provincial' || scope.level === 'commune') {
    if (!unitInForceDuring(scope.provinceCode, roundYear)) {
      throw new RuleViolationError(
        {
          vi: `Số ${paper.number} ghi đơn vị cấp tỉnh ${scope.provinceCode}, không tồn tại trong năm ${roundYear}`,
          en: `${paper.number} names provincial unit ${scope.provinceCode}, which did not exist in ${roundYear}`,
        },
        'certificate.unknown-province',
        'number',
      );
    }
  }
  if (!unitInForce(paper.holder.provinceCode, paper.issuedOn)) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${paper.holder.provinceCode} của cơ sở không tồn tại vào ngày cấp ${viDate(paper.issuedOn)}`,
        en: `The holder's provincial unit ${paper.holder.provinceCode} did not exist on the issue date ${paper.issuedOn}`,
      },
      'certificate.unknown-province',
      'holder.provinceCode',
    );
  }
  if (
    (scope.level === 'provincial' || scope.level === 'commune') &&
    !unitsCoveredBy(paper.holder.provinceCode).includes(scope.provinceCode)
  ) {
    throw new RuleViolationError(
      {
        vi: `Giấy chứng nhận ${paper.number} do tỉnh ${scope.provinceCode} cấp chỉ cho cơ sở của tỉnh đó; cơ sở này thuộc tỉnh ${paper.holder.provinceCode}`,
        en: `Certificate ${paper.number} of unit ${scope.provinceCode} goes only to a facility of that unit; this holder is in unit ${paper.holder.provinceCode}`,
      },
      'certificate.holder-outside-area',
      'holder.provinceCode',
    );
  }
  return { certificate, parts };
}
