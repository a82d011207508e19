import { useState } from 'react';
import type { PeriodicReportView } from '@kc/contracts';
import { apiResponse } from '../../api/http';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice } from '../projects/common';
import {
  attachmentRows,
  base64Of,
  piecesToSend,
  sha256Hex,
  withDeclared,
  type Attachment,
  type Slot,
} from './attachments';

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The shown content's attachments with a download link for each file held whole. For the reporter of a draft or
 * returned report, an upload: the browser reads the file and hashes it, the report declares it in its slot, and
 * the bytes go in pieces (the service checks type, size and hash, and says why it refuses).
 */
export function AttachmentsSection({
  report,
  attachments,
  slots,
  mayUpload,
  onDone,
}: {
  report: PeriodicReportView;
  attachments: readonly Attachment[];
  slots: readonly Slot[];
  mayUpload: boolean;
  onDone: () => void;
}) {
  const { t, lang } = useLang();
  const [slotKey, setSlotKey] = useState(slots[0]?.key ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const rows = attachmentRows(report, attachments, slots, lang);

  const upload = async () => {
    const slot = slots.find((s) => s.key === slotKey);
    if (!file || !slot || !report.working) return;
    setBusy(true);
    setFailure(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sha256 = await sha256Hex(bytes);
      const declared = report.working.attachments.some((a) => a.sha256 === sha256);
      if (!declared) {
        const attachment = {
          slot: slot.key,
          fileName: file.name,
          mediaType: file.type,
          bytes: bytes.length,
          sha256,
        };
        await apiResponse(`/api/v1/periodic-reports/${report.id}/content`, {
          method: 'PUT',
          headers: JSON_HEADERS,
          body: JSON.stringify({ attachments: withDeclared(report.working.attachments, slot, attachment) }),
        });
      }
      const received = declared ? (report.files?.find((f) => f.sha256 === sha256)?.receivedBytes ?? 0) : 0;
      for (const { offset, end } of piecesToSend(bytes.length, received)) {
        await apiResponse(`/api/v1/periodic-reports/${report.id}/attachments/${sha256}/content`, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify({ offset, contentBase64: base64Of(bytes.subarray(offset, end)) }),
        });
      }
      setFile(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
      onDone();
    }
  };

  if (rows.length === 0 && !mayUpload) return null;
  return (
    <section className="card" aria-labelledby="pr-attachments" data-testid="report-attachments">
      <h2 id="pr-attachments">{t('Tệp đính kèm', 'Attachments')}</h2>
      {rows.length === 0 ? <p>{t('Chưa có tệp nào.', 'No file yet.')}</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.sha256} data-attachment={row.sha256} data-state={row.state}>
            <span className="muted">{row.slotLabel}: </span>
            {row.href ? (
              <a href={row.href} download={row.fileName}>
                {row.fileName}
              </a>
            ) : (
              row.fileName
            )}{' '}
            ({formatCount(row.bytes)} bytes
            {row.state === 'partial'
              ? `, ${t('đã nhận', 'received')} ${formatCount(row.receivedBytes)}`
              : row.state === 'none'
                ? `, ${t('chưa có tệp trên nền tảng', 'no file on the platform')}`
                : ''}
            )
          </li>
        ))}
      </ul>
      {mayUpload && slots.length > 0 ? (
        <div className="pr-actions">
          {failure ? <ErrorNotice error={failure} what={t('Không tải lên được', 'Upload refused')} /> : null}
          <label>
            {t('Mục', 'Slot')}
            <select value={slotKey} onChange={(e) => setSlotKey(e.target.value)}>
              {slots.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label[lang]}
                  {s.required ? ' *' : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('Tệp', 'File')}
            <input
              type="file"
              accept={slots.find((s) => s.key === slotKey)?.mediaTypes.join(',')}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="attachment-file"
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={busy || !file}
            onClick={() => void upload()}
            data-testid="attachment-upload"
          >
            {busy ? t('Đang tải lên…', 'Uploading…') : t('Tải lên', 'Upload')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
