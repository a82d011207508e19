import { useEffect, useMemo, useRef } from 'react';
import type { AssignmentView, AwardRoundView, RecusalView, ScoreSheetView } from '@kc/contracts';
import { api, ApiError } from '../../api/http';
import { useResource } from '../../api/resource';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice, Loading, provinceName, useProvinceIndex } from '../projects/common';
import { groupText } from './labels';
import { RecusalDialog } from './RecusalDialog';
import { ScoreSheetForm } from './ScoreSheetForm';
import { sheetFields, valuesOf, type SheetValues } from './sheet';

const DOSSIER_KINDS: Record<string, [string, string]> = {
  'registration-form': ['Phiếu đăng ký', 'Registration form'],
  description: ['Bản thuyết minh', 'Description'],
  photo: ['Ảnh sản phẩm', 'Photo'],
  'certificate-copy': ['Bản sao giấy chứng nhận', 'Certificate copy'],
};

/** What the juror scores: the product (or set), its group, the facility and what its dossier holds. */
function EntryDetails({ entry }: { entry: AssignmentView['entry'] }) {
  const { t, lang } = useLang();
  const { provinceOf } = useProvinceIndex();
  const unit = provinceOf.get(entry.facility.provinceCode);
  return (
    <dl className="pairs aw-entry">
      <div>
        <dt>{t('Sản phẩm', 'Product')}</dt>
        <dd>
          {entry.product.name}
          {entry.product.kind === 'product-set' ? (
            <small>
              {' '}
              · {t(`bộ ${entry.product.items.length} sản phẩm`, `set of ${entry.product.items.length}`)}
            </small>
          ) : null}
        </dd>
      </div>
      {entry.product.kind === 'product-set' ? (
        <div>
          <dt>{t('Gồm', 'Made of')}</dt>
          <dd>{entry.product.items.join('; ')}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('Nhóm sản phẩm', 'Product group')}</dt>
        <dd>{groupText(entry.productGroup, lang)}</dd>
      </div>
      <div>
        <dt>{t('Cơ sở', 'Facility')}</dt>
        <dd>
          {entry.facility.name}
          <small> · {unit ? provinceName(unit, lang) : entry.facility.provinceCode}</small>
        </dd>
      </div>
      {entry.lowerCertificateNumber ? (
        <div>
          <dt>{t('Giấy chứng nhận cấp dưới', 'Lower-level certificate')}</dt>
          <dd>{entry.lowerCertificateNumber}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('Hồ sơ', 'Dossier')}</dt>
        <dd>
          <ul className="aw-dossier">
            {entry.dossier.map((file) => (
              <li key={file.sha256 + file.fileName}>
                {DOSSIER_KINDS[file.kind] ? t(...DOSSIER_KINDS[file.kind]) : file.kind}: {file.fileName}{' '}
                <small>({formatCount(Math.max(1, Math.round(file.sizeBytes / 1024)))} KB)</small>
              </li>
            ))}
          </ul>
        </dd>
      </div>
    </dl>
  );
}

/** The juror's own sheet, or null before they score the entry (404 `award-sheet.not-found`). */
async function ownSheet(roundId: string, entryId: string): Promise<ScoreSheetView | null> {
  try {
    return await api<ScoreSheetView>(`/api/v1/award-rounds/${roundId}/entries/${entryId}/sheet`);
  } catch (error) {
    if (error instanceof ApiError && error.problem.code === 'award-sheet.not-found') return null;
    throw error;
  }
}

/**
 * One assigned entry: what it is, the juror's own sheet (read fresh: never another juror's) and, while the round
 * is in scoring, the recusal. Focus moves to the entry's heading when the juror picks another entry.
 */
export function SheetPanel({
  round,
  assignment,
  draft,
  nextHref,
  onDraft,
  onSaved,
  onRecused,
}: {
  round: AwardRoundView;
  assignment: AssignmentView;
  draft: SheetValues | undefined;
  nextHref: string | null;
  onDraft: (values: SheetValues | null) => void;
  onSaved: (sheet: ScoreSheetView) => void;
  onRecused: (recusal: RecusalView) => void;
}) {
  const { t, lang } = useLang();
  const { entry } = assignment;
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | null>(null);
  const fields = useMemo(() => sheetFields(round.criteria), [round.criteria]);
  // Not refetched on change notices: a sheet being typed must not be overwritten under the juror's hands.
  const sheet = useResource(`${round.id}/${entry.id}`, () => ownSheet(round.id, entry.id));
  const scoring = round.state === 'scoring';

  useEffect(() => {
    if (shown.current !== null && shown.current !== entry.id) heading.current?.focus();
    shown.current = entry.id;
  }, [entry.id]);

  return (
    <section className="card aw-panel" aria-labelledby="aw-entry-title" data-testid="sheet-panel">
      <h2 id="aw-entry-title" ref={heading} tabIndex={-1}>
        {entry.code}: {entry.product.name}
      </h2>
      <EntryDetails entry={entry} />
      <h3 className="aw-sheet-title">{t('Phiếu chấm của bạn', 'Your score sheet')}</h3>
      {!scoring ? (
        <p className="dd-notice">
          {round.state === 'entries-open'
            ? t('Vòng bình chọn chưa bắt đầu chấm điểm.', 'Scoring has not started yet.')
            : t(
                'Vòng bình chọn đã kết thúc chấm điểm: phiếu chỉ để xem.',
                'Scoring is closed: the sheet is read-only.',
              )}
        </p>
      ) : null}
      {sheet.error ? <ErrorNotice error={sheet.error} /> : null}
      {sheet.loading ? <Loading /> : null}
      {sheet.data !== undefined ? (
        <ScoreSheetForm
          key={entry.id}
          round={round}
          entryId={entry.id}
          entryCode={entry.code}
          fields={fields}
          initial={scoring && draft ? draft : valuesOf(fields, sheet.data, lang)}
          fromDraft={scoring && !!draft}
          savedAt={sheet.data?.updatedAt ?? null}
          editable={scoring}
          nextHref={nextHref}
          onDraft={onDraft}
          onSaved={onSaved}
        />
      ) : null}
      {scoring ? (
        <div className="aw-recusal">
          <p className="muted small">
            {t(
              'Nếu bạn có quan hệ lợi ích với cơ sở hoặc sản phẩm này, hãy từ chối chấm thay vì chấm điểm.',
              'If you have an interest in this facility or product, recuse yourself instead of scoring.',
            )}
          </p>
          <RecusalDialog
            key={entry.id}
            roundId={round.id}
            entryId={entry.id}
            entryCode={entry.code}
            onRecused={onRecused}
          />
        </div>
      ) : null}
    </section>
  );
}
