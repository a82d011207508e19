import type { ConferenceReportedIndicators } from '@kc/contracts';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/lang';
import {
  beforeTheForms,
  missingUnits,
  reportedColumns,
  reportedRows,
  reportedShare,
  sourceSummary,
  unitsUnderCorrection,
} from './reported-indicators';

/**
 * "Chỉ tiêu do các Sở báo cáo": the totals of the departments' approved periodic reports per indicator, for the
 * scope and (national page) each region, with how many units reported and which have not, beside the platform's
 * own figures above.
 */
export function ReportedIndicatorsPanel({ section }: { section: ConferenceReportedIndicators }) {
  const { t, lang } = useLang();
  const columns = reportedColumns(section, lang);
  const rows = reportedRows(section, columns, lang);
  const missing = missingUnits(section);
  const correcting = unitsUnderCorrection(section);
  const sources = sourceSummary(section, lang);
  const scope = columns[0];
  const heading = (
    <h2 id="reported-indicators">
      {t('Chỉ tiêu do các Sở báo cáo', 'Indicators reported by the departments')}
    </h2>
  );
  if (beforeTheForms(section)) {
    return (
      <section className="card" aria-labelledby="reported-indicators">
        {heading}
        <p className="muted">
          {t(
            `Năm này kết thúc trước khi có báo cáo định kỳ trên nền tảng (từ ngày ${formatDate(section.departmentFormsFrom)}).`,
            `This year ended before periodic reports came to the platform (from ${formatDate(section.departmentFormsFrom)}).`,
          )}
        </p>
      </section>
    );
  }
  return (
    <section className="card full" aria-labelledby="reported-indicators">
      <div className="card-head">
        {heading}
        <strong data-figure="reported-units">{reportedShare(scope, lang)}</strong>
      </div>
      <p className="muted small">
        {t(
          'Theo báo cáo định kỳ đã được duyệt của Sở Công Thương: báo cáo năm; nếu chưa có, báo cáo 6 tháng hoặc quý gần nhất (số lũy kế từ đầu năm). Đơn vị chưa có báo cáo được duyệt không được tính là 0.',
          "From the departments' approved periodic reports: the annual report; failing that, the latest six-monthly or quarterly one (year-to-date figures). A unit without an approved report is not counted as zero.",
        )}{' '}
        {t(
          `Báo cáo định kỳ có trên nền tảng từ ngày ${formatDate(section.departmentFormsFrom)}.`,
          `Periodic reports are on the platform from ${formatDate(section.departmentFormsFrom)}.`,
        )}
      </p>
      {sources && <p className="small">{sources}</p>}
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t('Bảng chỉ tiêu do các Sở báo cáo', 'Table: indicators reported by the departments')}
      >
        <table className="table" data-table="reported-indicators">
          <caption className="visually-hidden">
            {t('Chỉ tiêu do các Sở báo cáo', 'Indicators reported by the departments')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('Chỉ tiêu', 'Indicator')}</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" className="num" data-column={column.key}>
                  {column.title}
                  <br />
                  <small>{reportedShare(column, lang)}</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-indicator={row.key}>
                <th scope="row" className="wrap">
                  {row.label}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={columns[i].key} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {correcting.length > 0 && (
        <p className="small" data-list="under-correction">
          {t(
            'Đang sửa đổi (số đã duyệt vẫn được tính)',
            'Being corrected (the approved figures still count)',
          )}
          : {correcting.join(', ')}
        </p>
      )}
      {missing.length > 0 && (
        <details data-list="missing">
          <summary>
            {t(
              `${missing.length} đơn vị chưa có báo cáo được duyệt`,
              `${missing.length} unit${missing.length === 1 ? '' : 's'} without an approved report`,
            )}
          </summary>
          <p className="small">{missing.join(', ')}</p>
        </details>
      )}
    </section>
  );
}
