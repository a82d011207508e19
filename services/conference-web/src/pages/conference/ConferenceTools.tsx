import { useState, type MouseEvent } from 'react';
import type {
  ConferenceGrouping,
  ConferencePackFileView,
  ConferencePackPage,
  ConferencePackView,
  ConferenceRegion,
  ScreenLink,
} from '@kc/contracts';
import { api, apiResponse, ApiError, query } from '../../api/http';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useApi } from '../../api/resource';

interface View {
  level: 'national' | 'regional';
  region: ConferenceRegion | undefined;
  year: number;
  grouping: ConferenceGrouping;
}

function failureText(error: unknown, lang: 'vi' | 'en'): string {
  if (error instanceof ApiError) return error.problem.messages?.[lang] ?? error.message;
  return lang === 'vi' ? 'Không kết nối được với máy chủ.' : 'Could not reach the server.';
}

/**
 * A pack's file, downloaded through the API client so that an expired access cookie is refreshed first
 * (a plain link would answer 401 to a reader who froze the pack a while ago); the link stays a real link.
 */
function FileLink({ file, children }: { file: ConferencePackFileView; children: string }) {
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    let blob: Blob;
    try {
      blob = await (await apiResponse(file.href, { headers: { accept: file.mediaType } })).blob();
    } catch {
      // Let the browser try the link itself: it then shows the refusal the gateway gives.
      window.location.assign(file.href);
      return;
    }
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = file.fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <a
      className="button secondary"
      href={file.href}
      download={file.fileName}
      onClick={(event) => void download(event)}
    >
      {children}
    </a>
  );
}

function PackSummary({ pack }: { pack: ConferencePackView }) {
  const { t } = useLang();
  return (
    <div className="pack" data-pack={pack.id}>
      <dl className="pairs">
        <div>
          <dt>{t('Mã gói', 'Pack id')}</dt>
          <dd>
            <code>{pack.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('Chốt số liệu lúc', 'Cut-off')}</dt>
          <dd>{formatDateTime(pack.cutOff)}</dd>
        </div>
        <div>
          <dt>{t('Người chốt', 'Frozen by')}</dt>
          <dd>{pack.frozenBy.name}</dd>
        </div>
      </dl>
      <p className="toolbar">
        <FileLink file={pack.files.report}>{t('Báo cáo PDF', 'PDF report')}</FileLink>
        <FileLink file={pack.files.annex}>{t('Phụ lục Excel', 'Excel annex')}</FileLink>
      </p>
    </div>
  );
}

/** Agency only: freeze the view's figures as a conference pack; the packs already frozen for it, newest first. */
export function PackTool({ view }: { view: View }) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState(0);
  const listPath = `/api/v1/conference-packs${query({ year: view.year, level: view.level, region: view.region, limit: 5 })}`;
  const packs = useApi<ConferencePackPage>(listPath, created);
  const shown = (packs.data?.items ?? []).filter((pack) => pack.grouping === view.grouping);

  const freeze = async () => {
    setBusy(true);
    setError(null);
    try {
      await api<ConferencePackView>('/api/v1/conference-packs', {
        method: 'POST',
        body: { level: view.level, region: view.region, year: view.year, grouping: view.grouping },
      });
      setCreated((n) => n + 1);
    } catch (failure) {
      setError(failureText(failure, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="tool">
      <summary className="button secondary">{t('Gói số liệu hội nghị', 'Conference pack')}</summary>
      <div className="tool-body">
        <p className="small">
          {t(
            'Chốt số liệu đang hiển thị tại thời điểm này thành một gói có mã: báo cáo PDF và phụ lục Excel (mỗi đơn vị một trang tính); cùng mã luôn cho cùng tệp.',
            'Freeze the figures shown, as of now, into a pack with an id: a PDF report and an Excel annex (one sheet per unit); the same id always gives the same files.',
          )}
        </p>
        <button type="button" className="button" disabled={busy} onClick={() => void freeze()}>
          {busy ? t('Đang chốt…', 'Freezing…') : t('Chốt gói số liệu', 'Freeze a pack')}
        </button>
        <div role="alert" className="error">
          {error}
        </div>
        {shown.map((pack) => (
          <PackSummary key={pack.id} pack={pack} />
        ))}
      </div>
    </details>
  );
}

const DURATIONS = [30, 120, 480, 1440] as const;

function durationText(minutes: number, t: (vi: string, en: string) => string): string {
  if (minutes < 60) return t(`${minutes} phút`, `${minutes} minutes`);
  const hours = minutes / 60;
  return t(`${hours} giờ`, hours === 1 ? '1 hour' : `${hours} hours`);
}

/** Staff: a read-only link of this view for the hall's screen, with its expiry and a copy button. */
export function ShareTool({ view }: { view: View }) {
  const { t, lang } = useLang();
  const [minutes, setMinutes] = useState<number>(480);
  const [link, setLink] = useState<ScreenLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const address = link ? new URL(link.url, window.location.origin).toString() : '';

  const create = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setLink(
        await api<ScreenLink>('/api/v1/screens', {
          method: 'POST',
          body: { level: view.level, region: view.region, year: view.year, grouping: view.grouping, minutes },
        }),
      );
    } catch (failure) {
      setError(failureText(failure, lang));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): select the text so the reader can copy it by hand.
      (document.getElementById('screen-link') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <details className="tool">
      <summary className="button secondary">{t('Chia sẻ màn hình hội trường', 'Share screen')}</summary>
      <div className="tool-body">
        <p className="small">
          {t(
            'Tạo liên kết chỉ xem, tự chuyển trang, cho màn hình hội trường; liên kết hết hạn sau thời gian đã chọn và không mở được gì khác.',
            'Create a read-only, auto-rotating link for the hall screen; it expires after the time chosen and opens nothing else.',
          )}
        </p>
        <div className="toolbar">
          <label>
            {t('Thời hạn', 'Valid for')}{' '}
            <select value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
              {DURATIONS.map((value) => (
                <option key={value} value={value}>
                  {durationText(value, t)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={busy} onClick={() => void create()}>
            {busy ? t('Đang tạo…', 'Creating…') : t('Tạo liên kết', 'Create link')}
          </button>
        </div>
        <div role="alert" className="error">
          {error}
        </div>
        {link && (
          <div className="screen-link">
            <label htmlFor="screen-link">{t('Liên kết màn hình', 'Screen link')}</label>
            <div className="copy-row">
              <input id="screen-link" readOnly value={address} onFocus={(event) => event.target.select()} />
              <button type="button" className="button secondary" onClick={() => void copy()}>
                {copied ? t('Đã sao chép', 'Copied') : t('Sao chép', 'Copy')}
              </button>
            </div>
            <p className="small">
              {t('Hết hạn lúc', 'Expires at')}{' '}
              <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time> ·{' '}
              <a href={link.url} target="_blank" rel="noopener">
                {t('Mở màn hình', 'Open the screen')}
              </a>
            </p>
          </div>
        )}
      </div>
    </details>
  );
}
