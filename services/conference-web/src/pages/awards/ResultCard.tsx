import { useMemo, useState } from 'react';
import type { AwardEntryView, AwardRoundView, Page, ResultVerificationView } from '@kc/contracts';
import { allPages, useApi, useResource } from '../../api/resource';
import { formatCount } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import { ErrorNotice, Loading } from '../projects/common';
import { groupText } from './labels';
import { criterionTenths, loadResult, type PublishedResultDocument } from './result';
import { decimalText, pointsText } from './sheet';

type Doc = PublishedResultDocument;

const show = (value: unknown): string =>
  value === null || value === undefined ? '—' : JSON.stringify(value);

/** A SHA-256 beside the one it must equal: the badge says whether it does. */
function HashRow({
  label,
  value,
  expected,
}: {
  label: string;
  value: string | null;
  expected: string | null;
}) {
  const { t } = useLang();
  if (value === null) return null;
  return (
    <div data-same={expected === null ? undefined : value === expected}>
      <dt>{label}</dt>
      <dd>
        <code className="aw-hash">{value}</code>{' '}
        {expected === null ? null : value === expected ? (
          <span className="badge ok">{t('trùng khớp', 'matches')}</span>
        ) : (
          <span className="badge danger">{t('không trùng khớp', 'differs')}</span>
        )}
      </dd>
    </div>
  );
}

/**
 * Whether the published figures re-derive from the published sheets (the service recomputes them), and the
 * document's SHA-256 as announced, as the service recomputed it and as this browser computed it from the bytes.
 */
