import {
  assignmentView,
  awardCouncilView,
  awardEntryView,
  awardRoundView,
  declareRecusalRequest,
  dossierFileParams,
  dossierFileView,
  entryPanelView,
  entryParams,
  listAssignmentsQuery,
  listAwardEntriesQuery,
  listAwardRoundsQuery,
  nameSubstituteRequest,
  openAwardRoundRequest,
  publicationView,
  publishAwardRoundRequest,
  putDossierContentRequest,
  putScoreSheetRequest,
  putShortlistRequest,
  recusalView,
  resultVerificationView,
  scoreSheetView,
  scoringProgressView,
  setAwardCouncilRequest,
  shortlistParams,
  shortlistView,
  submitAwardEntryRequest,
} from '../http/awards';
import { listOf, pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Award rounds (bình chọn sản phẩm công nghiệp nông thôn tiêu biểu): commune, provincial, regional and national. */
export const awardRoundRoutes = routeGroup('Bình chọn sản phẩm / Award rounds', {
  open: route({
    method: 'POST',
    path: '/api/v1/award-rounds',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Mở đợt bình chọn sản phẩm CNNT tiêu biểu / Open an award round',
    body: openAwardRoundRequest,
    status: 201,
    response: awardRoundView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/award-rounds',
    service: 'awards',
    access: { roles: ROLE_GROUPS.roundReaders, scope: 'awards:read' },
    summary: 'Danh sách đợt bình chọn / List award rounds',
    description: 'A juror sees the rounds whose jury they sit on (or where they substitute for an entry).',
    query: listAwardRoundsQuery,
    response: pageOf(awardRoundView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id',
    service: 'awards',
    access: { roles: ROLE_GROUPS.roundReaders, scope: 'awards:read' },
    summary: 'Chi tiết đợt bình chọn / Get an award round: schedule, state, deadlines',
    params: idParams,
    response: awardRoundView,
  }),
  startScoring: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/start-scoring',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Kết thúc nhận hồ sơ, bắt đầu chấm điểm / Stop taking entries and start scoring',
    description:
      'By the round’s authority: the agency for regional and national rounds, the province for provincial and ' +
      'commune rounds. The council, the jury and the schedule must be set.',
    params: idParams,
    response: awardRoundView,
  }),
  close: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/close',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Kết thúc chấm điểm / Close scoring',
    description: 'Refused while any entry’s panel is even or too small, or a panel member has not scored it.',
    params: idParams,
    response: awardRoundView,
  }),
  publish: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/publish',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Công bố kết quả / Publish the results and issue the certificates (in the background)',
    description:
      'Answers 202 at once with the publication (Location: …/publication), which the service completes in the ' +
      'background: it derives the result document (every sheet under a pseudonym, the algorithm, the figures), ' +
      'stores its exact bytes, SHA-256 and verification report for good, sets the announcement (the day asked) ' +
      'and the complaint deadlines in working days, and issues a certificate to each passing entry, in one ' +
      'commit. Asked again while pending: the same publication. Poll GET …/publication until `published`.',
    params: idParams,
    body: publishAwardRoundRequest,
    status: 202,
    response: publicationView,
  }),
  publication: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/publication',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Tiến trình công bố kết quả / The round’s publication: pending, published or failed',
    description: '404 until publication is asked for.',
    params: idParams,
    response: publicationView,
  }),
});

/** The council, its secretary, the jury, recusals and substitutes. */
export const awardJuryRoutes = routeGroup('Hội đồng và ban giám khảo / Award councils and juries', {
  setCouncil: route({
    method: 'PUT',
    path: '/api/v1/award-rounds/:id/council',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Thành lập hội đồng, thư ký và ban giám khảo / Set the council, its secretary and the jury',
    description:
      'Council size by level: 5–7 commune, 7–9 provincial, 9–11 regional, 11–13 national; the jury is an odd ' +
      'subset of at least three. Only while the round takes entries.',
    params: idParams,
    body: setAwardCouncilRequest,
    response: awardCouncilView,
  }),
  council: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/council',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Hội đồng bình chọn của đợt / The round’s council and jury',
    params: idParams,
    response: awardCouncilView,
  }),
  panels: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/panels',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Danh sách chấm từng sản phẩm / Each entry’s panel, recusals and substitutes',
    description: 'For the council secretary and the round’s authority.',
    params: idParams,
    response: listOf(entryPanelView),
  }),
  recuse: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/entries/:entryId/recusal',
    service: 'awards',
    access: { roles: ['juror'], scope: 'awards:write' },
    summary: 'Giám khảo từ chối chấm do xung đột lợi ích / A juror recuses from an entry',
    params: entryParams,
    body: declareRecusalRequest,
    status: 201,
    response: recusalView,
  }),
  substitute: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/entries/:entryId/substitutes',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Thư ký chỉ định người chấm thay / The secretary names a substitute for an entry',
    params: entryParams,
    body: nameSubstituteRequest,
    status: 201,
    response: entryPanelView,
  }),
});

