import {
  answerComplaintRequest,
  complaintParams,
  complaintView,
  fileComplaintRequest,
  listComplaintsQuery,
} from '../http/award-complaints';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/**
 * Who takes part in complaints: the facility (a business user, for its own tax code), its province and the
 * agency. The service narrows what each sees: a facility its own, a province its province's, the council all.
 */
const COMPLAINT_PARTIES = [...ROLE_GROUPS.staff, 'business'] as const;

/** Complaints about an award round's results (khiếu nại kết quả bình chọn). */
export const awardComplaintRoutes = routeGroup('Khiếu nại kết quả bình chọn / Award complaints', {
  file: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/complaints',
    service: 'awards',
    access: { roles: COMPLAINT_PARTIES, scope: 'awards:write' },
    summary: 'Gửi khiếu nại về kết quả bình chọn / File a complaint about a round’s results',
    description:
      'Within 15 working days after the announcement (the 15th included), on the working-day calendar with ' +
      'Vietnamese public holidays; the council answers within 10 working days after receipt.',
    params: idParams,
    body: fileComplaintRequest,
    status: 201,
    response: complaintView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/complaints',
    service: 'awards',
    access: { roles: COMPLAINT_PARTIES, scope: 'awards:read' },
    summary: 'Danh sách khiếu nại của đợt bình chọn / List a round’s complaints',
    description:
      'The council (the round’s authority) sees every complaint with its overdue flag; a province officer ' +
      'the complaints of their province; a facility its own.',
    params: idParams,
    query: listComplaintsQuery,
    response: pageOf(complaintView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/complaints/:complaintId',
    service: 'awards',
    access: { roles: COMPLAINT_PARTIES, scope: 'awards:read' },
    summary: 'Chi tiết khiếu nại / Get a complaint',
    params: complaintParams,
    response: complaintView,
  }),
  answer: route({
    method: 'PUT',
    path: '/api/v1/award-rounds/:id/complaints/:complaintId/answer',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Trả lời khiếu nại / Answer a complaint',
    description:
      'By the round’s authority: the agency for regional and national rounds, the province for its own ' +
      'rounds. An answer after the 10th working day is recorded and marked late.',
    params: complaintParams,
    body: answerComplaintRequest,
    response: complaintView,
  }),
});
