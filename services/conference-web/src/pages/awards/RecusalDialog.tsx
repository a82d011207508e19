import { useId, useRef, useState, type FormEvent } from 'react';
import type { RecusalView } from '@kc/contracts';
import { api, ApiError } from '../../api/http';
import { useLang } from '../../i18n/lang';
import { problemText } from './common';
import type { FieldProblem } from './sheet';

const REASON_MAX = 1000;

/**
 * Declaring a conflict of interest with an entry: a button that opens a modal dialog (focus kept inside, Esc
 * cancels) asking for the reason and a confirmation, since the juror leaves the entry's panel for good and a sheet
 * already given for it is withdrawn.
 */
export function RecusalDialog({
  roundId,
  entryId,
  entryCode,
  onRecused,
}: {
  roundId: string;
  entryId: string;
  entryCode: string;
  onRecused: (recusal: RecusalView) => void;
}) {
  const { t, lang } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const id = useId();

  const open = () => {
    setProblem(null);
    setReasonProblem(null);
    dialog.current?.showModal();
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonProblem(t('Hãy nêu lý do xung đột lợi ích', 'Give the reason for the conflict of interest'));
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const recusal = await api<RecusalView>(`/api/v1/award-rounds/${roundId}/entries/${entryId}/recusal`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      dialog.current?.close();
      onRecused(recusal);
    } catch (error) {
      const errors = error instanceof ApiError ? ((error.problem.errors ?? []) as FieldProblem[]) : [];
      const onReason = errors.find((e) => e.field === 'body.reason');
      if (onReason) setReasonProblem(onReason.messages?.[lang] ?? onReason.message ?? '');
      else setProblem(problemText(error, lang));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <button type="button" className="button secondary aw-recuse" onClick={open} data-testid="recuse">
        {t('Từ chối chấm (xung đột lợi ích)', 'Recuse (conflict of interest)')}
      </button>
      <dialog
        ref={dialog}
        className="aw-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
      >
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <h2 id={`${id}-title`}>
            {t(`Từ chối chấm sản phẩm ${entryCode}?`, `Recuse from entry ${entryCode}?`)}
          </h2>
          <p id={`${id}-what`}>
            {t(
              'Bạn sẽ rời danh sách chấm sản phẩm này và không chấm lại được; phiếu chấm đã lưu (nếu có) bị rút. Thư ký hội đồng sẽ chỉ định người chấm thay.',
              'You leave this entry’s panel for good; a sheet you saved for it, if any, is withdrawn. The council secretary names a substitute.',
            )}
          </p>
          <label htmlFor={`${id}-reason`}>
            {t('Lý do xung đột lợi ích', 'Reason for the conflict of interest')}
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={REASON_MAX}
            rows={4}
            required
            aria-invalid={reasonProblem ? true : undefined}
            aria-describedby={reasonProblem ? `${id}-reason-error` : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonProblem(null);
            }}
          />
          {reasonProblem ? (
            <span id={`${id}-reason-error`} className="aw-field-error">
              {reasonProblem}
            </span>
          ) : null}
          {problem ? (
            <p className="dd-notice dd-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="aw-actions">
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              {t('Hủy', 'Cancel')}
            </button>
            <button type="submit" className="button aw-danger" disabled={sending}>
              {sending ? t('Đang gửi…', 'Sending…') : t('Xác nhận từ chối chấm', 'Confirm the recusal')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
