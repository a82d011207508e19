import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type {
  AssignmentView,
  AwardRoundState,
  AwardRoundView,
  Page,
  RecusalView,
  ScoreSheetView,
} from '@kc/contracts';
import { allPages, useApi, useLiveVersions, useResource } from '../../api/resource';
import { formatCount, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice } from '../projects/common';
import { AssignmentList } from './AssignmentList';
import { Fraction, isRefusal } from './common';
import { RoundHead } from './RoundHead';
import { SheetPanel } from './SheetPanel';
import type { SheetValues } from './sheet';

/** 200 a page: a juror's share of even a very large round (the benchmark's 10,000 entries) fits. */
const MAX_PAGES = 50;
const PAGE_LIMIT = 200;
const STATE_ORDER: AwardRoundState[] = ['entries-open', 'scoring', 'closed', 'published'];

/** The assignments as last fetched, with what this page did since: sheets saved, entries recused from. */
function merged(
  page: Page<AssignmentView> | undefined,
  saved: ReadonlyMap<string, ScoreSheetView>,
  recused: ReadonlySet<string>,
) {
  if (!page) return { items: [], assigned: 0, done: 0, partial: false };
  const items = page.items
    .filter((a) => !recused.has(a.entry.id))
    .map((a) => ({ ...a, sheet: saved.get(a.entry.id) ?? a.sheet }));
  const partial = page.items.length < page.total;
  const assigned = partial ? page.total - (page.items.length - items.length) : items.length;
  return { items, assigned, done: items.filter((a) => a.sheet !== null).length, partial };
}

/**
 * The juror's scoring page: the entries assigned to them in the round, their progress, and the score sheet of the
 * entry they open. Blind: it asks only for the juror's own assignments and sheets (the API allows nothing else).
 */
