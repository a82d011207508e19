import { z } from 'zod';
import { apiIndexView, asyncApiDocument } from '../http/api-documents';
import { auditQuery, auditRecordView } from '../http/audit';
import {
  apiClientList,
  apiClientView,
  authorizationServerMetadata,
  changePasswordRequest,
  externalClientList,
  externalClientView,
  jwksView,
  loginRequest,
  oauthTokenResponse,
  refreshRequest,
  registerClientRequest,
  registeredClient,
  registerExternalClientRequest,
  tokenRequest,
  tokenResponse,
} from '../http/auth';
import {
  browserSessionView,
  signInOptionsView,
  oidcCallbackQuery,
  oidcStartQuery,
  screenLink,
  screenParams,
  screenReport,
  screenRequest,
} from '../http/browser-session';
import { pageOf } from '../http/pagination';
import {
  activityContentsView,
  listProvincesQuery,
  noReferenceQuery,
  provinceDetailView,
  provinceParams,
  provinceQuery,
  provincesView,
  regionsQuery,
  regionsView,
} from '../http/reference';
import {
  createUserRequest,
  fairBindingsRequest,
  listUsersQuery,
  updateUserRequest,
  userPage,
  userView,
} from '../http/users';
import { principalSchema } from '../principal';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** The routes the gateway answers itself: identity, API clients, users, the audit trail, reference data. */

const NEXT_TOKEN =
  'The person’s current access token keeps its old bindings until it expires; their next token (login or ' +
  'refresh) carries the new set.';

