import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationView, Page, Principal } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { unitScope } from './report-access';

const COLUMNS = `n.id, n.kind, n.province_code, n.form_id, n.period, n.report_id, n.message, n.created_at,
  (r.notice_id IS NOT NULL) AS read`;

const view = (r: {
  id: string;
  kind: NotificationView['kind'];
  province_code: string;
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
  formId: r.form_id,
  period: r.period,
  reportId: r.report_id,
  message: r.message,
  createdAt: r.created_at.toISOString(),
  read: r.read,
});

/**
 * The caller's notification list: the notices of their unit (a province officer) or of every unit (the agency),
 * with their own read marks — a notice is one row, each reader marks it for themselves.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PeriodicReportsClock,
  ) {}

  async list(
    principal: Principal,
    query: { unread?: 'true' | 'false'; page: number; limit: number },
  ): Promise<Page<NotificationView>> {
    const scope = unitScope(principal);
    const where = `($2::text IS NULL OR n.province_code = $2)
      AND ($3::boolean IS NULL OR (r.notice_id IS NULL) = $3)`;
    const params = [principal.id, scope, query.unread === undefined ? null : query.unread === 'true'];
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
    const scope = unitScope(principal);
    const [notice] = await this.dataSource.query(`SELECT province_code FROM notice WHERE id = $1`, [id]);
    if (!notice || (scope !== null && notice.province_code !== scope)) {
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
