import { z } from 'zod';
import { createProgrammeRequest, listProgrammesQuery, programmeView } from '../http/programmes';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Programmes (chương trình khuyến công): the national ones are reference data, provinces add their own. */
export const programmeRoutes = routeGroup('Chương trình khuyến công / Programmes', {
  create: route({
    method: 'POST',
    path: '/api/v1/programmes',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:write' },
    summary:
      'Tạo chương trình khuyến công địa phương / A province’s own programme (its department, or the agency)',
    body: createProgrammeRequest,
    status: 201,
    response: programmeView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/programmes',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Chương trình, nhóm nội dung và mục tiêu / Programmes with content groups and targets',
    query: listProgrammesQuery,
    response: z.array(programmeView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/programmes/:id',
    service: 'plans',
    access: { roles: ROLE_GROUPS.staff, scope: 'plans:read' },
    summary: 'Chi tiết chương trình / Get a programme',
    params: idParams,
    response: programmeView,
  }),
});
