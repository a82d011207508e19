import type { RecordedCertificate } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';

/** Today in Việt Nam, as the service reads it: certificates recorded "now" stay valid whenever the suite runs. */
export const TODAY = vietnamDate(new Date());
export const THIS_YEAR = Number(TODAY.slice(0, 4));

/** A facility of Nghệ An (40) unless told. */
export const holder = (
  overrides: Partial<RecordedCertificate['holder']> = {},
): RecordedCertificate['holder'] => ({
  facilityName: 'Hợp tác xã Gốm sứ Phú Gia',
  taxCode: '2900123456',
  provinceCode: '40',
  ...overrides,
});

/** A paper certificate as its issuing authority records it: Nghệ An's provincial round of this year unless told. */
export const paperCertificate = (overrides: Partial<RecordedCertificate> = {}): RecordedCertificate => ({
  number: `T-40-${THIS_YEAR}-0001`,
  productGroup: 'handicraft',
  productName: 'Bộ ấm chén gốm men lam vẽ tay',
  holder: holder(),
  issuedOn: TODAY,
  ...overrides,
});
