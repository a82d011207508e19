import { useState } from 'react';
import { Link } from 'react-router';
import type { AssignmentView } from '@kc/contracts';
import { useLang } from '../../i18n/lang';
import { groupText } from './labels';
import { pointsText } from './sheet';

/**
 * The entries assigned to the juror, each with the state of the juror's own sheet (scored with its total, not yet,
 * or typed and not saved); one is open at a time (`?entry=` in the URL, so the back button and a reload keep it).
 */
export function AssignmentList({
  items,
  selectedId,
  drafts,
  hrefFor,
}: {
  items: AssignmentView[];
  selectedId: string | null;
  drafts: ReadonlySet<string>;
  hrefFor: (entryId: string) => string;
}) {
  const { t, lang } = useLang();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const shown = onlyOpen ? items.filter((a) => a.sheet === null || a.entry.id === selectedId) : items;
  return (
    <nav className="card aw-assignments" aria-labelledby="aw-assignments-title">
      <h2 id="aw-assignments-title">{t('Sản phẩm được giao chấm', 'Entries assigned to you')}</h2>
      <label className="aw-check">
        <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
        {t('Chỉ hiện sản phẩm chưa chấm', 'Only entries not scored yet')}
      </label>
      {shown.length === 0 ? (
        <p className="muted">{t('Không còn sản phẩm nào chưa chấm.', 'Nothing left to score.')}</p>
      ) : (
        <ul>
          {shown.map(({ entry, sheet }) => (
            <li
              key={entry.id}
              data-testid="assignment"
              data-entry-code={entry.code}
              data-scored={sheet !== null}
            >
              <Link to={hrefFor(entry.id)} aria-current={entry.id === selectedId ? 'true' : undefined}>
                <span className="aw-code">{entry.code}</span>
                <span className="aw-product">{entry.product.name}</span>
                <span className="muted small">{groupText(entry.productGroup, lang)}</span>
                {drafts.has(entry.id) ? (
                  <span className="badge warn">{t('Chưa lưu', 'Not saved')}</span>
                ) : sheet ? (
                  <span className="badge ok">
                    {t('Đã chấm', 'Scored')}: {pointsText(sheet.totalTenths, lang)}
                  </span>
                ) : (
                  <span className="badge">{t('Chưa chấm', 'Not scored')}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