/** The built-in identity provider and the OAuth 2.0 authorization server. */
export const identityRoutes = routeGroup('Xác thực / Authentication', {
  jwks: route({
    method: 'GET',
    path: '/api/v1/auth/jwks',
    service: 'gateway',
    access: 'public',
    summary: 'Khóa công khai ký token / Public keys that sign access tokens (JWKS)',
    description: 'Services (and anyone) verify the gateway’s ES256 access tokens with these keys, by `kid`.',
    response: jwksView,
  }),
  login: route({
    method: 'POST',
    path: '/api/v1/auth/login',
    service: 'gateway',
    access: 'public',
    summary: 'Đăng nhập / Log in (built-in identity provider)',
    description:
      'Returns a short-lived access token (ES256 JWT) and a refresh token (camelCase: a route for people; systems ' +
      'use the OAuth 2.0 token endpoint). Five wrong passwords for an account from one address within 15 minutes ' +
      'lock that account at that address for 15 minutes, and 100 from one address lock the address (except for ' +
      'accounts that logged in from it lately): further attempts get 429 `auth.locked` with Retry-After.',
    body: loginRequest,
    response: tokenResponse,
  }),
  refresh: route({
    method: 'POST',
    path: '/api/v1/auth/refresh',
    service: 'gateway',
    access: 'public',
    summary: 'Làm mới token / Refresh: a new access token and a new refresh token',
    description:
      'Each refresh token works once; presenting a used one again revokes all of that user’s sessions.',
    body: refreshRequest,
    response: tokenResponse,
  }),
  session: route({
    method: 'POST',
    path: '/api/v1/auth/session',
    service: 'gateway',
    access: 'public',
    summary: 'Đăng nhập trình duyệt / Browser sign-in: a session in HttpOnly cookies',
    description:
      'The login of the web app: the same accounts, lockout and audit as POST /api/v1/auth/login, but the access ' +
      'and refresh tokens are set as HttpOnly, SameSite=Strict cookies (`kc_access` for every path, `kc_refresh` ' +
      'for /api/v1/auth/session only) and never appear in the body. Requests carrying the access cookie are ' +
      'authenticated by it; a write authenticated by the cookie must also send the header `X-KC-Session: 1`.',
    body: loginRequest,
    response: browserSessionView,
  }),
  signInOptions: route({
    method: 'GET',
    path: '/api/v1/auth/sign-in-options',
    service: 'gateway',
    access: 'public',
    summary: 'Tùy chọn đăng nhập / What the sign-in page may offer here (demo accounts or none)',
    response: signInOptionsView,
  }),
  oidcStart: route({
    method: 'GET',
    path: '/api/v1/auth/oidc/start',
    service: 'gateway',
    access: 'public',
    summary: 'Đăng nhập qua bên cấp định danh / Browser sign-in at the external OIDC issuer (start)',
    description:
      'Sends the browser to the issuer’s sign-in page (authorization code with PKCE S256, state and nonce) and ' +
      'sets a short-lived `kc_oidc` cookie that binds the answer to this browser. `returnTo` is a path of this ' +
      'site to open afterwards. 404 `auth.oidc-not-configured` where the deployment has no issuer for browsers.',
    query: oidcStartQuery,
    whenConfigured: 'AUTH_OIDC_CLIENT_ID',
    kind: 'redirect',
    status: 302,
  }),
  oidcCallback: route({
    method: 'GET',
    path: '/api/v1/auth/oidc/callback',
    service: 'gateway',
    access: 'public',
    summary:
      'Đăng nhập qua bên cấp định danh / Browser sign-in at the external OIDC issuer (the issuer’s answer)',
    description:
      'The redirect URI registered at the issuer. The code is exchanged with its verifier, the ID token is ' +
      'verified (issuer, audience = the client, nonce, keys of AUTH_OIDC_JWKS_URL) and mapped to a person as ' +
      'bearer tokens of the issuer are; the session cookies are set as by POST /api/v1/auth/session and the ' +
      'browser goes on to `returnTo`. A refusal sends it to `/sign-in?error=<code>` (e.g. `auth.oidc-denied`, ' +
      '`auth.oidc-expired`, `auth.unknown-role`). The session is refreshed only while the issuer renews its own.',
    query: oidcCallbackQuery,
    whenConfigured: 'AUTH_OIDC_CLIENT_ID',
    kind: 'redirect',
    status: 302,
  }),
  sessionRefresh: route({
    method: 'POST',
    path: '/api/v1/auth/session/refresh',
    service: 'gateway',
    access: 'public',
    summary: 'Làm mới phiên trình duyệt / Refresh the browser session (rotates the refresh cookie)',
    description:
      'Reads the `kc_refresh` cookie (with the header `X-KC-Session: 1`), rotates it as POST /api/v1/auth/refresh ' +
      'does — a used refresh token presented again revokes every session of its user — and sets both cookies anew.',
    response: browserSessionView,
  }),
  sessionEnd: route({
    method: 'POST',
    path: '/api/v1/auth/session/end',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all },
    summary: 'Đăng xuất trình duyệt / End the browser session',
    description: 'Revokes the session’s access and refresh tokens and clears both cookies.',
    status: 204,
  }),
  token: route({
    method: 'POST',
    path: '/api/v1/auth/token',
    service: 'gateway',
    access: 'public',
    summary: 'Token cho hệ thống tích hợp / OAuth 2.0 token endpoint (client-credentials grant, RFC 6749)',
    description:
      'application/x-www-form-urlencoded (or JSON): grant_type=client_credentials and optionally scope ' +
      '(space-separated, a subset of the client’s scopes); the client authenticates with HTTP Basic or ' +
      'client_id and client_secret in the body. Answers `{access_token, token_type, expires_in, scope}`; ' +
      'refusals are RFC 6749 §5.2 `{error, error_description}` (400; 401 with WWW-Authenticate for a failed ' +
      'Basic authentication), not problem+json. Metadata: GET /.well-known/oauth-authorization-server.',
    // Its refusals are OAuth errors, not problem+json: the handler reads the form itself.
    rawBody: tokenRequest,
    consumes: ['application/x-www-form-urlencoded', 'application/json'],
    refusals: 'oauth',
    response: oauthTokenResponse,
  }),
  logout: route({
    method: 'POST',
    path: '/api/v1/auth/logout',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all },
    summary: 'Đăng xuất / Log out: revokes this access token (and the refresh token, if sent)',
    body: refreshRequest.partial(),
    status: 204,
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/v1/auth/password',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all },
    summary: 'Đổi mật khẩu / Change password (at least 12 characters); ends the other sessions',
    body: changePasswordRequest,
    status: 204,
  }),
  me: route({
    method: 'GET',
    path: '/api/v1/auth/me',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all },
    summary: 'Người đang gọi / The caller as the platform sees them (the token’s principal)',
    response: principalSchema,
  }),
  oauthMetadata: route({
    method: 'GET',
    path: '/.well-known/oauth-authorization-server',
    service: 'gateway',
    access: 'public',
    summary: 'Siêu dữ liệu OAuth / OAuth 2.0 authorization server metadata (RFC 8414)',
    description:
      '`issuer` equals the `iss` of the access tokens; the token endpoint takes the client-credentials grant.',
    response: authorizationServerMetadata,
  }),
});

