import { z } from 'zod';
import {
  checkFundingNormRequest,
  createFundingNormRequest,
  fundingNormCheckView,
  fundingNormView,
  listFundingNormsQuery,
} from '../http/funding-norms';
import {
  assignmentDecisionView,
  createPlanRequest,
  decideAssignmentRequest,
  listPlansQuery,
  planRegistrationView,
  planView,
  registrationCoverageView,
  setCeilingRequest,
  submitRegistrationRequest,
} from '../http/plans';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Annual plans: their ceilings, the provinces' registration reports and the assignment decisions. */
export const planRoutes = routeGroup('Kế hoạch / Plans', {
  create: route({
    method: 'POST',
    path: '/api/v1/plans',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary: 'Tạo kế hoạch khuyến công năm / Create an annual plan (national or provincial)',
    body: createPlanRequest,
    status: 201,
    response: planView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/plans',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Danh sách kế hoạch / List plans',
    query: listPlansQuery,
    response: pageOf(planView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/plans/:id',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Chi tiết kế hoạch / Get a plan',
    params: idParams,
    response: planView,
  }),
  setCeiling: route({
    method: 'POST',
    path: '/api/v1/plans/:id/ceilings',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary:
      'Điều chỉnh trần ngân sách theo nguồn / Set the ceiling of one funding source (plan owner; never below what is allocated)',
    params: idParams,
    body: setCeilingRequest,
    status: 200,
    response: planView,
  }),
  register: route({
    method: 'POST',
    path: '/api/v1/plans/:id/registrations',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary:
      'Báo cáo đăng ký đề án của Sở Công Thương / Submit a province’s registration report (late ones are flagged)',
    params: idParams,
    body: submitRegistrationRequest,
    status: 201,
    response: planRegistrationView,
  }),
  listRegistrations: route({
    method: 'GET',
    path: '/api/v1/plans/:id/registrations',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Các báo cáo đăng ký của kế hoạch / A plan’s registration reports',
    params: idParams,
    response: z.array(planRegistrationView),
  }),
  registrationCoverage: route({
    method: 'GET',
    path: '/api/v1/plans/:id/registration-coverage',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary:
      'Đơn vị đã gửi / chưa gửi báo cáo đăng ký / Which units have sent their registration report (on time, late) and which not',
    params: idParams,
    response: registrationCoverageView,
  }),
  decide: route({
    method: 'POST',
    path: '/api/v1/plans/:id/decisions',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary:
      'Quyết định giao kế hoạch / Plan-assignment decision (plan owner; all or nothing, Σ allocated ≤ ceiling)',
    params: idParams,
    body: decideAssignmentRequest,
    status: 201,
    response: assignmentDecisionView,
  }),
  listDecisions: route({
    method: 'GET',
    path: '/api/v1/plans/:id/decisions',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Các quyết định giao kế hoạch / A plan’s assignment decisions',
    params: idParams,
    response: z.array(assignmentDecisionView),
  }),
});

/** Funding norms (định mức hỗ trợ): national versions by the agency, a province's own by its department. */
export const fundingNormRoutes = routeGroup('Định mức hỗ trợ / Funding norms', {
  list: route({
    method: 'GET',
    path: '/api/v1/funding-norms',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary:
      'Định mức đang có hiệu lực (quốc gia và của tỉnh) / National and a province’s funding norms in force on a date',
    query: listFundingNormsQuery,
    response: z.array(fundingNormView),
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/funding-norms',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary:
      'Ban hành phiên bản định mức mới / A new version of a funding norm (national: the agency; a province’s own: its department or the agency)',
    body: createFundingNormRequest,
    status: 201,
    response: fundingNormView,
  }),
  /** A question, not a change: answered with 200 whether or not the support is within the norm. */
  check: route({
    method: 'POST',
    path: '/api/v1/funding-norms/check',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary:
      'Kiểm tra mức hỗ trợ theo định mức / Check a support amount against the norm in force (the province’s own first)',
    body: checkFundingNormRequest,
    status: 200,
    response: fundingNormCheckView,
  }),
});
