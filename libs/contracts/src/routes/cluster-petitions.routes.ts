import {
  answerPetitionRequest,
  closePetitionRequest,
  completeActionRequest,
  filePetitionRequest,
  inspectionActionParams,
  inspectionView,
  listInspectionsQuery,
  listPetitionsQuery,
  petitionView,
  recordInspectionRequest,
} from '../http/cluster-petitions';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

const PETITIONERS = [...ROLE_GROUPS.staff, 'business'] as const;

/** Petitions (kiến nghị) about clusters from provinces and developers to the agency. */
export const clusterPetitionRoutes = routeGroup('Kiến nghị về cụm công nghiệp / Cluster petitions', {
  file: route({
    method: 'POST',
    path: '/api/v1/cluster-petitions',
    service: 'clusters',
    access: { roles: PETITIONERS, scope: 'clusters:write' },
    summary: 'Gửi kiến nghị / File a petition to the agency',
    description:
      'The agency answers within 15 working days after receipt (the working-day calendar with Vietnamese ' +
      'public holidays); past that an unanswered petition is overdue.',
    body: filePetitionRequest,
    status: 201,
    response: petitionView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/cluster-petitions',
    service: 'clusters',
    access: { roles: PETITIONERS, scope: 'clusters:read' },
    summary: 'Danh sách kiến nghị / List petitions (a province its own, a developer its own)',
    query: listPetitionsQuery,
    response: pageOf(petitionView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/cluster-petitions/:id',
    service: 'clusters',
    access: { roles: PETITIONERS, scope: 'clusters:read' },
    summary: 'Chi tiết kiến nghị / Get a petition',
    params: idParams,
    response: petitionView,
  }),
  start: route({
    method: 'POST',
    path: '/api/v1/cluster-petitions/:id/start',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.central, scope: 'clusters:write' },
    summary: 'Bắt đầu xử lý kiến nghị / Take a petition in hand',
    params: idParams,
    response: petitionView,
  }),
  answer: route({
    method: 'PUT',
    path: '/api/v1/cluster-petitions/:id/answer',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.central, scope: 'clusters:write' },
    summary: 'Trả lời kiến nghị / The agency’s answer (late if after the due day: recorded)',
    params: idParams,
    body: answerPetitionRequest,
    response: petitionView,
  }),
  close: route({
    method: 'POST',
    path: '/api/v1/cluster-petitions/:id/close',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.central, scope: 'clusters:write' },
    summary: 'Đóng kiến nghị / Close a petition, with a note',
    params: idParams,
    body: closePetitionRequest,
    response: petitionView,
  }),
});

const STAFF_READ = { roles: ROLE_GROUPS.staff, scope: 'clusters:read' } as const;
const STAFF_WRITE = { roles: ROLE_GROUPS.staff, scope: 'clusters:write' } as const;

/** Inspections of clusters: findings with their severity, follow-up actions with due dates. */
export const clusterInspectionRoutes = routeGroup('Kiểm tra cụm công nghiệp / Cluster inspections', {
  record: route({
    method: 'POST',
    path: '/api/v1/cluster-inspections',
    service: 'clusters',
    access: STAFF_WRITE,
    summary: 'Ghi nhận kiểm tra / Record an inspection with its findings and follow-up actions',
    body: recordInspectionRequest,
    status: 201,
    response: inspectionView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/cluster-inspections',
    service: 'clusters',
    access: STAFF_READ,
    summary: 'Danh sách kiểm tra / List inspections',
    query: listInspectionsQuery,
    response: pageOf(inspectionView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/cluster-inspections/:id',
    service: 'clusters',
    access: STAFF_READ,
    summary: 'Chi tiết kiểm tra / Get an inspection',
    params: idParams,
    response: inspectionView,
  }),
  completeAction: route({
    method: 'POST',
    path: '/api/v1/cluster-inspections/:id/actions/:actionId/complete',
    service: 'clusters',
    access: STAFF_WRITE,
    summary: 'Hoàn thành biện pháp khắc phục / Record a follow-up action as done',
    params: inspectionActionParams,
    body: completeActionRequest,
    response: inspectionView,
  }),
});
