import {
  awardCertificateView,
  certificateNumberParams,
  certificateVerificationQuery,
  certificateVerificationView,
  listAwardCertificatesQuery,
  recordAwardCertificatesRequest,
  recordAwardCertificatesView,
  withdrawAwardCertificateRequest,
} from '../http/award-certificates';
import { pageOf } from '../http/pagination';
import { ROLE_GROUPS, route, routeGroup } from './route';

const WRITE = { roles: ROLE_GROUPS.staff, scope: 'awards:write' } as const;
const READ = { roles: ROLE_GROUPS.staff, scope: 'awards:read' } as const;

/** Award certificates: issued by the rounds, recorded from before the platform, withdrawn, verified by anyone. */
export const awardCertificateRoutes = routeGroup('Giấy chứng nhận sản phẩm / Award certificates', {
  record: route({
    method: 'POST',
    path: '/api/v1/award-certificates/records',
    service: 'awards',
    access: WRITE,
    summary:
      'Ghi nhận giấy chứng nhận cấp trước khi có hệ thống / Record certificates issued before the platform ' +
      '(one or up to 500, each once by its number; the issuing authority only)',
    description:
      'A province officer records the provincial and commune (district before 07/2025) certificates of their ' +
      "unit (and of the units merged into it); regional and national ones are the agency's. Each certificate is " +
      'checked on its own and written whole or refused with its problems; one already on record with the same ' +
      'facts is left unchanged.',
    body: recordAwardCertificatesRequest,
    response: recordAwardCertificatesView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/award-certificates',
    service: 'awards',
    access: READ,
    summary: 'Danh sách giấy chứng nhận / List award certificates (newest round first)',
    query: listAwardCertificatesQuery,
    response: pageOf(awardCertificateView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/award-certificates/:number',
    service: 'awards',
    access: READ,
    summary: 'Chi tiết giấy chứng nhận / An award certificate as on record',
    params: certificateNumberParams,
    response: awardCertificateView,
  }),
  withdraw: route({
    method: 'POST',
    path: '/api/v1/award-certificates/:number/withdrawal',
    service: 'awards',
    access: WRITE,
    summary: 'Thu hồi giấy chứng nhận / Withdraw an award certificate (the issuing authority, with a reason)',
    params: certificateNumberParams,
    body: withdrawAwardCertificateRequest,
    response: awardCertificateView,
  }),
  verify: route({
    method: 'GET',
    path: '/api/v1/award-certificates/:number/verification',
    service: 'awards',
    access: 'public',
    summary:
      'Tra cứu giấy chứng nhận / Verify an award certificate: valid, expired or withdrawn, and only what is ' +
      'printed on it',
    params: certificateNumberParams,
    query: certificateVerificationQuery,
    response: certificateVerificationView,
  }),
  pdf: route({
    method: 'GET',
    path: '/api/v1/award-certificates/:number/certificate.pdf',
    service: 'awards',
    access: { roles: [...ROLE_GROUPS.staff, 'business'], scope: 'awards:read' },
    summary:
      'Giấy chứng nhận bản in (.pdf) / The printable certificate (A4 landscape, with a QR code of its ' +
      'verification page): staff, and the holder facility',
    params: certificateNumberParams,
    kind: 'file',
    produces: ['application/pdf'],
  }),
});
