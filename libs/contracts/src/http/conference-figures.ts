import { z } from 'zod';
import { listOf } from './pagination';

/**
 * The one definition of every figure of the conference views (GET /api/v1/conferences/national,
 * /regional/:region; the glossary GET /api/v1/conferences/figures). A key means the same wherever it appears:
 * in a unit row, in `unattributed`, in `totals` and, for the project figures, in a `byContent` row (limited to
 * that content). `in: 'units'` figures add up (totals = rows + unattributed); `in: 'totals'` figures belong to
 * no province and appear in `totals` only.
 */
export const conferenceFigureDefinition = z.object({
  key: z.string(),
  in: z.enum(['units', 'totals']),
  measure: z.enum([
    'count',
    'vnd',
    /** An area in hundredths of a hectare (an exact integer); shown in hectares with two decimals. */
    'centi-ha',
    'percent',
    'counts-by-status',
    'counts-by-level-and-group',
    'counts-by-title',
  ]),
  labelVi: z.string(),
  labelEn: z.string(),
  definitionVi: z.string(),
  definitionEn: z.string(),
});
export type ConferenceFigureDefinition = z.infer<typeof conferenceFigureDefinition>;

export const conferenceFigures = [
  {
    key: 'provincialPlans',
    in: 'units',
    measure: 'count',
    labelVi: 'Kế hoạch khuyến công địa phương (KCĐP)',
    labelEn: 'Provincial plans (KCĐP)',
    definitionVi:
      'Số kế hoạch khuyến công địa phương của năm đã lập trên hệ thống; không gồm kế hoạch quốc gia.',
    definitionEn:
      "The year's provincial khuyến công plans set up on the platform; the national plan is not one.",
  },
  {
    key: 'provincialPlanBudgetVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Kinh phí kế hoạch KCĐP (đồng)',
    labelEn: 'Provincial plan budget (VND)',
    definitionVi: 'Tổng kinh phí của các kế hoạch khuyến công địa phương của năm.',
    definitionEn: "The budget of the year's provincial plans, summed.",
  },
  {
    key: 'projects',
    in: 'units',
    measure: 'count',
    labelVi: 'Đề án',
    labelEn: 'Projects',
    definitionVi: 'Mọi đề án thuộc các kế hoạch của năm, ở mọi trạng thái, tính cho đơn vị ghi trên đề án.',
    definitionEn:
      "Every project under the year's plans, in any status, counted for the unit it was recorded in.",
  },
  {
    key: 'projectsByStatus',
    in: 'units',
    measure: 'counts-by-status',
    labelVi: 'Đề án theo trạng thái',
    labelEn: 'Projects by status',
    definitionVi: 'Số đề án của năm ở từng trạng thái; cộng lại bằng số đề án.',
    definitionEn: "The year's projects in each status; they add up to the projects figure.",
  },
  {
    key: 'projectsInPlan',
    in: 'units',
    measure: 'count',
    labelVi: 'Đề án được giao kế hoạch',
    labelEn: 'Projects in the plan',
    definitionVi:
      'Đề án đã được quyết định giao kinh phí (đã vào kế hoạch hoặc xa hơn), trừ đề án dừng, bị loại.',
    definitionEn:
      'Projects allocated funds by a decision (in the plan or further along), stopped and rejected excluded.',
  },
  {
    key: 'projectsCompleted',
    in: 'units',
    measure: 'count',
    labelVi: 'Đề án hoàn thành',
    labelEn: 'Projects completed',
    definitionVi: 'Trong số đề án được giao kế hoạch, những đề án đã nghiệm thu, thanh lý hoặc quyết toán.',
    definitionEn: 'Of the projects in the plan, those accepted, liquidated or settled.',
  },
  {
    key: 'completionPercent',
    in: 'units',
    measure: 'percent',
    labelVi: 'Tỷ lệ hoàn thành (%)',
    labelEn: 'Completion rate (%)',
    definitionVi:
      'Đề án hoàn thành chia đề án được giao kế hoạch, một chữ số thập phân; trống khi không có đề án nào.',
    definitionEn:
      'Projects completed ÷ projects in the plan, one decimal; null when no project is in the plan.',
  },
  {
    key: 'requestedSupportVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Kinh phí đề nghị hỗ trợ (đồng)',
    labelEn: 'Support requested (VND)',
    definitionVi: 'Kinh phí khuyến công mà các đề án của năm đề nghị hỗ trợ.',
    definitionEn: "The khuyến công support that the year's projects asked for.",
  },
  {
    key: 'appraisedSupportVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Kinh phí được thẩm định (đồng)',
    labelEn: 'Support appraised (VND)',
    definitionVi: 'Kinh phí hỗ trợ mà thẩm định cấp Bộ chấp thuận cho các đề án của năm.',
    definitionEn: "The support that the ministry-level appraisal accepted for the year's projects.",
  },
  {
    key: 'allocatedVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Kinh phí được giao (đồng)',
    labelEn: 'Allocated (VND)',
    definitionVi: 'Kinh phí các quyết định giao cho đề án của năm, trừ phần trả lại khi đề án dừng.',
    definitionEn:
      "What the decisions allocated to the year's projects, less what stopped projects gave back.",
  },
  {
    key: 'contractedVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Giá trị hợp đồng (đồng)',
    labelEn: 'Contracted (VND)',
    definitionVi: 'Giá trị các hợp đồng đã ký của đề án của năm.',
    definitionEn: "The value of the contracts signed for the year's projects.",
  },
  {
    key: 'advancedVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Tạm ứng chưa thu hồi (đồng)',
    labelEn: 'Advances outstanding (VND)',
    definitionVi: 'Số tiền đã tạm ứng cho đề án của năm mà chưa được thu hồi.',
    definitionEn: "Advances paid to the year's projects and not yet recovered.",
  },
  {
    key: 'paidVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Đã thanh toán (đồng)',
    labelEn: 'Paid (VND)',
    definitionVi: 'Số tiền đã thanh toán cho đề án của năm.',
    definitionEn: "What has been paid to the year's projects.",
  },
  {
    key: 'settledVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Đã quyết toán (đồng)',
    labelEn: 'Settled (VND)',
    definitionVi: 'Số tiền đã quyết toán của đề án của năm.',
    definitionEn: "What the year's projects have settled.",
  },
  {
    key: 'counterpartVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Vốn đối ứng (đồng)',
    labelEn: 'Counterpart funds (VND)',
    definitionVi: 'Vốn đối ứng mà cơ sở thụ hưởng góp theo dự toán của đề án của năm.',
    definitionEn: "The counterpart funds the beneficiaries put in, per the year's projects' budget split.",
  },
  {
    key: 'clustersRegistered',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm công nghiệp',
    labelEn: 'Industrial clusters',
    definitionVi:
      'Cụm công nghiệp trong cơ sở dữ liệu cụm công nghiệp trên hệ thống tính đến nay (có trong phương án phát triển cụm công nghiệp của tỉnh hoặc xa hơn), trừ cụm đã đưa ra khỏi phương án; mỗi cụm một lần; không gắn với năm. Các chỉ tiêu cụm theo cơ sở dữ liệu dưới đây cũng là số liệu hiện tại, tính cho đơn vị của cụm ghi trong lần cập nhật sau cùng.',
    definitionEn:
      "Industrial clusters in the platform's cluster registry as of now (on the provincial list or further along), removed clusters excluded; each cluster once; not tied to the year. The registry figures below are today's too, counted for the unit the latest update of the cluster recorded.",
  },
  {
    key: 'clustersPlanned',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm công nghiệp chưa thành lập',
    labelEn: 'Clusters not yet established',
    definitionVi:
      'Cụm công nghiệp mới có trong phương án phát triển cụm công nghiệp của tỉnh, chưa có quyết định thành lập.',
    definitionEn: 'Clusters on the provincial list that have no establishing decision yet.',
  },
  {
    key: 'clustersEstablished',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm công nghiệp đã thành lập',
    labelEn: 'Clusters established',
    definitionVi:
      'Cụm đã có quyết định thành lập, ở bất kỳ bước nào sau đó (quy hoạch chi tiết, đầu tư hạ tầng, đang hoạt động); cộng với cụm chưa thành lập bằng số cụm công nghiệp.',
    definitionEn:
      'Clusters with an establishing decision, at any later step (detailed plan, infrastructure investment, operating); with the clusters not yet established they add up to the clusters figure.',
  },
  {
    key: 'clustersOperating',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm công nghiệp đang hoạt động',
    labelEn: 'Clusters operating',
    definitionVi: 'Trong số cụm đã thành lập, những cụm đã đi vào hoạt động.',
    definitionEn: 'Of the clusters established, those operating.',
  },
  {
    key: 'clusterTotalAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Tổng diện tích cụm công nghiệp (ha)',
    labelEn: 'Cluster total area (ha)',
    definitionVi:
      'Tổng diện tích của các cụm công nghiệp (trừ cụm đã đưa ra khỏi phương án); số liệu ghi bằng phần trăm héc-ta (số nguyên, cộng chính xác), hiển thị bằng héc-ta với hai chữ số thập phân.',
    definitionEn:
      'The total area of the clusters (removed clusters excluded); carried in hundredths of a hectare (integers, summed exactly) and shown in hectares with two decimals.',
  },
  {
    key: 'clusterLeasableAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Diện tích đất công nghiệp có thể cho thuê (ha)',
    labelEn: 'Leasable industrial land (ha)',
    definitionVi:
      'Diện tích đất công nghiệp có thể cho thuê của các cụm; cụm chưa có số liệu tính bằng 0. Ghi và hiển thị như tổng diện tích.',
    definitionEn:
      "The clusters' leasable industrial land; a cluster without the figure adds 0. Carried and shown like the total area.",
  },
  {
    key: 'clusterLeasedAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Diện tích đất công nghiệp đã cho thuê (ha)',
    labelEn: 'Industrial land leased (ha)',
    definitionVi:
      'Diện tích đất công nghiệp đã cho thuê của các cụm; cụm chưa có số liệu tính bằng 0. Ghi và hiển thị như tổng diện tích.',
    definitionEn:
      "The clusters' industrial land leased; a cluster without the figure adds 0. Carried and shown like the total area.",
  },
  {
    key: 'clusterOccupancyPercent',
    in: 'units',
    measure: 'percent',
    labelVi: 'Tỷ lệ lấp đầy (%)',
    labelEn: 'Occupancy rate (%)',
    definitionVi:
      'Diện tích đã cho thuê chia diện tích có thể cho thuê, mỗi vế cộng trên các cụm rồi mới chia (không lấy trung bình tỷ lệ của từng cụm), một chữ số thập phân; trống khi không có diện tích có thể cho thuê.',
    definitionEn:
      "Land leased ÷ leasable land, each summed over the clusters before dividing (never an average of the clusters' rates), one decimal; null when no land is leasable.",
  },
  {
    key: 'clustersWithWastewaterPlant',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm đang hoạt động có trạm xử lý nước thải tập trung',
    labelEn: 'Operating clusters with a central wastewater plant',
    definitionVi:
      'Trong số cụm đang hoạt động, những cụm có trạm xử lý nước thải tập trung đang vận hành (trạm mới trong kế hoạch hoặc đang xây dựng không tính).',
    definitionEn:
      'Of the clusters operating, those whose central wastewater plant is in use (a plant only planned or under construction does not count).',
  },
  {
    key: 'wastewaterCoveragePercent',
    in: 'units',
    measure: 'percent',
    labelVi: 'Tỷ lệ cụm có trạm xử lý nước thải tập trung (%)',
    labelEn: 'Central wastewater plant coverage (%)',
    definitionVi:
      'Cụm đang hoạt động có trạm xử lý nước thải tập trung đang vận hành chia số cụm đang hoạt động, một chữ số thập phân; trống khi không có cụm nào đang hoạt động.',
    definitionEn:
      'Operating clusters with a central wastewater plant in use ÷ clusters operating, one decimal; null when no cluster operates.',
  },
  {
    key: 'clusterProjects',
    in: 'units',
    measure: 'count',
    labelVi: 'Dự án đầu tư trong cụm',
    labelEn: 'Investment projects in clusters',
    definitionVi: 'Dự án đầu tư của các tổ chức, cá nhân thuê đất trong các cụm, theo cơ sở dữ liệu cụm.',
    definitionEn: "The tenants' investment projects in the clusters, as the registry records them.",
  },
  {
    key: 'clusterFirms',
    in: 'units',
    measure: 'count',
    labelVi: 'Doanh nghiệp, cơ sở trong cụm',
    labelEn: 'Firms in clusters',
    definitionVi: 'Doanh nghiệp, hợp tác xã, cơ sở sản xuất thuê đất trong các cụm, theo cơ sở dữ liệu cụm.',
    definitionEn:
      'Firms, cooperatives and facilities that lease land in the clusters, as the registry records them.',
  },
  {
    key: 'clusterWorkers',
    in: 'units',
    measure: 'count',
    labelVi: 'Lao động trong cụm',
    labelEn: 'Workers in clusters',
    definitionVi: 'Người lao động làm việc trong các cụm, theo cơ sở dữ liệu cụm.',
    definitionEn: 'People working in the clusters, as the registry records them.',
  },
  {
    key: 'clusterReports',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm có báo cáo định kỳ được duyệt',
    labelEn: 'Clusters with an approved periodic report',
    definitionVi:
      'Cụm có báo cáo định kỳ (Thông tư 14/2024) được duyệt dùng cho năm xem: với mỗi cụm, báo cáo năm của năm đó nếu đã được duyệt, nếu không thì báo cáo 6 tháng đầu năm đó (clusterPeriod=annual hoặc six-monthly chỉ lấy đúng kỳ đó); một báo cáo cho mỗi cụm, số liệu của lần duyệt sau cùng. Các chỉ tiêu "theo báo cáo" là tổng số liệu của đúng các báo cáo này, tính cho đơn vị ghi trên báo cáo tại ngày chốt số liệu của kỳ (14/6 hoặc 14/12).',
    definitionEn:
      'Clusters with an approved periodic report (Circular 14/2024) used for the year shown: for each cluster, its annual report of that year when approved, otherwise its six-monthly report of that year (clusterPeriod=annual or six-monthly takes that period only); one report per cluster, with the figures of its latest approval. The "reported" figures are the sums of exactly these reports, counted for the unit the report names at the period\'s cut-off (14 June or 14 December).',
  },
  {
    key: 'clusterReportsAnnual',
    in: 'units',
    measure: 'count',
    labelVi: 'Trong đó: báo cáo năm',
    labelEn: 'Of which annual reports',
    definitionVi: 'Trong số báo cáo được tính, những báo cáo năm; còn lại là báo cáo 6 tháng.',
    definitionEn: 'Of the reports counted, the annual ones; the others are six-monthly.',
  },
  {
    key: 'clusterReportsLate',
    in: 'units',
    measure: 'count',
    labelVi: 'Báo cáo cụm nộp muộn',
    labelEn: 'Cluster reports submitted late',
    definitionVi: 'Trong số báo cáo được tính, những báo cáo nộp sau hạn (20/6 hoặc 20/12).',
    definitionEn: 'Of the reports counted, those submitted after the deadline (20 June or 20 December).',
  },
  {
    key: 'reportedTotalAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Tổng diện tích cụm theo báo cáo (ha)',
    labelEn: 'Cluster total area, as reported (ha)',
    definitionVi:
      'Tổng diện tích ghi trên các báo cáo được tính; ghi bằng phần trăm héc-ta, hiển thị bằng héc-ta với hai chữ số thập phân.',
    definitionEn:
      'The total area the reports counted give; carried in hundredths of a hectare, shown in hectares with two decimals.',
  },
  {
    key: 'reportedLeasableAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Đất công nghiệp có thể cho thuê theo báo cáo (ha)',
    labelEn: 'Leasable industrial land, as reported (ha)',
    definitionVi: 'Diện tích đất công nghiệp có thể cho thuê ghi trên các báo cáo được tính.',
    definitionEn: 'The leasable industrial land the reports counted give.',
  },
  {
    key: 'reportedLeasedAreaCentiHa',
    in: 'units',
    measure: 'centi-ha',
    labelVi: 'Đất công nghiệp đã cho thuê theo báo cáo (ha)',
    labelEn: 'Industrial land leased, as reported (ha)',
    definitionVi: 'Diện tích đất công nghiệp đã cho thuê ghi trên các báo cáo được tính.',
    definitionEn: 'The industrial land leased that the reports counted give.',
  },
  {
    key: 'reportedOccupancyPercent',
    in: 'units',
    measure: 'percent',
    labelVi: 'Tỷ lệ lấp đầy theo báo cáo (%)',
    labelEn: 'Occupancy rate, as reported (%)',
    definitionVi:
      'Đất đã cho thuê theo báo cáo chia đất có thể cho thuê theo báo cáo, mỗi vế cộng trên các báo cáo rồi mới chia, một chữ số thập phân; trống khi không có đất có thể cho thuê.',
    definitionEn:
      'Reported land leased ÷ reported leasable land, each summed over the reports before dividing, one decimal; null when no land is leasable.',
  },
  {
    key: 'reportedClustersWithWastewaterPlant',
    in: 'units',
    measure: 'count',
    labelVi: 'Cụm có trạm xử lý nước thải tập trung theo báo cáo',
    labelEn: 'Clusters with a central wastewater plant, as reported',
    definitionVi: 'Báo cáo được tính ghi cụm có trạm xử lý nước thải tập trung đang vận hành.',
    definitionEn: 'Reports counted that give a central wastewater plant in use.',
  },
  {
    key: 'reportedWastewaterCoveragePercent',
    in: 'units',
    measure: 'percent',
    labelVi: 'Tỷ lệ cụm có trạm xử lý nước thải tập trung theo báo cáo (%)',
    labelEn: 'Central wastewater plant coverage, as reported (%)',
    definitionVi:
      'Cụm có trạm xử lý nước thải tập trung đang vận hành theo báo cáo chia số cụm có báo cáo được tính (báo cáo không ghi trạng thái của cụm), một chữ số thập phân; trống khi không có báo cáo.',
    definitionEn:
      "Clusters reporting a central wastewater plant in use ÷ clusters with a report counted (a report does not give the cluster's status), one decimal; null without reports.",
  },
  {
    key: 'reportedProjects',
    in: 'units',
    measure: 'count',
    labelVi: 'Dự án đầu tư trong cụm theo báo cáo',
    labelEn: 'Investment projects in clusters, as reported',
    definitionVi: 'Dự án đầu tư trong cụm ghi trên các báo cáo được tính.',
    definitionEn: 'The investment projects in the clusters that the reports counted give.',
  },
  {
    key: 'reportedFirms',
    in: 'units',
    measure: 'count',
    labelVi: 'Doanh nghiệp, cơ sở trong cụm theo báo cáo',
    labelEn: 'Firms in clusters, as reported',
    definitionVi: 'Doanh nghiệp, cơ sở trong cụm ghi trên các báo cáo được tính.',
    definitionEn: 'The firms in the clusters that the reports counted give.',
  },
  {
    key: 'reportedWorkers',
    in: 'units',
    measure: 'count',
    labelVi: 'Lao động trong cụm theo báo cáo',
    labelEn: 'Workers in clusters, as reported',
    definitionVi: 'Người lao động trong cụm ghi trên các báo cáo được tính.',
    definitionEn: 'The workers in the clusters that the reports counted give.',
  },
  {
    key: 'fairsHosted',
    in: 'units',
    measure: 'count',
    labelVi: 'Hội chợ tổ chức tại địa phương',
    labelEn: 'Fairs hosted',
    definitionVi: 'Hội chợ triển lãm của năm do đơn vị đăng cai tổ chức.',
    definitionEn: "The year's trade fairs held in the unit.",
  },
  {
    key: 'provincialAwardRounds',
    in: 'units',
    measure: 'count',
    labelVi: 'Đợt bình chọn cấp tỉnh',
    labelEn: 'Provincial award rounds',
    definitionVi: 'Đợt bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp tỉnh của năm.',
    definitionEn: "The year's provincial rounds of the rural industrial product awards.",
  },
  {
    key: 'boothsAllocated',
    in: 'units',
    measure: 'count',
    labelVi: 'Gian hàng được phân bổ',
    labelEn: 'Booths allocated',
    definitionVi:
      'Gian hàng phân bổ cho cơ sở của đơn vị tại hội chợ của năm (nơi tổ chức bất kỳ), trừ gian đã hủy.',
    definitionEn:
      "Booths allocated to the unit's facilities at the year's fairs (any host), cancellations taken off.",
  },
  {
    key: 'boothsSupported',
    in: 'units',
    measure: 'count',
    labelVi: 'Gian hàng được hỗ trợ',
    labelEn: 'Booths supported',
    definitionVi:
      'Trong số gian được phân bổ, những gian Sở Công Thương đã xác nhận (chỉ gian này được hỗ trợ).',
    definitionEn:
      'Of the booths allocated, those the provincial department certified (only these are supported).',
  },
  {
    key: 'boothSupportVnd',
    in: 'units',
    measure: 'vnd',
    labelVi: 'Kinh phí hỗ trợ gian hàng (đồng)',
    labelEn: 'Booth support (VND)',
    definitionVi: 'Kinh phí hỗ trợ được ấn định khi xác nhận các gian hàng được hỗ trợ.',
    definitionEn: 'The support fixed when the supported booths were certified.',
  },
  {
    key: 'nationalPlans',
    in: 'totals',
    measure: 'count',
    labelVi: 'Kế hoạch khuyến công quốc gia (KCQG)',
    labelEn: 'National plans (KCQG)',
    definitionVi: 'Kế hoạch khuyến công quốc gia của năm; không thuộc tỉnh nào; trống trong báo cáo khu vực.',
    definitionEn: "The year's national plan (KCQG): in no unit row; null in a regional report.",
  },
  {
    key: 'nationalPlanBudgetVnd',
    in: 'totals',
    measure: 'vnd',
    labelVi: 'Kinh phí kế hoạch KCQG (đồng)',
    labelEn: 'National plan budget (VND)',
    definitionVi: 'Kinh phí kế hoạch khuyến công quốc gia của năm; trống trong báo cáo khu vực.',
    definitionEn: "The budget of the year's national plan; null in a regional report.",
  },
  {
    key: 'plansAllLevels',
    in: 'totals',
    measure: 'count',
    labelVi: 'Tổng số kế hoạch (KCQG và KCĐP)',
    labelEn: 'All plans (national and provincial)',
    definitionVi: 'Kế hoạch KCĐP cộng kế hoạch KCQG (báo cáo khu vực: chỉ KCĐP của khu vực).',
    definitionEn:
      "Provincial plans plus national plans (a regional report: the region's provincial plans only).",
  },
  {
    key: 'planBudgetAllLevelsVnd',
    in: 'totals',
    measure: 'vnd',
    labelVi: 'Tổng kinh phí kế hoạch (đồng)',
    labelEn: 'All plans budget (VND)',
    definitionVi: 'Kinh phí kế hoạch KCĐP cộng kinh phí kế hoạch KCQG (báo cáo khu vực: chỉ KCĐP).',
    definitionEn: 'Provincial plan budget plus national plan budget (a regional report: provincial only).',
  },
  {
    key: 'regionalAwardRounds',
    in: 'totals',
    measure: 'count',
    labelVi: 'Đợt bình chọn cấp khu vực',
    labelEn: 'Regional award rounds',
    definitionVi: 'Đợt bình chọn cấp khu vực của năm (báo cáo khu vực: chỉ của khu vực đó).',
    definitionEn: "The year's regional award rounds (a regional report: its own region's only).",
  },
  {
    key: 'nationalAwardRounds',
    in: 'totals',
    measure: 'count',
    labelVi: 'Đợt bình chọn cấp quốc gia',
    labelEn: 'National award rounds',
    definitionVi: 'Đợt bình chọn cấp quốc gia của năm; trống trong báo cáo khu vực.',
    definitionEn: "The year's national award rounds; null in a regional report.",
  },
  {
    key: 'awardRoundsAllLevels',
    in: 'totals',
    measure: 'count',
    labelVi: 'Tổng số đợt bình chọn',
    labelEn: 'All award rounds',
    definitionVi:
      'Đợt bình chọn cấp tỉnh, cấp khu vực và cấp quốc gia của năm cộng lại (báo cáo khu vực: không gồm cấp quốc gia).',
    definitionEn:
      "The year's provincial, regional and national award rounds together (a regional report: no national ones).",
  },
  {
    key: 'awardEntries',
    in: 'units',
    measure: 'counts-by-level-and-group',
    labelVi: 'Sản phẩm tham gia bình chọn',
    labelEn: 'Award entries',
    definitionVi:
      'Sản phẩm (bộ sản phẩm) của cơ sở thuộc đơn vị tham gia các đợt bình chọn sản phẩm CNNT tiêu biểu của năm, theo cấp và theo nhóm sản phẩm; tính cho đơn vị của cơ sở vào ngày nộp hồ sơ.',
    definitionEn:
      "Products (or product sets) of the unit's facilities entered in the year's award rounds, by level and by product group; counted for the facility's unit on the day of entry.",
  },
  {
    key: 'awardPasses',
    in: 'units',
    measure: 'counts-by-level-and-group',
    labelVi: 'Sản phẩm đạt bình chọn',
    labelEn: 'Award passes',
    definitionVi:
      'Trong số sản phẩm tham gia các đợt bình chọn của năm đã công bố kết quả, những sản phẩm đạt (điểm trung bình của tổ chấm từ 70 trở lên), theo cấp và theo nhóm sản phẩm; tính cho đơn vị của cơ sở vào ngày nộp hồ sơ.',
    definitionEn:
      "Of the entries in the year's award rounds whose results are published, those that passed (jury average of 70 or more), by level and by product group; counted for the facility's unit on the day of entry.",
  },
  {
    key: 'awardCertificates',
    in: 'units',
    measure: 'counts-by-level-and-group',
    labelVi: 'Giấy chứng nhận sản phẩm CNNT tiêu biểu',
    labelEn: 'Award certificates',
    definitionVi:
      'Giấy chứng nhận cấp trong năm cho cơ sở của đơn vị, theo cấp và theo nhóm sản phẩm; và số giấy còn hiệu lực ngày 31/12 của năm (chưa hết hạn, chưa bị thu hồi).',
    definitionEn:
      "Certificates issued in the year to the unit's facilities, by level and by product group; and those valid on 31 December of the year (not expired, not withdrawn by then).",
  },
  {
    key: 'artisanTitlesConferred',
    in: 'units',
    measure: 'counts-by-title',
    labelVi: 'Danh hiệu nghệ nhân được phong tặng',
    labelEn: 'Artisan titles conferred',
    definitionVi:
      'Danh hiệu Nghệ nhân ưu tú và Nghệ nhân nhân dân do Chủ tịch nước phong tặng trong năm (theo ngày quyết định) cho người do đơn vị đề nghị, theo từng danh hiệu.',
    definitionEn:
      "Meritorious and People's Artisan titles conferred by the State President in the year (by decision date) on the unit's nominees, per title.",
  },
] as const satisfies readonly ConferenceFigureDefinition[];

export type ConferenceFigureKey = (typeof conferenceFigures)[number]['key'];

/** GET /api/v1/conferences/figures: the glossary a dashboard labels the conference figures with. */
export const conferenceFiguresQuery = z.strictObject({});

export const conferenceFiguresGlossary = listOf(conferenceFigureDefinition);
export type ConferenceFiguresGlossary = z.infer<typeof conferenceFiguresGlossary>;