function Verification({ round, digest }: { round: AwardRoundView; digest: string | null }) {
  const { t } = useLang();
  // The stored document never changes, so neither does its verification: asked once, not on every notice.
  const check = useApi<ResultVerificationView>(`/api/v1/award-rounds/${round.id}/result/verification`);
  const announced = round.resultSha256;
  return (
    <div className="aw-verification" data-testid="result-verification">
      <h3>{t('Kiểm tra lại kết quả', 'Re-derivation')}</h3>
      {check.error ? <ErrorNotice error={check.error} /> : null}
      {check.loading ? <Loading /> : null}
      {check.data ? (
        <p aria-live="polite" data-matches={check.data.matches}>
          {check.data.matches ? (
            <span className="badge ok aw-verdict">
              {t('Kết quả khớp khi tính lại', 'The result matches when recomputed')}
            </span>
          ) : (
            <span className="badge danger aw-verdict">
              {t(
                `Kết quả không khớp khi tính lại: ${formatCount(check.data.differences.length)} chỗ khác`,
                `The result does not match when recomputed: ${formatCount(check.data.differences.length)} difference(s)`,
              )}
            </span>
          )}
        </p>
      ) : null}
      <dl className="pairs">
        <HashRow label={t('SHA-256 đã công bố', 'Announced SHA-256')} value={announced} expected={null} />
        <HashRow
          label={t('SHA-256 máy chủ tính lại', 'SHA-256 recomputed by the service')}
          value={check.data?.sha256 ?? null}
          expected={announced}
        />
        <HashRow
          label={t(
            'SHA-256 trình duyệt này tính từ tệp tải về',
            'SHA-256 this browser computed from the bytes',
          )}
          value={digest}
          expected={announced}
        />
      </dl>
      {check.data && check.data.differences.length > 0 ? (
        <div className="table-wrap">
          <table className="table dd-cards" data-testid="result-differences">
            <thead>
              <tr>
                <th scope="col">{t('Sản phẩm', 'Entry')}</th>
                <th scope="col">{t('Giám khảo', 'Juror')}</th>
                <th scope="col">{t('Trường', 'Field')}</th>
                <th scope="col">{t('Công bố', 'Published')}</th>
                <th scope="col">{t('Tính lại', 'Recomputed')}</th>
              </tr>
            </thead>
            <tbody>
              {check.data.differences.map((d, i) => (
                <tr key={i}>
                  <td data-label={t('Sản phẩm', 'Entry')}>{d.entryCode ?? '—'}</td>
                  <td data-label={t('Giám khảo', 'Juror')}>{d.juror ?? '—'}</td>
                  <td data-label={t('Trường', 'Field')}>
                    <code>{d.field}</code>
                  </td>
                  <td className="wrap" data-label={t('Công bố', 'Published')}>
                    {show(d.published)}
                  </td>
                  <td className="wrap" data-label={t('Tính lại', 'Recomputed')}>
                    {show(d.recomputed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** Each product group's entries by rank, with the jury average, the sheets counted and pass or fail. */
function GroupResults({ doc, names }: { doc: Doc; names: ReadonlyMap<string, string> }) {
  const { t, lang } = useLang();
  const normalised = doc.algorithm.normalisation !== 'none';
  return (
    <>
      {doc.results.groups
        .filter((g) => g.entries > 0)
        .map((g) => (
          <section
            key={g.group}
            className="aw-group"
            aria-labelledby={`aw-group-${g.group}`}
            data-group={g.group}
          >
            <h3 id={`aw-group-${g.group}`}>
              {groupText(g.group, lang)}{' '}
              <small className="muted">
                {t(
                  `${formatCount(g.passed)}/${formatCount(g.entries)} sản phẩm đạt`,
                  `${formatCount(g.passed)} of ${formatCount(g.entries)} passed`,
                )}
              </small>
            </h3>
            <div className="table-wrap">
              <table className="table dd-cards">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('Hạng', 'Rank')}
                    </th>
                    <th scope="col">{t('Sản phẩm', 'Entry')}</th>
                    <th scope="col" className="num">
                      {t('Điểm trung bình', 'Average')}
                    </th>
                    {normalised ? (
                      <th scope="col" className="num">
                        {t('Điểm chuẩn hóa (tham khảo)', 'Normalised (informative)')}
                      </th>
                    ) : null}
                    <th scope="col" className="num">
                      {t('Số phiếu', 'Sheets')}
                    </th>
                    <th scope="col">{t('Kết quả', 'Result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {doc.results.entries
                    .filter((e) => e.group === g.group)
                    .map((e) => (
                      <tr key={e.code} data-entry-code={e.code} data-passed={e.passed} data-rank={e.rank}>
                        <td className="num" data-label={t('Hạng', 'Rank')}>
                          {e.rank}
                        </td>
                        <td className="wrap">
                          <strong>{e.code}</strong>
                          {names.get(e.code) ? (
                            <span className="aw-entry-name"> {names.get(e.code)}</span>
                          ) : null}
                        </td>
                        <td className="num" data-label={t('Điểm trung bình', 'Average')}>
                          {decimalText(e.average, lang)}
                        </td>
                        {normalised ? (
                          <td className="num" data-label={t('Chuẩn hóa', 'Normalised')}>
                            {decimalText(e.normalisedAverage, lang)}
                          </td>
                        ) : null}
                        <td className="num" data-label={t('Số phiếu', 'Sheets')}>
                          {formatCount(e.sheetCount)}
                        </td>
                        <td data-label={t('Kết quả', 'Result')}>
                          {e.passed ? (
                            <span className="badge ok">{t('Đạt', 'Passed')}</span>
                          ) : (
                            <span className="badge">{t('Không đạt', 'Not passed')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </>
  );
}

/** Every sheet under its pseudonym, per criterion; drawn only when opened (a national round has ~2,000). */
function PublishedSheets({ doc }: { doc: Doc }) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  const criteria = doc.criteria.criteria;
  return (
    <details className="aw-sheets" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t(
          `Các phiếu chấm đã công bố (ẩn danh): ${formatCount(doc.sheets.length)} phiếu`,
          `The published sheets (pseudonymous): ${formatCount(doc.sheets.length)}`,
        )}
      </summary>
      {open ? (
        <div className="table-wrap">
          <table className="table" data-testid="published-sheets">
            <thead>
              <tr>
                <th scope="col">{t('Sản phẩm', 'Entry')}</th>
                <th scope="col">{t('Giám khảo', 'Juror')}</th>
                {criteria.map((c) => (
                  <th key={c.id} scope="col" className="num">
                    {lang === 'vi' ? c.label.vi : c.label.en} ({pointsText(c.maxTenths, lang)})
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('Tổng', 'Total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {doc.sheets.map((s) => (
                <tr key={`${s.entryCode}/${s.juror}`}>
                  <td>{s.entryCode}</td>
                  <td>{s.juror}</td>
                  {criteria.map((c) => (
                    <td key={c.id} className="num">
                      {pointsText(criterionTenths(s.scoresTenths[c.id]), lang)}
                    </td>
                  ))}
                  <td className="num">
                    <strong>{pointsText(s.totalTenths, lang)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}

/**
 * The published result: totals, each group's ranking, the pseudonymous sheets, the algorithm, the document to
 * download, and its verification. Staff also see each entry's product beside its code (the document has codes only).
 */
export function ResultCard({ round, staff }: { round: AwardRoundView; staff: boolean }) {
  const { t, lang } = useLang();
  // The document never changes once published: loaded once per announced hash.
  const result = useResource(`${round.id}/${round.resultSha256}`, () => loadResult(round.id));
  const entriesPath = `/api/v1/award-rounds/${round.id}/entries`;
  const entries = useResource<Page<AwardEntryView>>(staff ? entriesPath : null, () =>
    allPages<Page<AwardEntryView>>(entriesPath, new URLSearchParams()),
  );
  const names = useMemo(
    () => new Map((entries.data?.items ?? []).map((e) => [e.code, `${e.product.name} · ${e.facility.name}`])),
    [entries.data],
  );
  const doc = result.data?.document;
  return (
    <section className="card aw-result" aria-labelledby="aw-result-title" data-testid="round-result">
      <h2 id="aw-result-title">{t('Kết quả đã công bố', 'Published result')}</h2>
      {result.error ? <ErrorNotice error={result.error} /> : null}
      {result.loading ? <Loading /> : null}
      {doc ? (
        <>
          <div className="figures">
            {(
              [
                ['entries', t('Sản phẩm', 'Entries'), doc.results.totals.entries],
                ['passed', t('Đạt', 'Passed'), doc.results.totals.passed],
                ['failed', t('Không đạt', 'Not passed'), doc.results.totals.failed],
                ['sheets', t('Phiếu chấm', 'Sheets'), doc.results.totals.sheets],
              ] as const
            ).map(([key, label, value]) => (
              <div key={key} className="figure" data-figure={key} data-value={value}>
                <div className="label">{label}</div>
                <div className="value">{formatCount(value)}</div>
              </div>
            ))}
          </div>
          <Verification round={round} digest={result.data!.digest} />
          <p className="aw-download">
            <a
              className="button secondary"
              href={`/api/v1/award-rounds/${round.id}/result`}
              download={`ket-qua-${round.id}.json`}
            >
              {t('Tải tài liệu kết quả (JSON)', 'Download the result document (JSON)')}
            </a>{' '}
            <span className="muted small">
              {t(
                'Ai cũng có thể tính lại mọi con số từ chính tệp này.',
                'Anyone can recompute every figure from this very file.',
              )}
            </span>
          </p>
          <details className="aw-algorithm">
            <summary>
              {t('Thuật toán', 'Algorithm')}: {doc.algorithm.name} {doc.algorithm.version}
              {doc.algorithm.normalisation !== 'none'
                ? ` · ${t('chuẩn hóa', 'normalisation')} ${doc.algorithm.normalisation}`
                : ''}
            </summary>
            <p>{lang === 'vi' ? doc.algorithm.description.vi : doc.algorithm.description.en}</p>
          </details>
          <GroupResults doc={doc} names={names} />
          <PublishedSheets doc={doc} />
        </>
      ) : null}
    </section>
  );
}
