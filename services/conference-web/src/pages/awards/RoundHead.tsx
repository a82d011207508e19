import type { ReactNode } from 'react';
import type { AwardRoundView } from '@kc/contracts';
import { LiveStatus } from '../../app/LiveStatus';
import { useLang } from '../../i18n/lang';
import { Breadcrumbs, type Crumb } from '../projects/common';
import { StateBadge, useAreaText } from './common';
import { levelText } from './labels';

/** A round page's breadcrumbs and heading: its name, level, year, area and state, and the live line. */
export function RoundHead({
  round,
  title,
  crumbs,
  live,
  children,
}: {
  round: AwardRoundView;
  /** The page's own title under the round's name (e.g. "Chấm điểm"); none on the round's own page. */
  title?: string;
  crumbs: Crumb[];
  live: { connected: boolean; fetchedAt: string | undefined };
  children?: ReactNode;
}) {
  const { t, lang } = useLang();
  const areaText = useAreaText();
  return (
    <>
      <Breadcrumbs items={[{ label: t('Vòng bình chọn', 'Award rounds'), to: '/awards' }, ...crumbs]} />
      <header className="dd-page-head">
        <div>
          {title ? <p className="aw-eyebrow">{round.name}</p> : null}
          <h1>{title ?? round.name}</h1>
          <p className="dd-subtitle">
            {[levelText(round, lang), t(`năm ${round.year}`, `year ${round.year}`), areaText(round)].join(
              ' · ',
            )}{' '}
            <StateBadge round={round} />
          </p>
          {children}
        </div>
        <LiveStatus connected={live.connected} fetchedAt={live.fetchedAt} />
      </header>
    </>
  );
}
