import type { ReactNode } from 'react';
import type { AwardCouncilView, EntryPanelView, ScoringProgressView } from '@kc/contracts';
import { useApi, type Resource } from '../../api/resource';
import { formatCount, formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice, Loading } from '../projects/common';
import { Fraction, isRefusal } from './common';

/** A card's load: what it shows while loading or refused (the secretary's and the authority's cards only). */
function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  const { t } = useLang();
  if (resource.error && !resource.data) {
    return (
      <ErrorNotice
        error={resource.error}
        what={
          isRefusal(resource.error)
            ? t(
                'Chỉ thư ký hội đồng và cơ quan tổ chức vòng bình chọn xem được mục này',
                'Only the council secretary and the round’s authority see this',
              )
            : undefined
        }
      />
    );
  }
  if (!resource.data) return <Loading />;
  return <>{children(resource.data)}</>;
}

/** The council (its size for the level), its secretary, and the jury drawn from it. */
export function CouncilCard({ council }: { council: Resource<AwardCouncilView> }) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby="aw-council-title" data-testid="round-council">
      <h2 id="aw-council-title">{t('Hội đồng và ban giám khảo', 'Council and jury')}</h2>
      <Loaded resource={council}>
        {(c) => (
          <>
            <dl className="pairs">
              <div>
                <dt>{t('Thư ký hội đồng', 'Council secretary')}</dt>
                <dd>{c.secretary?.displayName ?? t('Chưa chỉ định', 'Not named')}</dd>
              </div>
              <div>
                <dt>{t('Số thành viên hội đồng', 'Council members')}</dt>
                <dd>
                  {formatCount(c.members.length)}{' '}
                  <small>
                    {t(
                      `(theo cấp: ${c.sizeLimits.min}–${c.sizeLimits.max})`,
                      `(for the level: ${c.sizeLimits.min}–${c.sizeLimits.max})`,
                    )}
                  </small>
                </dd>
              </div>
              <div>
                <dt>{t('Số giám khảo', 'Jurors')}</dt>
                <dd>{formatCount(c.jurorIds.length)}</dd>
              </div>
            </dl>
            {c.members.length > 0 ? (
              <ul className="aw-members">
                {c.members.map((m) => (
                  <li key={m.userId} data-user={m.userId} data-on-jury={m.onJury}>
                    {m.displayName}{' '}
                    {m.onJury ? (
                      <span className="badge dd-info">{t('Giám khảo', 'Juror')}</span>
                    ) : (
                      <span className="badge">{t('Thành viên', 'Member')}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('Chưa thành lập hội đồng.', 'No council yet.')}</p>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Sheets done per juror: counts only, so the secretary follows the work without seeing a score. */
export function ProgressCard({ roundId, version }: { roundId: string; version: number }) {
  const { t } = useLang();
  const progress = useApi<ScoringProgressView>(`/api/v1/award-rounds/${roundId}/progress`, version);
  return (
    <section className="card" aria-labelledby="aw-progress-title" data-testid="round-progress">
      <h2 id="aw-progress-title">{t('Tiến độ chấm điểm theo giám khảo', 'Scoring progress per juror')}</h2>
      <Loaded resource={progress}>
        {(p) =>
          p.jurors.length === 0 ? (
            <p className="muted">{t('Chưa có giám khảo.', 'No juror yet.')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table dd-cards">
                <thead>
                  <tr>
                    <th scope="col">{t('Giám khảo', 'Juror')}</th>
                    <th scope="col">{t('Đã chấm / được giao', 'Scored / assigned')}</th>
                    <th scope="col" className="num">
                      {t('Còn lại', 'Left')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.jurors.map((j) => (
                    <tr key={j.userId} data-user={j.userId} data-done={j.done} data-assigned={j.assigned}>
                      <th scope="row">{j.displayName}</th>
                      <td data-label={t('Đã chấm / được giao', 'Scored / assigned')}>
                        <Fraction done={j.done} of={j.assigned} label={t('Đã chấm', 'Scored')} />
                      </td>
                      <td className="num" data-label={t('Còn lại', 'Left')}>
                        {formatCount(j.assigned - j.done)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('Cộng', 'Total')}</th>
                    <td data-label={t('Đã chấm / được giao', 'Scored / assigned')}>
                      <Fraction done={p.totals.done} of={p.totals.assigned} label={t('Đã chấm', 'Scored')} />
                    </td>
                    <td className="num" data-label={t('Còn lại', 'Left')}>
                      {formatCount(p.totals.assigned - p.totals.done)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

/**
 * The entries whose panel cannot be finalised (even, or under three after recusals): the secretary names a
 * council member in a recused juror's place before the round can close.
 */
export function PanelsCard({
  roundId,
  version,
  nameOf,
}: {
  roundId: string;
  version: number;
  nameOf: (userId: string) => string;
}) {
  const { t, lang } = useLang();
  const panels = useApi<{ items: EntryPanelView[] }>(`/api/v1/award-rounds/${roundId}/panels`, version);
  return (
    <section className="card" aria-labelledby="aw-panels-title" data-testid="round-panels">
      <h2 id="aw-panels-title">{t('Sản phẩm cần người chấm thay', 'Entries needing a substitute')}</h2>
      <Loaded resource={panels}>
        {({ items }) => {
          const needing = items.filter((p) => p.defect !== null);
          const recusals = items.reduce((sum, p) => sum + p.recusals.length, 0);
          return (
            <>
              <p data-needing={needing.length} data-recusals={recusals}>
                {needing.length === 0 ? (
                  <span className="badge ok">{t('Không có', 'None')}</span>
                ) : (
                  <span className="badge danger">
                    {t(`${formatCount(needing.length)} sản phẩm`, `${formatCount(needing.length)} entries`)}
                  </span>
                )}{' '}
                {t(
                  `${formatCount(recusals)} lượt từ chối chấm trên ${formatCount(items.length)} sản phẩm.`,
                  `${formatCount(recusals)} recusal(s) across ${formatCount(items.length)} entries.`,
                )}
              </p>
              {needing.length > 0 ? (
                <div className="table-wrap">
                  <table className="table dd-cards">
                    <thead>
                      <tr>
                        <th scope="col">{t('Sản phẩm', 'Entry')}</th>
                        <th scope="col">{t('Lý do chưa chốt được', 'Why it cannot be finalised')}</th>
                        <th scope="col">{t('Từ chối chấm', 'Recused')}</th>
                        <th scope="col">{t('Người chấm thay', 'Substitutes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {needing.map((p) => (
                        <tr key={p.entryId} data-entry-code={p.entryCode} data-defect={p.defect!.code}>
                          <th scope="row">{p.entryCode}</th>
                          <td className="wrap" data-label={t('Lý do', 'Why')}>
                            {p.defect!.messages[lang]}
                          </td>
                          <td className="wrap" data-label={t('Từ chối chấm', 'Recused')}>
                            <ul className="aw-plain">
                              {p.recusals.map((r) => (
                                <li key={r.memberId}>
                                  <strong>{nameOf(r.memberId)}</strong>: {r.reason}{' '}
                                  <small className="muted">({formatDateTime(r.declaredAt)})</small>
                                </li>
                              ))}
                            </ul>
                          </td>
                          <td className="wrap" data-label={t('Người chấm thay', 'Substitutes')}>
                            {p.substituteIds.length === 0
                              ? t('Chưa có', 'None yet')
                              : p.substituteIds.map(nameOf).join(', ')}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
