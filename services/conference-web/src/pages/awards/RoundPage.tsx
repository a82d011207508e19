import { Link, useParams } from 'react-router';
import type { AwardCouncilView, AwardRoundView } from '@kc/contracts';
import { useApi, useLiveVersions } from '../../api/resource';
import { useLang } from '../../i18n/lang';
import { isStaff, useSession } from '../../session/session';
import { ErrorNotice, Loading, Notice } from '../projects/common';
import { isRefusal } from './common';
import { CouncilCard, PanelsCard, ProgressCard } from './JuryCards';
import { ResultCard } from './ResultCard';
import { RoundHead } from './RoundHead';
import { CriteriaCard, ScheduleCard } from './ScheduleCard';

/**
 * One round, for the council secretary and the round's authority: schedule and deadlines, council and jury,
 * progress per juror (counts only), the entries whose panel needs a substitute, and once published the result
 * with its SHA-256 and its verification. A juror sees the schedule, the criteria, a way to their scoring page and
 * the published result, which is public.
 */
export default function RoundPage() {
  const { t } = useLang();
  const { roundId = '' } = useParams();
  const { principal } = useSession();
  const staff = isStaff(principal);
  const juror = principal?.role === 'juror';

  const live = useLiveVersions(['awards']);
  const round = useApi<AwardRoundView>(
    staff || juror ? `/api/v1/award-rounds/${roundId}` : null,
    live.version,
  );
  const council = useApi<AwardCouncilView>(
    staff ? `/api/v1/award-rounds/${roundId}/council` : null,
    live.version,
  );
  const names = new Map(council.data?.members.map((m) => [m.userId, m.displayName]) ?? []);
  const nameOf = (userId: string) => names.get(userId) ?? userId;
  // Council, progress and panels share one rule (the secretary or the round's authority): one refusal says it.
  const secretaryRefused = staff && isRefusal(council.error);
  const secretaryView = staff && !secretaryRefused;

  if (!staff && !juror) {
    return (
      <div className="page">
        <Notice testId="round-not-for-role">
          {t(
            'Trang vòng bình chọn dành cho cán bộ của Cục, các Sở Công Thương và thành viên hội đồng giám khảo.',
            'The round’s page is for the agency’s and the provincial departments’ staff and for jurors.',
          )}
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
                  'Không có vòng bình chọn này, hoặc bạn không được xem',
                  'No such round, or you may not see it',
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

  return (
    <div className="page aw-page aw-round" data-round-id={r.id} data-state={r.state}>
      <RoundHead
        round={r}
        crumbs={[{ label: r.name }]}
        live={{ connected: live.connected, fetchedAt: round.fetchedAt }}
      >
        {juror ? (
          <p>
            <Link className="button" to={`/awards/${r.id}/scoring`}>
              {t('Mở trang chấm điểm của bạn', 'Open your scoring page')}
            </Link>
          </p>
        ) : null}
      </RoundHead>
      {secretaryRefused ? (
        <Notice testId="round-secretary-only">
          {t(
            'Hội đồng, tiến độ chấm và danh sách chấm từng sản phẩm chỉ dành cho thư ký hội đồng và cơ quan tổ chức vòng bình chọn.',
            'The council, the scoring progress and the panels are for the council secretary and the round’s authority.',
          )}
        </Notice>
      ) : null}
      <div className="grid aw-cards">
        <ScheduleCard round={r} />
        <CriteriaCard round={r} />
        {secretaryView ? <CouncilCard council={council} /> : null}
      </div>
      {secretaryView ? (
        <div className="grid aw-cards">
          <ProgressCard roundId={r.id} version={live.version} />
          <PanelsCard roundId={r.id} version={live.version} nameOf={nameOf} />
        </div>
      ) : null}
      {r.state === 'published' ? <ResultCard round={r} staff={staff} /> : null}
    </div>
  );
}
