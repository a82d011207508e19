import type { ClusterDetailView, ClusterReportListItem, ClusterStatus } from '@kc/contracts';

/**
 * How the cluster pages name statuses, works, developers and decisions. Vietnamese status labels come from the
 * API where it sends them (`statusLabel`); the contracts' label tables are values, so they are copied here for
 * filters and English (a value import would bundle zod and every schema). `Record`s keep them complete when the
 * contracts add a member.
 */
export type Pair = readonly [vi: string, en: string];
type Lang = 'vi' | 'en';
type Detail = ClusterDetailView;

export const pick = ([vi, en]: Pair, lang: Lang): string => (lang === 'vi' ? vi : en);

export const CLUSTER_STATUS: Record<ClusterStatus, Pair> = {
  planned: ['Có trong quy hoạch', 'On the provincial list'],
  established: ['Đã thành lập', 'Established'],
  'detailed-plan': ['Đã có quy hoạch chi tiết', 'Detailed plan approved'],
  infrastructure: ['Đang đầu tư hạ tầng', 'Infrastructure under investment'],
  operating: ['Đang hoạt động', 'Operating'],
  removed: ['Đã bãi bỏ', 'Removed'],
};
export const CLUSTER_STATUSES = Object.keys(CLUSTER_STATUS) as ClusterStatus[];

export const CLUSTER_STATUS_TONE: Record<ClusterStatus, string> = {
  planned: 'badge',
  established: 'badge dd-info',
  'detailed-plan': 'badge dd-info',
  infrastructure: 'badge warn',
  operating: 'badge ok',
  removed: 'badge danger',
};

/** The status as the API says it in Vietnamese, our English otherwise. */
export function clusterStatusText(
  status: ClusterStatus,
  statusLabel: string | undefined,
  lang: Lang,
): string {
  return lang === 'vi' && statusLabel ? statusLabel : pick(CLUSTER_STATUS[status], lang);
}

export const SIZE_CATEGORY: Record<Detail['sizeCategory'], Pair> = {
  standard: ['Cụm công nghiệp thông thường (10–75 ha)', 'Standard cluster (10–75 ha)'],
  'mountain-district': ['Cụm ở địa bàn miền núi (5–75 ha)', 'Mountain-area cluster (5–75 ha)'],
  'craft-village': ['Cụm làng nghề (5–75 ha)', 'Craft-village cluster (5–75 ha)'],
};

export const DEVELOPER_KIND: Record<NonNullable<Detail['developer']>['kind'], Pair> = {
  enterprise: ['Doanh nghiệp', 'Enterprise'],
  cooperative: ['Hợp tác xã', 'Cooperative'],
  'state-unit': ['Đơn vị sự nghiệp công lập / Ban quản lý', 'Public service unit / management board'],
};

export const DEVELOPER_SELECTION: Record<NonNullable<Detail['developer']>['selection'], Pair> = {
  'evaluation-council': ['Lựa chọn qua Hội đồng đánh giá', 'Selected by an evaluation council'],
  'state-assignment': ['Giao cho đơn vị sự nghiệp công lập', 'Assigned to a public service unit'],
  'earlier-procedure': ['Theo thủ tục trước Nghị định 32/2024', 'Under the procedure before Decree 32/2024'],
};

export const WORKS_STATUS: Record<Detail['infrastructure']['roads'], Pair> = {
  none: ['Chưa có', 'None'],
  planned: ['Đã có quy hoạch', 'Planned'],
  'under-construction': ['Đang xây dựng', 'Under construction'],
  'in-use': ['Đã đưa vào sử dụng', 'In use'],
};

export const PLANT_STATUS: Record<NonNullable<Detail['infrastructure']['wastewaterPlant']>['status'], Pair> =
  {
    planned: ['Quy hoạch', 'Planned'],
    'under-construction': ['Đang xây dựng', 'Under construction'],
    'in-use': ['Đang vận hành', 'In operation'],
  };

export const WORKS: [keyof Omit<Detail['infrastructure'], 'wastewaterPlant'>, Pair][] = [
  ['roads', ['Đường giao thông nội bộ', 'Internal roads']],
  ['power', ['Cấp điện', 'Power supply']],
  ['water', ['Cấp nước', 'Water supply']],
  ['drainage', ['Thoát nước', 'Drainage']],
];

export const TENANT_STATUS: Record<Detail['tenants'][number]['status'], Pair> = {
  registered: ['Đã đăng ký đầu tư', 'Registered'],
  'under-construction': ['Đang xây dựng', 'Under construction'],
  operating: ['Đang hoạt động', 'Operating'],
  stopped: ['Ngừng hoạt động', 'Stopped'],
};

export const STEP: Record<Detail['history'][number]['step'], Pair> = {
  establish: ['Thành lập', 'Established'],
  'approve-detailed-plan': ['Phê duyệt quy hoạch chi tiết', 'Detailed plan approved'],
  'start-infrastructure': ['Khởi công hạ tầng', 'Infrastructure started'],
  'start-operating': ['Đưa vào hoạt động', 'Started operating'],
  expand: ['Mở rộng', 'Expanded'],
  adjust: ['Điều chỉnh', 'Adjusted'],
  remove: ['Bãi bỏ', 'Removed'],
};

export const AUTHORITY: Record<Detail['history'][number]['decision']['authority'], Pair> = {
  'provincial-peoples-committee': ['UBND cấp tỉnh', 'Provincial People’s Committee'],
  'district-peoples-committee': ['UBND cấp huyện', 'District People’s Committee'],
  'commune-peoples-committee': ['UBND cấp xã', 'Commune People’s Committee'],
  'department-of-industry-and-trade': ['Sở Công Thương', 'Department of Industry and Trade'],
  other: ['Cơ quan khác', 'Other authority'],
};

export const REPORT_STATUS: Record<ClusterReportListItem['status'], Pair> = {
  'not-opened': ['Chưa lập báo cáo', 'Not opened'],
  draft: ['Đang soạn', 'Draft'],
  submitted: ['Đã gửi', 'Submitted'],
  returned: ['Trả lại để chỉnh sửa', 'Returned for correction'],
  approved: ['Đã duyệt', 'Approved'],
};

export const REPORT_STATUS_TONE: Record<ClusterReportListItem['status'], string> = {
  'not-opened': 'badge',
  draft: 'badge',
  submitted: 'badge dd-info',
  returned: 'badge warn',
  approved: 'badge ok',
};

export function reportStatusText(item: Pick<ClusterReportListItem, 'status' | 'statusLabel'>, lang: Lang) {
  return lang === 'vi' && item.statusLabel ? item.statusLabel : pick(REPORT_STATUS[item.status], lang);
}
