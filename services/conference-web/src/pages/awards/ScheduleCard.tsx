import type { AwardRoundView } from '@kc/contracts';
import { formatCount, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { deadlineText } from './labels';
import { pointsText } from './sheet';

/** Today in Vietnam as yyyy-mm-dd: a deadline's day is over only when this date is past it. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * The round's schedule: every date known so far (entries, scoring, announcement, the complaint window of 15
 * working days and the answers due 10 working days after it), the calendar they were counted on, and the quota.
 */
export function ScheduleCard({ round }: { round: AwardRoundView }) {
  const { t, lang } = useLang();
  const today = todayInVietnam();
  return (
    <section className="card" aria-labelledby="aw-schedule-title" data-testid="round-schedule">
      <h2 id="aw-schedule-title">{t('Lịch và các hạn', 'Schedule and deadlines')}</h2>
      {round.deadlines.length === 0 ? (
        <p className="muted">{t('Vòng bình chọn chưa có lịch.', 'The round has no schedule yet.')}</p>
      ) : (
        <dl className="pairs">
          {round.deadlines.map((deadline) => (
            <div key={deadline.kind} data-deadline={deadline.kind} data-on={deadline.on}>
              <dt>{deadlineText(deadline, lang)}</dt>
              <dd>
                <time dateTime={deadline.on}>{formatDate(deadline.on)}</time>
                {deadline.on < today ? <small> · {t('đã qua', 'past')}</small> : null}
              </dd>
            </div>
          ))}
          {round.schedule?.workingDayCalendar ? (
            <div>
              <dt>{t('Lịch ngày làm việc dùng để tính hạn', 'Working-day calendar used')}</dt>
              <dd>
                <small>{round.schedule.workingDayCalendar}</small>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('Hạn mức mỗi tỉnh, mỗi nhóm sản phẩm', 'Quota per province and group')}</dt>
            <dd>
              {round.quotaPerProvinceAndGroup === null
                ? t('Không giới hạn', 'None')
                : formatCount(round.quotaPerProvinceAndGroup)}
            </dd>
          </div>
        </dl>
      )}
      {round.warnings.length > 0 ? (
        <ul className="aw-warnings">
          {round.warnings.map((warning) => (
            <li key={warning}>
              <span className="badge warn">{t('Lưu ý', 'Note')}</span> {warning}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The round's four criteria and their maxima, each with its sub-criteria where the round splits it. */
export function CriteriaCard({ round }: { round: AwardRoundView }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="aw-criteria-title">
      <h2 id="aw-criteria-title">{t('Tiêu chí chấm điểm', 'Scoring criteria')}</h2>
      <dl className="pairs">
        {round.criteria.flatMap((criterion) => [
          <div key={criterion.id} data-criterion={criterion.id}>
            <dt>{lang === 'vi' ? criterion.label.vi : criterion.label.en}</dt>
            <dd>{pointsText(criterion.maxTenths, lang)}</dd>
          </div>,
          ...criterion.subCriteria.map((sub) => (
            <div key={`${criterion.id}.${sub.id}`} className="indent">
              <dt>{lang === 'vi' ? sub.label.vi : sub.label.en}</dt>
              <dd>{pointsText(sub.maxTenths, lang)}</dd>
            </div>
          )),
        ])}
      </dl>
      <p className="muted small">
        {t(
          'Sản phẩm đạt khi điểm trung bình của ban giám khảo từ 70 điểm trở lên.',
          'An entry passes with a jury average of at least 70 points.',
        )}
      </p>
    </section>
  );
}
