import { z } from 'zod';
import { principalSchema } from '../principal';
import { year } from '../primitives';
import { conferenceGroupings, conferenceRegions, conferenceReport } from './conferences';

/**
 * POST /api/v1/auth/session and /session/refresh: a browser session. The tokens travel only in HttpOnly,
 * SameSite=Strict cookies (no script on the page can read them); the body says who is signed in and until when.
 */
export const browserSessionView = z.object({
  principal: principalSchema,
  /** When the access cookie expires (ISO 8601): the app refreshes the session after it. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type BrowserSessionView = z.infer<typeof browserSessionView>;

/** GET /api/v1/auth/sign-in-options — what the sign-in page may offer on this deployment. */
export const signInOptionsView = z.object({
  /** The demo accounts, when this deployment has them (never in production); the password only if it is public. */
  demo: z
    .object({
      usernames: z.array(z.string()),
      password: z.string().nullable(),
    })
    .nullable(),
  /** Sign-in through the external identity issuer, when configured: the button's label. */
  oidc: z.object({ name: z.string() }).nullable(),
});
export type SignInOptionsView = z.infer<typeof signInOptionsView>;

/** GET /api/v1/auth/oidc/start — where to come back to after signing in at the issuer (a path of this site). */
export const oidcStartQuery = z.strictObject({
  returnTo: z.string().max(500).optional(),
});

/**
 * GET /api/v1/auth/oidc/callback — the issuer's answer (RFC 6749 §4.1.2, RFC 9207 `iss`). Not strict: issuers
 * add parameters of their own (`session_state`), and the browser has no say in them.
 */
export const oidcCallbackQuery = z.looseObject({
  state: z.string().min(1).max(200),
  code: z.string().min(1).max(4096).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
});

/** The conference view a hall screen shows: national, or one region's. */
const screenView = z.strictObject({
  level: z.enum(['national', 'regional']),
  region: z.enum(conferenceRegions).optional(),
  year,
  grouping: z.enum(conferenceGroupings).default('current'),
});

/** POST /api/v1/screens — a read-only share link of one conference view for a hall's screen. */
export const screenRequest = screenView
  .extend({
    /** How long the link works: 5 minutes to 7 days. */
    minutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
  })
  .refine((s) => (s.level === 'regional') === (s.region !== undefined), {
    message:
      'region là bắt buộc khi level=regional và không dùng khi level=national / region is required for level=regional and not allowed for level=national',
    path: ['region'],
  });
export type ScreenRequest = z.infer<typeof screenRequest>;

export const screenLink = z.object({
  id: z.uuid(),
  /** The page to open on the hall's screen; the token in it is the only credential. */
  url: z.string().regex(/^\/screen\/[A-Za-z0-9_-]{43}$/),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type ScreenLink = z.infer<typeof screenLink>;

export const screenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

/** GET /api/v1/screens/:token — the view and nothing else. */
export const screenReport = z.object({
  level: z.enum(['national', 'regional']),
  region: z.enum(conferenceRegions).nullable(),
  year,
  grouping: z.enum(conferenceGroupings),
  expiresAt: z.iso.datetime({ offset: true }),
  report: conferenceReport,
});
export type ScreenReport = z.infer<typeof screenReport>;