/** An external client is addressed by its client id at the issuer (its `azp`), not a uuid. */
const externalClientParams = z.strictObject({
  id: registerExternalClientRequest.shape.clientId.describe('The client id (azp) at the external issuer'),
});

/** Provincial and central systems: API clients of the gateway, and clients of the external OIDC issuer. */
export const clientRoutes = routeGroup('Hệ thống tích hợp / API clients', {
  register: route({
    method: 'POST',
    path: '/api/v1/auth/clients',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:write' },
    summary: 'Đăng ký hệ thống tích hợp / Register an API client (provincial or central system)',
    description:
      'Returns the client id, its secret (client-credentials grant) and an API key (X-API-Key), shown this once. ' +
      'A province-officer client is bound to its unit; scopes must be ones its role can use.',
    body: registerClientRequest,
    status: 201,
    response: registeredClient,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/auth/clients',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:read' },
    summary: 'Danh sách hệ thống tích hợp / List API clients (never their secrets)',
    response: apiClientList,
  }),
  revoke: route({
    method: 'POST',
    path: '/api/v1/auth/clients/:id/revoke',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:write' },
    summary:
      'Thu hồi hệ thống tích hợp / Revoke an API client: its key, secret and issued tokens stop working',
    params: idParams,
    response: apiClientView,
  }),
  registerExternal: route({
    method: 'POST',
    path: '/api/v1/auth/external-clients',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:write' },
    summary: 'Cho phép ứng dụng của IdP ngoài / Admit a client of the external OIDC issuer',
    description:
      'Tokens of the external issuer are accepted only from registered clients (their `azp`, else `client_id` ' +
      'claim), each limited to its requests per minute. A person’s scopes are those of the token within the role.',
    body: registerExternalClientRequest,
    status: 201,
    response: externalClientView,
  }),
  listExternal: route({
    method: 'GET',
    path: '/api/v1/auth/external-clients',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:read' },
    summary: 'Danh sách ứng dụng của IdP ngoài / List the external issuer’s clients',
    response: externalClientList,
  }),
  revokeExternal: route({
    method: 'POST',
    path: '/api/v1/auth/external-clients/:id/revoke',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'clients:write' },
    summary: 'Thu hồi ứng dụng của IdP ngoài / Revoke an external client: its tokens are refused from now on',
    params: externalClientParams,
    response: externalClientView,
  }),
});

