import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal, ScreenLink, ScreenReport, ScreenRequest } from '@kc/contracts';
import { NotFoundError, UnavailableError } from '@kc/errors';
import { vietnamDate } from '@kc/reference-data';
import { AuditTrail } from '../audit/audit-trail';
import { EdgeCredentials } from '../identity/edge-credentials';
import { SharedAnswers } from '../edge-cache/shared-answers';
import { ForwardingService } from '../forwarding.service';
import { ChangeSignals } from '../../infrastructure/edge-cache/change-signals';
import { ScreenLinks, type ScreenLinkRecord } from '../../infrastructure/screens/screen-links.store';

const UNKNOWN = { vi: 'Không có liên kết màn hình này', en: 'there is no such screen link' };
const EXPIRED = { vi: 'Liên kết màn hình đã hết hạn', en: 'the screen link has expired' };

/**
 * Hall screens: a share link that shows one conference view, read-only, until it expires. The link's token is
 * its only credential; the gateway reads the view for it with a viewer's token of its own, through the same
 * kept answers as every reader (a hall of screens costs the reporting service one fetch per change).
 */
@Injectable()
export class ScreensService {
  constructor(
    private readonly links: ScreenLinks,
    private readonly credentials: EdgeCredentials,
    private readonly forwarding: ForwardingService,
    private readonly answers: SharedAnswers,
    private readonly changes: ChangeSignals,
    private readonly audit: AuditTrail,
    private readonly dataSource: DataSource,
  ) {}

  async create(request: ScreenRequest, caller: Principal): Promise<ScreenLink> {
    const { token, record } = await this.links.create(request, `${caller.kind}:${caller.id}`);
    const view = record.level === 'national' ? 'toàn quốc' : `khu vực ${record.region}`;
    await this.audit.record(this.dataSource.manager, {
      action: 'screen.shared',
      resourceType: 'screen',
      resourceId: record.id,
      provinceCode: null,
      summary: `Chia sẻ màn hình hội nghị ${view} năm ${record.year}, đến ${record.expiresAt}`,
    });
    return { id: record.id, url: `/screen/${token}`, expiresAt: record.expiresAt };
  }

  /** The link's record while it works: unknown and expired links are told apart. */
  async valid(token: string, now = Date.now()): Promise<ScreenLinkRecord> {
    const record = await this.links.find(token);
    if (!record) throw new NotFoundError(UNKNOWN, 'screen.unknown');
    if (Date.parse(record.expiresAt) <= now) throw new NotFoundError(EXPIRED, 'screen.expired');
    return record;
  }

  async view(token: string): Promise<ScreenReport> {
    const record = await this.valid(token);
    const { level, region, year, grouping, expiresAt } = record;
    const path =
      level === 'national'
        ? `/api/v1/conferences/national?year=${year}&grouping=${grouping}`
        : `/api/v1/conferences/regional/${region}?year=${year}&grouping=${grouping}`;
    const fetch = async () => {
      const { response } = await this.forwarding.forward('reporting', {
        method: 'GET',
        path,
        authorization: `Bearer ${await this.tokenFor(record)}`,
        caller: `client:screen:${record.id}`,
      });
      return response;
    };
    const response = this.changes.listening
      ? await this.answers.answer('reporting', `${vietnamDate(new Date())} ${path}`, fetch)
      : await fetch();
    if (response.status !== 200) {
      throw new UnavailableError(
        { vi: 'Chưa đọc được số liệu hội nghị', en: 'the conference figures could not be read' },
        'screen.view-unavailable',
      );
    }
    return { level, region, year, grouping, expiresAt, report: JSON.parse(response.body) };
  }

  /** The screen's own token to read the view with: a viewer's rights, minted and reused like an API key's. */
  private tokenFor(record: ScreenLinkRecord): Promise<string> {
    return this.credentials.tokenFor(`screen:${record.id}`, {
      kind: 'client',
      id: `screen:${record.id}`,
      name: 'Màn hình hội trường / Hall screen',
      role: 'viewer',
      scopes: ['reports:read'],
    });
  }
}
