import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';

/** "Cập nhật lúc …" (when the shown figures were fetched) and whether change notices are arriving. */
export function LiveStatus({ connected, fetchedAt }: { connected: boolean; fetchedAt: string | undefined }) {
  const { t } = useLang();
  return (
    <p className="live-status">
      <span className={connected ? 'live-dot on' : 'live-dot'} aria-hidden="true" />
      <span data-live={connected ? 'connected' : 'disconnected'}>
        {connected ? t('Trực tiếp', 'Live') : t('Mất kết nối trực tiếp', 'Live updates paused')}
      </span>
      {fetchedAt && (
        <span className="updated">
          {t('Cập nhật lúc', 'Updated at')}{' '}
          <time dateTime={fetchedAt} data-updated-at={fetchedAt}>
            {formatDateTime(fetchedAt)}
          </time>
        </span>
      )}
    </p>
  );
}
