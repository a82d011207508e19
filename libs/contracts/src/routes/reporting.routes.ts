import { conferenceFiguresGlossary, conferenceFiguresQuery } from '../http/conference-figures';
import {
  conferencePackPage,
  conferencePackView,
  createConferencePackRequest,
  listConferencePacksQuery,
} from '../http/conference-packs';
import { conferenceQuery, conferenceReport, regionalConferenceParams } from '../http/conferences';
import { fairFiguresView } from '../http/trade-fairs';
import { watchlistPage, watchlistQuery } from '../http/watchlist';
import { idParams, ROLE_GROUPS, route, routeGroup, XLSX_MEDIA_TYPE } from './route';

/** The conference views (hội nghị khuyến công): published figures, every role reads them. */
export const conferenceRoutes = routeGroup('Hội nghị / Conferences', {
  national: route({
    method: 'GET',
    path: '/api/v1/conferences/national',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Số liệu hội nghị khuyến công toàn quốc / National conference figures',
    description:
      "Per provincial unit (today's 34, or the units of that year with grouping=historical) and in total: " +
      'provincial plans, projects by status, projects in the plan and completed with the completion rate, ' +
      'the money of the year (VND), clusters, fairs hosted, provincial award rounds and booths; in the totals ' +
      'also the national plans, the plans of all levels and the regional and national award rounds; and the ' +
      'project figures per activity content (byContent). Every figure is defined once, with its Vietnamese ' +
      'and English label, in the glossary of the response (also GET /api/v1/conferences/figures). Beside ' +
      'them, reportedIndicators: what the provincial departments reported in their approved periodic reports ' +
      '(the annual report, else the latest approved year-to-date one), per unit, region and in total, with the ' +
      'units that have not reported listed.',
    query: conferenceQuery,
    response: conferenceReport,
    cache: 'shared',
  }),
  /** The gateway answers it from the contracts' glossary: no service holds anything of it. */
  figures: route({
    method: 'GET',
    path: '/api/v1/conferences/figures',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Định nghĩa số liệu hội nghị / What each conference figure counts',
    description: 'Key, Vietnamese and English label and definition of every figure of the conference views.',
    query: conferenceFiguresQuery,
    response: conferenceFiguresGlossary,
  }),
  regional: route({
    method: 'GET',
    path: '/api/v1/conferences/regional/:region',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Số liệu hội nghị khuyến công khu vực / Regional conference figures',
    description: "The national figures limited to one region's units (the national plan is in no region).",
    params: regionalConferenceParams,
    query: conferenceQuery,
    response: conferenceReport,
    cache: 'shared',
  }),
});

/**
 * Conference packs: a conference's figures frozen at a cut-off, with the PDF report and the Excel annex rendered
 * once from them. Published figures: everyone signed in reads them; the agency freezes them.
 */
export const conferencePackRoutes = routeGroup('Hội nghị / Conferences', {
  freeze: route({
    method: 'POST',
    path: '/api/v1/conference-packs',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.central, scope: 'reports:write' },
    summary: 'Chốt bộ số liệu hội nghị / Freeze a conference pack',
    description:
      'Reads the conference report (as GET /api/v1/conferences/national or /regional/:region serves it) at ' +
      'this moment, the cut-off, and renders from it the PDF report (charts, tables, the cut-off on every ' +
      'page) and the Excel annex (a summary sheet and one sheet per unit). The bytes of both are stored: the ' +
      'same id gives the same files whatever changes later.',
    body: createConferencePackRequest,
    status: 201,
    response: conferencePackView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/conference-packs',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Các bộ số liệu hội nghị đã chốt / Conference packs, newest first',
    query: listConferencePacksQuery,
    response: conferencePackPage,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/conference-packs/:id',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Một bộ số liệu hội nghị / A conference pack: cut-off, who froze it, its files and totals',
    params: idParams,
    response: conferencePackView,
  }),
  report: route({
    method: 'GET',
    path: '/api/v1/conference-packs/:id/report.pdf',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Báo cáo số liệu hội nghị (.pdf) / The pack’s PDF report, as rendered at freezing',
    params: idParams,
    kind: 'file',
    produces: ['application/pdf'],
    etag: true,
  }),
  annex: route({
    method: 'GET',
    path: '/api/v1/conference-packs/:id/annex.xlsx',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Phụ lục số liệu theo đơn vị (.xlsx) / The pack’s Excel annex, one sheet per unit',
    params: idParams,
    kind: 'file',
    produces: [XLSX_MEDIA_TYPE],
    etag: true,
  }),
});

/** Early warning: the projects that break a monitoring rule today. */
export const watchlistRoutes = routeGroup('Cảnh báo sớm / Watchlist', {
  list: route({
    method: 'GET',
    path: '/api/v1/watchlist',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.staff, scope: 'reports:read' },
    summary: 'Danh sách đề án cần theo dõi / Projects at risk',
    description:
      'Projects in a plan and not yet settled that break a rule today, each with its reasons (Vietnamese and ' +
      'English): a missing monthly report (due on the 25th), a late report, progress more than 20 points ' +
      "behind the schedule's elapsed share, no advance after 30 September of the plan year, the settlement " +
      'deadline (22 January of the next year) within 30 days or passed. Province officers see their own unit.',
    query: watchlistQuery,
    response: watchlistPage,
  }),
});

/** A fair's figures: reporting answers them from its booth projection, under the fairs' OpenAPI group. */
export const fairFigureRoutes = routeGroup('Hội chợ / Trade fairs', {
  get: route({
    method: 'GET',
    path: '/api/v1/fairs/:id/figures',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Số liệu hội chợ / Booths allocated and supported, support in VND, by province (reporting)',
    params: idParams,
    response: fairFiguresView,
  }),
});