/** Entries and the lower authorities' shortlists. */
export const awardEntryRoutes = routeGroup('Sản phẩm dự thi / Award entries', {
  submit: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/entries',
    service: 'awards',
    access: { roles: ROLE_GROUPS.registrants, scope: 'awards:write' },
    summary: 'Đăng ký sản phẩm dự thi / Enter a product',
    description:
      'By the facility (its own tax code), the officer of its province or the agency, while entries are open. ' +
      'Above the commune level the product needs a valid certificate of the level below that the lower ' +
      'authority shortlisted; the round’s quota per province and group holds.',
    params: idParams,
    body: submitAwardEntryRequest,
    status: 201,
    response: awardEntryView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/entries',
    service: 'awards',
    access: { roles: ROLE_GROUPS.registrants, scope: 'awards:read' },
    summary: 'Danh sách sản phẩm dự thi / List a round’s entries',
    description: 'The agency sees all, a province officer their province’s, a facility its own. No scores.',
    params: idParams,
    query: listAwardEntriesQuery,
    response: pageOf(awardEntryView),
  }),
  putDossierContent: route({
    method: 'POST',
    path: '/api/v1/award-rounds/:id/entries/:entryId/dossier/:position/content',
    service: 'awards',
    access: { roles: ROLE_GROUPS.registrants, scope: 'awards:write' },
    summary: 'Tải lên nội dung tệp hồ sơ / Upload a dossier file’s bytes (in pieces of up to 512 KiB)',
    description:
      'By whoever may see the entry (the facility, its province, the agency) while the round takes entries. ' +
      'Each piece starts at the bytes received so far (`offset`); the first must be what the entry declared ' +
      '(PDF, JPEG or PNG, read from the bytes), no piece may go past the declared size, and the last one is ' +
      'accepted only if the SHA-256 the service computes over the whole file equals the declared one — else ' +
      'the file’s bytes are discarded (422). Stored in the awards database.',
    params: dossierFileParams,
    body: putDossierContentRequest,
    response: dossierFileView,
  }),
  dossierFile: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/entries/:entryId/dossier/:position',
    service: 'awards',
    access: { roles: [...ROLE_GROUPS.registrants, 'juror'], scope: 'awards:read' },
    summary: 'Tải về tệp hồ sơ / Download a dossier file',
    description:
      'For the facility, its province, the agency and the jurors assigned to the entry (who see the dossier, ' +
      'never who else scores it). The ETag is the file’s SHA-256.',
    params: dossierFileParams,
    kind: 'file',
    produces: ['application/pdf', 'image/jpeg', 'image/png'],
    etag: true,
  }),
  shortlist: route({
    method: 'PUT',
    path: '/api/v1/award-rounds/:id/shortlist/:provinceCode',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Danh sách đề cử của tỉnh / The certificates a province puts forward to the round',
    params: shortlistParams,
    body: putShortlistRequest,
    response: shortlistView,
  }),
});

/** Blind scoring: a juror sees the entries assigned to them and their own sheets only. */
export const awardScoringRoutes = routeGroup('Chấm điểm / Award scoring', {
  assignments: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/assignments',
    service: 'awards',
    access: { roles: ['juror'], scope: 'awards:read' },
    summary: 'Sản phẩm được giao chấm / The entries assigned to me, with my own sheets',
    params: idParams,
    query: listAssignmentsQuery,
    response: pageOf(assignmentView),
  }),
  sheet: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/entries/:entryId/sheet',
    service: 'awards',
    access: { roles: ['juror'], scope: 'awards:read' },
    summary: 'Phiếu chấm của tôi / My score sheet for an entry',
    params: entryParams,
    response: scoreSheetView,
  }),
  putSheet: route({
    method: 'PUT',
    path: '/api/v1/award-rounds/:id/entries/:entryId/sheet',
    service: 'awards',
    access: { roles: ['juror'], scope: 'awards:write' },
    summary: 'Chấm điểm sản phẩm / Score an entry (my sheet), while the round is in scoring',
    params: entryParams,
    body: putScoreSheetRequest,
    response: scoreSheetView,
  }),
  progress: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/progress',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Tiến độ chấm điểm theo giám khảo / Sheets done per juror',
    params: idParams,
    response: scoringProgressView,
  }),
});

/** The published result: public, re-derivable by anyone. */
export const awardResultRoutes = routeGroup('Kết quả bình chọn / Award results', {
  result: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/result',
    service: 'awards',
    access: 'public',
    summary: 'Kết quả đã công bố (JSON chuẩn tắc) / The published result, its exact bytes',
    description:
      'Every sheet under a pseudonym, the criteria, the algorithm and the figures, as canonical JSON; the ETag is ' +
      'the SHA-256 of the bytes. 404 until the round is published.',
    params: idParams,
    kind: 'file',
    produces: ['application/json'],
    etag: true,
  }),
  verification: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id/result/verification',
    service: 'awards',
    access: 'public',
    summary: 'Kiểm tra lại kết quả / Re-derive every figure of the published result',
    params: idParams,
    response: resultVerificationView,
  }),
});
