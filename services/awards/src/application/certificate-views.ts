import {
  awardCertificateStatusLabels,
  awardProductGroupLabels,
  type AwardCertificateView,
} from '@kc/contracts';
import { unitInForce, type IsoDate } from '@kc/reference-data';
import {
  certificateStatusAt,
  scopeLevelLabel,
  type AwardScope,
  type Certificate,
} from '../domain/certificate';
import type { PrintedCertificate } from '../infrastructure/certificate-pdf/certificate-pdf';
import type { CertificateEntity } from '../infrastructure/persistence/certificate.entity';

/** Where anyone checks a certificate: the web app's page, which the printed QR code opens. */
export const verificationUrl = (publicBaseUrl: string, number: string): string =>
  `${publicBaseUrl}/verify/${encodeURIComponent(number)}`;

/** The round's level and area as the row keeps them in columns. */
export function scopeOf(row: CertificateEntity): AwardScope {
  switch (row.level) {
    case 'national':
      return { level: 'national' };
    case 'regional':
      return { level: 'regional', regionCode: row.regionCode! };
    case 'provincial':
      return { level: 'provincial', provinceCode: row.provinceCode! };
    case 'commune':
      return { level: 'commune', provinceCode: row.provinceCode!, localUnitCode: row.localUnitCode! };
  }
}

/** The scope's columns (the CHECKs of the table keep them consistent with the level). */
export const scopeColumns = (scope: AwardScope) => ({
  level: scope.level,
  regionCode: scope.level === 'regional' ? scope.regionCode : null,
  provinceCode: scope.level === 'provincial' || scope.level === 'commune' ? scope.provinceCode : null,
  localUnitCode: scope.level === 'commune' ? scope.localUnitCode : null,
});

export const toCertificate = (row: CertificateEntity): Certificate => ({
  number: row.number,
  scope: scopeOf(row),
  roundYear: row.roundYear,
  productName: row.productName,
  holder: { facilityName: row.holderName, taxCode: row.holderTaxCode, provinceCode: row.holderProvinceCode },
  issuedOn: row.issuedOn,
  validUntil: row.validUntil,
  withdrawal:
    row.withdrawnOn && row.withdrawalReason ? { on: row.withdrawnOn, reason: row.withdrawalReason } : null,
});

/** The staff view: everything on record and the standing on `today`. */
export function certificateView(
  row: CertificateEntity,
  today: IsoDate,
  publicBaseUrl: string,
): AwardCertificateView {
  const scope = scopeOf(row);
  const status = certificateStatusAt(toCertificate(row), today);
  return {
    id: row.id,
    number: row.number,
    roundId: row.roundId,
    level: row.level,
    levelLabel: scopeLevelLabel(scope),
    regionCode: row.regionCode,
    provinceCode: row.provinceCode,
    localUnitCode: row.localUnitCode,
    roundYear: row.roundYear,
    productGroup: row.productGroup,
    productGroupLabel: awardProductGroupLabels[row.productGroup],
    productName: row.productName,
    holder: {
      facilityName: row.holderName,
      taxCode: row.holderTaxCode,
      provinceCode: row.holderProvinceCode,
    },
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    status,
    statusLabel: awardCertificateStatusLabels[status],
    withdrawnOn: row.withdrawnOn,
    withdrawalReason: row.withdrawalReason,
    verificationUrl: verificationUrl(publicBaseUrl, row.number),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * What the printed certificate shows: its record as it stands (a withdrawal whatever its date, since the print
 * outlives the day it is made), never the tax code.
 */
export const printedCertificate = (row: CertificateEntity, publicBaseUrl: string): PrintedCertificate => ({
  number: row.number,
  levelLabel: scopeLevelLabel(scopeOf(row)),
  roundYear: row.roundYear,
  productName: row.productName,
  productGroupLabel: awardProductGroupLabels[row.productGroup],
  holderName: row.holderName,
  holderProvinceName: unitInForce(row.holderProvinceCode, row.issuedOn)?.fullNameVi ?? row.holderProvinceCode,
  issuedOn: row.issuedOn,
  validUntil: row.validUntil,
  verificationUrl: verificationUrl(publicBaseUrl, row.number),
  withdrawal:
    row.withdrawnOn && row.withdrawalReason ? { on: row.withdrawnOn, reason: row.withdrawalReason } : null,
});