/** The accounts of the built-in identity provider, managed by the agency's administrators. */
export const userRoutes = routeGroup('Người dùng / Users', {
  list: route({
    method: 'GET',
    path: '/api/v1/users',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'users:read' },
    summary: 'Danh sách tài khoản / List users (never their passwords)',
    description:
      'Filters by role, provincial unit, a part of the username and disabled; ordered by username.',
    query: listUsersQuery,
    response: userPage,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/users/:id',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'users:read' },
    summary: 'Chi tiết tài khoản / Get a user',
    params: idParams,
    response: userView,
  }),
  create: route({
    method: 'POST',
    path: '/api/v1/users',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'users:write' },
    summary: 'Tạo tài khoản / Create a user of the built-in identity provider',
    description:
      'The password follows the password-change policy. A province officer names a provincial unit in force ' +
      'today; a business its facility’s tax code; fairIds (fair organisers) must exist at trade-fairs ' +
      '(422 `user.unknown-fair` naming the entry). A juror’s rounds are the juries awards seats them on ' +
      '(PUT /api/v1/award-rounds/{id}/council), not part of the account. ' +
      'A taken username is 409 `user.username-taken`.',
    body: createUserRequest,
    status: 201,
    response: userView,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/users/:id',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'users:write' },
    summary: 'Sửa tài khoản / Change a user’s role, unit or facility, or disable / re-enable it',
    description:
      'The resulting user must fit its role (as at creation; `null` removes a unit or facility). Disabling, or ' +
      'changing role, unit or facility, ends the person’s sessions at once: refresh tokens and current access ' +
      'tokens are revoked. An admin cannot disable or demote themselves (422 `user.self-lockout`).',
    params: idParams,
    body: updateUserRequest,
    response: userView,
  }),
  bindFairs: route({
    method: 'PUT',
    path: '/api/v1/users/:id/fair-bindings',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'users:write' },
    summary: 'Gắn ban tổ chức với hội chợ / Set the fairs a fair organiser runs (replaces the set)',
    description: `Only for a fair organiser; each fair must exist at trade-fairs. ${NEXT_TOKEN}`,
    params: idParams,
    body: fairBindingsRequest,
    response: userView,
  }),
});

/** The platform's audit trail, kept by the gateway from every service's audit events. */
export const auditRoutes = routeGroup('Nhật ký kiểm toán / Audit trail', {
  list: route({
    method: 'GET',
    path: '/api/v1/audit',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.admins, scope: 'audit:read' },
    summary: 'Nhật ký thay đổi / Who changed what, when and from where (newest first)',
    description:
      'Every state change of every service and of the gateway (logins, password changes, API clients). ' +
      'Filters: actor (username or client:<id>), via (the external OIDC client people acted through), provinceCode, resourceType, resourceId, action, from/to ' +
      '(ISO date-times; from inclusive, to exclusive); page/limit (limit ≤ 200). kind: `action` (default) — ' +
      'what people and API clients did; `bookkeeping` — what a service did on its own in reaction to an event ' +
      '(a projection or a copy of another service’s facts kept current; actor = that service, triggeredBy = ' +
      'the person or client whose change set it off); `all`.',
    query: auditQuery,
    response: pageOf(auditRecordView),
  }),
});

/** Served by the gateway itself: the reference data is a library, not a service. */
export const referenceRoutes = routeGroup('Danh mục / Reference data', {
  provinces: route({
    method: 'GET',
    path: '/api/v1/reference/provinces',
    service: 'gateway',
    access: 'public',
    summary: 'Đơn vị hành chính cấp tỉnh / Provincial units in force on a date',
    description: 'asOf defaults to today in Asia/Ho_Chi_Minh. Units that have ended carry successorCode.',
    query: listProvincesQuery,
    response: provincesView,
  }),
  province: route({
    method: 'GET',
    path: '/api/v1/reference/provinces/:code',
    service: 'gateway',
    access: 'public',
    summary: 'Một đơn vị hành chính cấp tỉnh / One provincial unit with its lineage',
    description:
      'The unit the code names on asOf (default: today in Asia/Ho_Chi_Minh): names with diacritics, region, ' +
      'validFrom/validTo and the units merged into it (predecessors). A code whose unit had ended by asOf ' +
      '(30 Hải Dương after 2025-06-30) answers that unit as it last stood, inForce false, with successorCode ' +
      '(31 Hải Phòng); a code that had named no unit by asOf answers 404 reference.province-not-found.',
    params: provinceParams,
    query: provinceQuery,
    response: provinceDetailView,
  }),
  regions: route({
    method: 'GET',
    path: '/api/v1/reference/regions',
    service: 'gateway',
    access: 'public',
    summary: 'Vùng khuyến công / The three regions with their units on a date',
    description:
      'asOf defaults to today in Asia/Ho_Chi_Minh; before 2025-07-01 the regions hold the 63 units.',
    query: regionsQuery,
    response: regionsView,
  }),
  activityContents: route({
    method: 'GET',
    path: '/api/v1/reference/activity-contents',
    service: 'gateway',
    access: 'public',
    summary: 'Nội dung hoạt động khuyến công / The nine activity contents',
    query: noReferenceQuery,
    response: activityContentsView,
  }),
});

