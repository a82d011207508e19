import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationView, Page, Principal } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { reportScope } from './report-access';

const COLUMNS = `n.id, n.kind, n.province_code, n.reporter_id, n.form_id, n.period, n.report_id, n.message,
  n.created_at, (r.notice_id IS NOT NULL) AS read`;

const view = (r: {
  id: string;
  kind: NotificationView['kind'];
  province_code: string;
  reporter_id: string | null;
  form_id: string;
  period: string;
  report_id: string | null;
  message: NotificationView['message'];
  created_at: Date;
  read: boolean;
}): NotificationView => ({
  id: r.id,
  kind: r.kind,
  provinceCode: r.province_code,
  reporterId: r.reporter_id,
  formId: r.form_id,
  period: r.period,
  reportId: r.report_id,
  message: r.message,
  createdAt: r.created_at.toISOString(),
  read: r.read,
});

/**
 * The caller's notification list: the notices of their unit — its own reports, its implementing units' and its
 * certificate holders' (a province officer) —, of their facility's holder reports (a business user), or of every
 * unit (the agency), with their own read marks — a notice is one row, each reader marks it for themselves.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
    private readonly catalogue: FormCatalogueService,
  ) {}

  /** The notices a caller's scope covers, as SQL over `n` with its parameters from $2 on. */
  private covered(principal: Principal): { where: string; params: unknown[] } {
    const scope = reportScope(principal);
    if (scope.kind === 'agency') return { where: 'true', params: [] };
    if (scope.kind === 'province') return { where: 'n.province_code = $2', params: [scope.provinceCode] };
    const holderForms = this.catalogue
      .all()
      .filter((f) => f.reporter === 'certificate-holder')
      .map((f) => f.id);
    return { where: 'n.reporter_id = $2 AND n.form_id = ANY($3)', params: [scope.taxCode, holderForms] };
  }

  async list(
    principal: Principal,
    query: { unread?: 'true' | 'false'; page: number; limit: number },
  ): Promise<Page<NotificationView>> {
    const covered = this.covered(principal);
    const unread = `$${covered.params.length + 2}`;
    const where = `${covered.where} AND (${unread}::boolean IS NULL OR (r.notice_id IS NULL) = ${unread})`;
    const params = [
      principal.id,
      ...covered.params,
      query.unread === undefined ? null : query.unread === 'true',
    ];
    const from = `FROM notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.user_id = $1`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from} WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} ${from} WHERE ${where}
        ORDER BY n.created_at DESC, n.id LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
      params,
    );
    return { items: rows.map(view), page: query.page, limit: query.limit, total };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const covered = this.covered(principal);
    const [notice] = await this.dataSource.query(
      `SELECT n.id FROM notice n WHERE n.id = $1 AND ${covered.where}`,
      [id, ...covered.params],
    );
    if (!notice) {
      throw new NotFoundError(
        { vi: `Không tìm thấy thông báo ${id}`, en: `Notification ${id} not found` },
        'notification.not-found',
        'id',
      );
    }
    await this.dataSource.query(
      `INSERT INTO notice_read (notice_id, user_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [id, principal.id, this.clock.now()],
    );
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.user_id = $1
        WHERE n.id = $2`,
      [principal.id, id],
    );
    return view(row);
  }
}
