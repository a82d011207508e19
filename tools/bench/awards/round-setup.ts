import { randomBytes } from 'node:crypto';
import type { AwardCouncilView, AwardRoundView, Principal, UserView } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import type { GatewayClient } from './http-client';

const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] || 'khuyencong2026';
/** Access tokens live 15 minutes (AUTH_ACCESS_TOKEN_TTL): a session older than this logs in again first. */
const RENEW_AFTER_MS = 10 * 60_000;

/** A login whose access token is renewed before it expires, once for all the calls that need it. */
export class Session {
  private token = '';
  private obtainedAt = 0;
  private renewing: Promise<string> | null = null;

  constructor(
    private readonly http: GatewayClient,
    readonly username: string,
    private readonly password: string,
  ) {}

  async accessToken(): Promise<string> {
    if (this.token && Date.now() - this.obtainedAt < RENEW_AFTER_MS) return this.token;
    this.renewing ??= this.login().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async login(): Promise<string> {
    const { accessToken } = await this.http.expect<{ accessToken: string }>(
      200,
      'POST',
      '/api/v1/auth/login',
      {
        body: { username: this.username, password: this.password },
      },
    );
    this.token = accessToken;
    this.obtainedAt = Date.now();
    return accessToken;
  }
}

export const adminSession = (http: GatewayClient) => new Session(http, 'cuc.admin', DEMO_PASSWORD);

export interface CouncilMember {
  userId: string;
  displayName: string;
  session: Session;
}

const shifted = (days: number) => vietnamDate(new Date(Date.now() + days * 86_400_000));

/** This year's national round (the bench profile is wiped before each run, so the year is free). */
export async function openNationalRound(
  http: GatewayClient,
  admin: Session,
  runId: string,
): Promise<AwardRoundView> {
  const year = Number(vietnamDate(new Date()).slice(0, 4));
  return http.expect<AwardRoundView>(201, 'POST', '/api/v1/award-rounds', {
    token: await admin.accessToken(),
    body: {
      name: `Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia năm ${year} (benchmark ${runId})`,
      year,
      level: 'national',
      schedule: { entriesOpenOn: shifted(-10), entriesCloseOn: shifted(30), scoringClosesOn: shifted(60) },
    },
  });
}

/**
 * The council's members as juror accounts created through the gateway's users API, each logged in; the council
 * user id is the account's id, as in its token (a juror's rounds are the juries awards seats them on).
 */
export async function createCouncilAccounts(
  http: GatewayClient,
  admin: Session,
  size: number,
  runId: string,
): Promise<CouncilMember[]> {
  const members: CouncilMember[] = [];
  for (let n = 1; n <= size; n++) {
    const username = `bench.giamkhao.${runId}.${n}`;
    const password = randomBytes(18).toString('base64url');
    const user = await http.expect<UserView>(201, 'POST', '/api/v1/users', {
      token: await admin.accessToken(),
      body: { username, password, role: 'juror' },
    });
    const session = new Session(http, username, password);
    await session.accessToken();
    members.push({ userId: user.id, displayName: `Giám khảo thử tải ${n}`, session });
  }
  return members;
}

/** The council of `members`, the first `jurors` on the jury, the agency's administrator as its secretary. */
export async function seatCouncil(
  http: GatewayClient,
  admin: Session,
  roundId: string,
  members: CouncilMember[],
  jurors: number,
): Promise<AwardCouncilView> {
  const token = await admin.accessToken();
  const me = await http.expect<Principal>(200, 'GET', '/api/v1/auth/me', { token });
  return http.expect<AwardCouncilView>(200, 'PUT', `/api/v1/award-rounds/${roundId}/council`, {
    token,
    body: {
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
      secretary: { userId: me.id, displayName: 'Thư ký hội đồng (cuc.admin)' },
      jurorIds: members.slice(0, jurors).map((m) => m.userId),
    },
  });
}
