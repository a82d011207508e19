import { useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../app/list-params';
import type { NotificationView, Page } from '@kc/contracts';
import { api, query } from '../../api/http';
import { useApi, useLiveVersions } from '../../api/resource';
import { LiveStatus } from '../../app/LiveStatus';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice, Pager, provinceName, useProvinceIndex } from '../projects/common';
import { NOTIFICATIONS_READ_EVENT, noticeKindText, periodText } from './figures';
import { readsReports } from './report-access';
import './periodic-reports.css';

const PAGE_SIZE = 50;
const KIND_TONE: Record<NotificationView['kind'], string> = {
  reminder: 'badge',
  'due-today': 'badge warn',
  overdue: 'badge danger',
  returned: 'badge danger',
  approved: 'badge ok',
};

/**
 * "Thông báo": the signed-in reader's notices (reminders, due today, overdue, returns, approvals), newest first,
 * each marked read on its own. The staff's and a facility's (the route admits the agency, the departments and
 * business users; a business user gets its facility's holder notices only).
 */
export default function NotificationsPage() {
  const { t, lang } = useLang();
  const { principal } = useSession();
  const { params, page, pageHref } = useListParams();
  const reader = readsReports(principal);
  const unreadOnly = params.get('unread') === 'true';
  const live = useLiveVersions(['reporting']);
  const [marked, setMarked] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useApi<Page<NotificationView>>(
    reader
      ? `/api/v1/notifications${query({ unread: unreadOnly ? 'true' : undefined, page, limit: PAGE_SIZE })}`
      : null,
    live.version + marked,
  );
  const { provinceOf } = useProvinceIndex();

  const markRead = async (id: string) => {
    setFailure(null);
    try {
      await api<NotificationView>(`/api/v1/notifications/${id}/read`, { method: 'POST' });
      setMarked((n) => n + 1);
      window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
    } catch (error) {
      setFailure(error);
    }
  };

  if (!reader) {
    return (
      <div className="page">
        <h1>{t('Thông báo', 'Notifications')}</h1>
        <Notice testId="notifications-not-for-role">
          {t(
            'Thông báo về báo cáo định kỳ dành cho cán bộ của Cục, các Sở Công Thương và cơ sở có sản phẩm được cấp giấy chứng nhận.',
            'Periodic-report notifications are for the agency’s and the departments’ staff and for holders of award certificates.',
          )}
        </Notice>
      </div>
    );
  }

  return (
    <div className="page pr-page">
      <header className="dd-page-head">
        <div>
          <h1>{t('Thông báo', 'Notifications')}</h1>
          <p className="dd-subtitle">
            {unreadOnly ? (
              <Link to="/notifications">{t('Xem tất cả', 'Show all')}</Link>
            ) : (
              <Link to="/notifications?unread=true">{t('Chỉ xem chưa đọc', 'Unread only')}</Link>
            )}
          </p>
        </div>
        <LiveStatus connected={live.connected} fetchedAt={list.fetchedAt} />
      </header>
      <section className="card" aria-labelledby="pr-notices">
        <h2 id="pr-notices">
          {unreadOnly
            ? t('Thông báo chưa đọc', 'Unread notifications')
            : t('Mọi thông báo', 'All notifications')}
        </h2>
        {failure ? (
          <ErrorNotice error={failure} what={t('Không đánh dấu được', 'Could not mark it read')} />
        ) : null}
        {list.error ? <ErrorNotice error={list.error} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? (
          <p data-testid="notifications-empty">{t('Không có thông báo.', 'No notifications.')}</p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="pr-notices" data-testid="notifications">
              {list.data.items.map((n) => {
                const unit = provinceOf.get(n.provinceCode);
                return (
                  <li
                    key={n.id}
                    className={n.read ? undefined : 'unread'}
                    data-notice={n.kind}
                    data-read={n.read}
                  >
                    <span className={KIND_TONE[n.kind]}>{noticeKindText(n.kind, lang)}</span>
                    <span className="wrap">
                      {n.reportId ? (
                        <Link to={`/periodic-reports/${n.reportId}`}>{n.message[lang]}</Link>
                      ) : (
                        n.message[lang]
                      )}
                    </span>
                    <span className="muted">
                      {unit ? provinceName(unit, lang) : n.provinceCode} · {periodText(n.period, lang)} ·{' '}
                      {formatDateTime(n.createdAt)}
                    </span>
                    {n.read ? (
                      <span className="muted">{t('Đã đọc', 'Read')}</span>
                    ) : (
                      <button type="button" className="button secondary" onClick={() => void markRead(n.id)}>
                        {t('Đánh dấu đã đọc', 'Mark as read')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
            <Pager
              page={list.data.page}
              limit={list.data.limit}
              total={list.data.total}
              hrefFor={pageHref}
              noun={t('thông báo', 'notifications')}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
