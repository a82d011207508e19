import type { ClusterRecord } from '../domain/cluster-record';
import { statusInBothLanguages } from '../domain/cluster-status';
import { showHectares } from '../domain/hectares';

/** Hectares as written in Vietnamese, with a decimal comma (62,5 ha). */
const hectares = (centiHa: number): string => showHectares(centiHa).vi;

export const clusterRegisteredSummary = (cluster: {
  code: string;
  name: string;
  totalAreaCentiHa: number;
}): string =>
  `Đăng ký cụm công nghiệp ${cluster.code} "${cluster.name}", tổng diện tích ${hectares(cluster.totalAreaCentiHa)}`;

const stepWords: Record<string, string> = {
  establish: 'Thành lập',
  'approve-detailed-plan': 'Phê duyệt quy hoạch chi tiết',
  'start-infrastructure': 'Bắt đầu đầu tư hạ tầng',
  'start-operating': 'Đưa vào hoạt động',
  expand: 'Mở rộng',
  adjust: 'Điều chỉnh',
  remove: 'Bãi bỏ',
};

/** The last step of the history, with its decision: "Mở rộng cụm công nghiệp CCN-40-001 theo quyết định …". */
export function clusterStepSummary(record: ClusterRecord): string {
  const entry = record.history.at(-1);
  if (!entry) return `Cập nhật cụm công nghiệp ${record.code}`;
  const status = statusInBothLanguages(entry.to).vi;
  return (
    `${stepWords[entry.step]} cụm công nghiệp ${record.code} theo quyết định ${entry.decision.number} ` +
    `ngày ${entry.decision.date.split('-').reverse().join('/')}; trạng thái "${status}", ` +
    `tổng diện tích ${hectares(entry.totalCentiHa)}`
  );
}