/** Where to start, and the event documents (left out of the OpenAPI document, which they sit beside). */
export const documentRoutes = routeGroup('Tài liệu API / API documents', {
  index: route({
    method: 'GET',
    path: '/api',
    service: 'gateway',
    access: 'public',
    summary: 'Điểm bắt đầu / Where to start: links to the documents, login, reference data',
    response: apiIndexView,
  }),
  asyncApiPage: route({
    method: 'GET',
    path: '/api/asyncapi',
    service: 'gateway',
    access: 'public',
    summary: 'Tài liệu sự kiện / The AsyncAPI document of every topic, as a page',
    kind: 'file',
    produces: ['text/html'],
  }),
  asyncApi: route({
    method: 'GET',
    path: '/api/asyncapi.json',
    service: 'gateway',
    access: 'public',
    summary: 'Tài liệu sự kiện (JSON) / The AsyncAPI document of every topic',
    response: asyncApiDocument,
  }),
});

/** What the conference web app listens to and shares: change notices and hall screens. */
export const liveRoutes = routeGroup('Hội nghị / Conferences', {
  live: route({
    method: 'GET',
    path: '/api/v1/live',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary: 'Thông báo thay đổi số liệu / Server-sent events: which services’ data changed',
    description:
      'A text/event-stream (server-sent events). `event: changed` with data `{"services":["reporting"],"at":ISO}` ' +
      'each time a service commits a change (at most four a second, merged), heard from the services’ own commit ' +
      'signals; a comment line every 25 s keeps proxies from closing it. A page refetches what it shows on a ' +
      'change of the services it reads — no polling.',
    kind: 'file',
    produces: ['text/event-stream'],
  }),
  createScreen: route({
    method: 'POST',
    path: '/api/v1/screens',
    service: 'gateway',
    access: { roles: ROLE_GROUPS.staff, scope: 'reports:read' },
    summary: 'Tạo liên kết màn hình hội trường / Share a conference view with a hall screen',
    description:
      'A link that shows one conference view, read-only, until it expires (5 minutes to 7 days); the token in it ' +
      'is its only credential and opens nothing else. Audited.',
    body: screenRequest,
    status: 201,
    response: screenLink,
  }),
  screen: route({
    method: 'GET',
    path: '/api/v1/screens/:token',
    service: 'gateway',
    access: 'public',
    summary: 'Màn hình hội trường / The conference view of a screen link',
    description:
      'The shared view and nothing else; 404 with code `screen.unknown` for a link never made, `screen.expired` ' +
      'once it has expired.',
    params: screenParams,
    response: screenReport,
  }),
  screenLive: route({
    method: 'GET',
    path: '/api/v1/screens/:token/live',
    service: 'gateway',
    access: 'public',
    summary: 'Thông báo thay đổi cho màn hình / Server-sent change notices for a screen link',
    description:
      'As GET /api/v1/live, for the holder of a valid screen link; the stream ends when the link expires.',
    params: screenParams,
    kind: 'file',
    produces: ['text/event-stream'],
  }),
});
