import { formatDateTime } from '../i18n/format';
import { useLang } from '../i18n/lang';
import './live-status.css';

/**
 * Whether change notices are arriving, and "Cập nhật lúc …" (when the shown data was fetched): every page that
 * keeps itself current shows this line.
 */
export function LiveStatus({ connected, fetchedAt }: { connected: boolean; fetchedAt: string | undefined }) {
  const { t } = useLang();
  return (
    <p className="live-status" data-testid="updated-at" data-updated-at={fetchedAt}>
      <span className={connected ? 'live-dot on' : 'live-dot'} aria-hidden="true" />
      <span data-live={connected ? 'connected' : 'disconnected'}>
        {connected ? t('Trực tiếp', 'Live') : t('Mất kết nối trực tiếp', 'Live updates paused')}
      </span>
      {fetchedAt && (
        <span className="updated">
          {t('Cập nhật lúc', 'Updated at')} <time dateTime={fetchedAt}>{formatDateTime(fetchedAt)}</time>
        </span>
      )}
    </p>
  );
}
