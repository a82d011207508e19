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
      'Cụm công nghiệp đã đăng ký trên hệ thống tính đến nay (cụm công nghiệp không gắn với năm).',
    definitionEn: 'Industrial clusters registered on the platform as of now (clusters have no year).',
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