export default function ScoringPage() {
  const { t } = useLang();
  const { roundId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { principal } = useSession();
  const juror = principal?.role === 'juror';
  const entryId = params.get('entry');

  const live = useLiveVersions(['awards']);
  const round = useApi<AwardRoundView>(juror ? `/api/v1/award-rounds/${roundId}` : null, live.version);
  const assignmentsPath = `/api/v1/award-rounds/${roundId}/assignments`;
  // Every juror's save is a change notice. A one-page list follows them all; a longer one (a page per 200
  // entries, per juror) is fetched again only when the round changes state: this page's own saves and
  // recusals are applied to it here.
  const longList = useRef(false);
  const page = useResource<Page<AssignmentView>>(
    juror ? assignmentsPath : null,
    () => allPages<Page<AssignmentView>>(assignmentsPath, new URLSearchParams(), MAX_PAGES),
    longList.current ? STATE_ORDER.indexOf(round.data?.state ?? 'entries-open') : live.version,
  );
  if (page.data) longList.current = page.data.total > PAGE_LIMIT;
  const [saved, setSaved] = useState<ReadonlyMap<string, ScoreSheetView>>(new Map());
  const [recused, setRecused] = useState<ReadonlySet<string>>(new Set());
  const [drafts, setDrafts] = useState<ReadonlyMap<string, SheetValues>>(new Map());
  const [notice, setNotice] = useState('');

  const { items, assigned, done, partial } = useMemo(
    () => merged(page.data, saved, recused),
    [page.data, saved, recused],
  );
  const hrefFor = (id: string) => `?entry=${encodeURIComponent(id)}`;
  const selected = items.find((a) => a.entry.id === entryId);
  const at = selected ? items.indexOf(selected) : -1;
  const next = [...items.slice(at + 1), ...items.slice(0, Math.max(0, at))].find(
    (a) => a.sheet === null && a.entry.id !== entryId,
  );

  if (!juror) {
    return (
      <div className="page">
        <h1>{t('Chấm điểm', 'Scoring')}</h1>
        <Notice testId="scoring-not-for-role">
          {t(
            'Trang chấm điểm dành cho thành viên ban giám khảo. Cán bộ theo dõi tiến độ chấm trên trang của vòng bình chọn.',
            'The scoring page is for jurors. Staff follow the progress on the round’s page.',
          )}{' '}
          <Link to={`/awards/${roundId}`}>{t('Mở trang vòng bình chọn', 'Open the round’s page')}</Link>
        </Notice>
      </div>
    );
  }
  if (round.error) {
    return (
      <div className="page">
        <ErrorNotice
          error={round.error}
          what={
            isRefusal(round.error)
              ? t(
                  'Không có vòng bình chọn này, hoặc bạn không ở trong ban giám khảo của vòng',
                  'No such round, or you are not on its jury',
                )
              : undefined
          }
        />
        <Link to="/awards">{t('Về danh sách vòng bình chọn', 'Back to the award rounds')}</Link>
      </div>
    );
  }
  if (!round.data) return <Loading />;
  const r = round.data;

  const rememberDraft = (id: string, values: SheetValues | null) =>
    setDrafts((current) => {
      const nextDrafts = new Map(current);
      if (values) nextDrafts.set(id, values);
      else nextDrafts.delete(id);
      return nextDrafts;
    });
  const onSaved = (sheet: ScoreSheetView) =>
    setSaved((current) => new Map(current).set(sheet.entryId, sheet));
  const onRecused = (recusal: RecusalView) => {
    setRecused((current) => new Set(current).add(recusal.entryId));
    rememberDraft(recusal.entryId, null);
    setNotice(
      t(
        `Bạn đã từ chối chấm sản phẩm ${recusal.entryCode}.${recusal.sheetWithdrawn ? ' Phiếu chấm đã lưu cho sản phẩm này đã được rút.' : ''}`,
        `You recused from entry ${recusal.entryCode}.${recusal.sheetWithdrawn ? ' The sheet you had saved for it was withdrawn.' : ''}`,
      ),
    );
    navigate('?', { replace: true });
  };

  return (
    <div className="page aw-page aw-scoring">
      <RoundHead
        round={r}
        title={t('Chấm điểm', 'Scoring')}
        crumbs={[{ label: r.name, to: `/awards/${r.id}` }, { label: t('Chấm điểm', 'Scoring') }]}
        live={{ connected: live.connected, fetchedAt: page.fetchedAt }}
      >
        {r.schedule ? (
          <p className="dd-subtitle">
            {t('Hạn kết thúc chấm điểm', 'Scoring closes on')}:{' '}
            <strong>{formatDate(r.schedule.scoringClosesOn)}</strong>
          </p>
        ) : null}
      </RoundHead>

      <p className="aw-live-notice" role="status" aria-live="polite" data-testid="scoring-notice">
        {notice}
      </p>

      {page.error ? <ErrorNotice error={page.error} /> : null}
      {page.loading ? <Loading /> : null}
      {page.data ? (
        <>
          <section className="figures aw-progress" aria-label={t('Tiến độ chấm của bạn', 'Your progress')}>
            <div className="figure" data-figure="sheetsDone" data-done={done} data-assigned={assigned}>
              <div className="label">{t('Đã chấm / được giao', 'Scored / assigned')}</div>
              <div className="value">
                {formatCount(done)}/{formatCount(assigned)}
              </div>
              <Fraction done={done} of={assigned} label={t('Tiến độ', 'Progress')} />
            </div>
            <p className="figure aw-blind note">
              {t(
                'Chấm độc lập: bạn chỉ thấy phiếu chấm của chính mình. Điểm của các giám khảo khác chỉ được công bố (ẩn danh) cùng kết quả.',
                'Independent scoring: you see only your own sheets. Other jurors’ scores are published, under pseudonyms, with the result.',
              )}
              {partial
                ? t(
                    ` Danh sách hiện ${formatCount(items.length)} sản phẩm đầu tiên.`,
                    ` The list shows the first ${formatCount(items.length)} entries.`,
                  )
                : null}
            </p>
          </section>

          {items.length === 0 ? (
            <Notice testId="no-assignments">
              {t(
                'Bạn không có sản phẩm nào được giao chấm trong vòng này.',
                'No entry of this round is assigned to you.',
              )}
            </Notice>
          ) : (
            <div className="aw-scoring-grid">
              <AssignmentList
                items={items}
                selectedId={entryId}
                drafts={new Set(drafts.keys())}
                hrefFor={hrefFor}
              />
              {selected ? (
                <SheetPanel
                  round={r}
                  assignment={selected}
                  draft={drafts.get(selected.entry.id)}
                  nextHref={next ? hrefFor(next.entry.id) : null}
                  onDraft={(values) => rememberDraft(selected.entry.id, values)}
                  onSaved={onSaved}
                  onRecused={onRecused}
                />
              ) : (
                <p className="card aw-pick">
                  {entryId
                    ? t(
                        'Sản phẩm này không (còn) được giao cho bạn chấm. Hãy chọn một sản phẩm trong danh sách.',
                        'This entry is not (or no longer) assigned to you. Pick one from the list.',
                      )
                    : t(
                        'Chọn một sản phẩm trong danh sách để chấm điểm.',
                        'Pick an entry from the list to score it.',
                      )}
                </p>
              )}
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}
