/**
 * The catalogue of periodic report forms, as data. Who reports and how often come from domain.md §6; the
 * deadlines of the department's reports and of the certificate holders' report are not fixed by any text we
 * could check, so each carries `assumption: true` and its reason, to be replaced by a new version once the
 * agency confirms them.
 */
import type { Bilingual } from '@kc/errors';
import type { DeadlineRule } from './deadlines';
import type { AttachmentSlot, FormDefinition, FormVersion, NarrativeField, Section } from './form-definition';

const PDF_OR_SCAN = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const SHEET = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

const DECREE_45 = 'Nghị định 45/2012/NĐ-CP (sửa đổi bởi Nghị định 235/2025/NĐ-CP)';
const DECREE_45_EN = 'Decree 45/2012/NĐ-CP (amended by Decree 235/2025/NĐ-CP)';

/** §6: the figures reports and the press use, by content where the programme's money and projects are. */
export const departmentSections: readonly Section[] = [
  {
    key: 'projects',
    title: { vi: 'I. Đề án khuyến công', en: 'I. Khuyến công projects' },
    indicators: [
      {
        kind: 'entered',
        key: 'projectsApproved',
        label: { vi: 'Số đề án được phê duyệt', en: 'Projects approved' },
        measure: 'count',
        breakdown: 'activity-content',
        platformSource: 'projects.inPlan',
        required: true,
      },
      {
        kind: 'entered',
        key: 'projectsCompleted',
        label: { vi: 'Số đề án hoàn thành', en: 'Projects completed' },
        measure: 'count',
        breakdown: 'activity-content',
        platformSource: 'projects.completed',
        required: true,
      },
      {
        kind: 'ratio',
        key: 'completionRate',
        label: { vi: 'Tỷ lệ hoàn thành (%)', en: 'Completion rate (%)' },
        numerator: 'projectsCompleted',
        denominator: 'projectsApproved',
      },
    ],
  },
  {
    key: 'funding',
    title: { vi: 'II. Kinh phí (đồng)', en: 'II. Funding (VND)' },
    indicators: [
      ...(
        [
          ['kcqgAllocatedVnd', 'Kinh phí KCQG được giao', 'KCQG allocated', 'money.national.allocated'],
          ['kcqgDisbursedVnd', 'Kinh phí KCQG đã giải ngân', 'KCQG disbursed', 'money.national.paid'],
          ['kcqgSettledVnd', 'Kinh phí KCQG đã quyết toán', 'KCQG settled', 'money.national.settled'],
          ['kcdpAllocatedVnd', 'Kinh phí KCĐP được giao', 'KCĐP allocated', 'money.provincial.allocated'],
          ['kcdpDisbursedVnd', 'Kinh phí KCĐP đã giải ngân', 'KCĐP disbursed', 'money.provincial.paid'],
          ['kcdpSettledVnd', 'Kinh phí KCĐP đã quyết toán', 'KCĐP settled', 'money.provincial.settled'],
        ] as const
      ).map(([key, vi, en, source]) => ({
        kind: 'entered' as const,
        key,
        label: { vi, en },
        measure: 'vnd' as const,
        breakdown: 'activity-content' as const,
        platformSource: source,
        required: true,
      })),
      {
        kind: 'entered',
        key: 'counterpartVnd',
        label: { vi: 'Vốn đối ứng huy động', en: 'Counterpart funds mobilised' },
        measure: 'vnd',
        platformSource: 'money.counterpart',
        required: true,
      },
    ],
  },
  {
    key: 'results',
    title: { vi: 'III. Kết quả thực hiện', en: 'III. Results' },
    indicators: [
      {
        kind: 'entered',
        key: 'demonstrationModels',
        label: { vi: 'Mô hình trình diễn kỹ thuật', en: 'Demonstration models' },
        measure: 'count',
        platformSource: 'projects.demonstrationModels',
        required: true,
      },
      {
        kind: 'entered',
        key: 'facilitiesGivenMachinery',
        label: {
          vi: 'Cơ sở được hỗ trợ máy móc thiết bị, chuyển giao công nghệ',
          en: 'Facilities given machinery or technology',
        },
        measure: 'count',
        platformSource: 'projects.machineryFacilities',
        required: true,
      },
      {
        kind: 'entered',
        key: 'trainees',
        label: { vi: 'Lượt người được đào tạo, truyền nghề', en: 'Trainees' },
        measure: 'count',
        platformSource: null,
        required: true,
      },
      {
        kind: 'entered',
        key: 'brands',
        label: { vi: 'Thương hiệu được hỗ trợ xây dựng', en: 'Brands supported' },
        measure: 'count',
        platformSource: null,
        required: true,
      },
      {
        kind: 'entered',
        key: 'boothsSupported',
        label: { vi: 'Gian hàng được hỗ trợ tại hội chợ', en: 'Fair booths supported' },
        measure: 'count',
        platformSource: 'fairs.boothsSupported',
        required: true,
      },
      {
        kind: 'entered',
        key: 'productsCertified',
        label: { vi: 'Sản phẩm CNNT tiêu biểu được chứng nhận', en: 'Typical products certified' },
        measure: 'count',
        breakdown: 'award-level',
        platformSource: 'awards.certificates',
        required: true,
      },
      {
        kind: 'entered',
        key: 'clustersSupported',
        label: { vi: 'Cụm công nghiệp được hỗ trợ', en: 'Industrial clusters supported' },
        measure: 'count',
        platformSource: 'projects.clustersSupported',
        required: true,
      },
    ],
  },
];

const departmentNarratives: readonly NarrativeField[] = [
  {
    key: 'results',
    label: { vi: 'Đánh giá kết quả', en: 'Assessment of results' },
    required: true,
    maxLength: 20_000,
  },
  {
    key: 'difficulties',
    label: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' },
    required: true,
    maxLength: 10_000,
  },
  {
    key: 'proposals',
    label: { vi: 'Kiến nghị, đề xuất', en: 'Proposals' },
    required: false,
    maxLength: 10_000,
  },
];

const signedReport: AttachmentSlot = {
  key: 'signedReport',
  label: { vi: 'Báo cáo có chữ ký, đóng dấu', en: 'The signed and stamped report' },
  required: true,
  mediaTypes: PDF_OR_SCAN,
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 1,
};

const annexes: AttachmentSlot = {
  key: 'annexes',
  label: { vi: 'Phụ lục', en: 'Annexes' },
  required: false,
  mediaTypes: SHEET,
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 10,
};

const ASSUMED_DEPARTMENT_DEADLINE: Bilingual = {
  vi: 'Giả định của nền tảng: đến hết ngày 15 của tháng sau kỳ báo cáo; chưa tìm thấy văn bản quy định thời hạn báo cáo khuyến công của Sở Công Thương. Ngày nghỉ dời sang ngày làm việc kế tiếp theo khoản 5 Điều 148 Bộ luật Dân sự 2015.',
  en: "Platform assumption: by the end of the 15th of the month after the period; no text fixing the departments' khuyến công reporting deadline was found. A day off moves it to the next working day (Civil Code 2015, art. 148(5)).",
};

const departmentVersion1 = (deadline: DeadlineRule): FormVersion => ({
  version: 1,
  effectiveFrom: '2025-07-01',
  publishedOn: '2025-07-01',
  reviewChain: ['agency'],
  deadline,
  submissionOpens: 'period-end',
  sections: departmentSections,
  narratives: departmentNarratives,
  attachments: [signedReport, annexes],
});

const byThe15thAfter: DeadlineRule = {
  monthsAfterPeriodEnd: 1,
  day: 15,
  bound: 'on-or-before',
  ifDayOff: 'next-working-day',
  basis: ASSUMED_DEPARTMENT_DEADLINE,
  assumption: true,
};

const departmentForm = (
  id: string,
  frequency: 'quarter' | 'half-year' | 'year',
  title: Bilingual,
): FormDefinition => ({
  id,
  title,
  reporter: 'provincial-department',
  reportsTo: {
    vi: 'Cục, Bộ Công Thương (và Ủy ban nhân dân tỉnh)',
    en: "the agency, Ministry of Industry and Trade (and the provincial People's Committee)",
  },
  frequency,
  basis: {
    vi: `${DECREE_45}; domain.md §6: Sở Công Thương báo cáo quý, 6 tháng, năm`,
    en: `${DECREE_45_EN}; domain.md §6: departments report quarterly, six-monthly and yearly`,
  },
  // Version 1 starts with the 34 units (01/07/2025): reports before then are not on the platform.
  versions: [departmentVersion1(byThe15thAfter)],
});

export const DEPARTMENT_QUARTERLY = departmentForm('sct-khuyen-cong-quy', 'quarter', {
  vi: 'Báo cáo quý tình hình thực hiện khuyến công',
  en: 'Quarterly khuyến công report',
});
export const DEPARTMENT_HALF_YEAR = departmentForm('sct-khuyen-cong-6-thang', 'half-year', {
  vi: 'Báo cáo 6 tháng tình hình thực hiện khuyến công',
  en: 'Six-monthly khuyến công report',
});
export const DEPARTMENT_ANNUAL = departmentForm('sct-khuyen-cong-nam', 'year', {
  vi: 'Báo cáo năm tình hình thực hiện khuyến công',
  en: 'Annual khuyến công report',
});

/** Implementing units: monthly progress "before the 25th of every month" (domain.md §5, Circular 36/2013 as amended). */
export const IMPLEMENTING_UNIT_MONTHLY: FormDefinition = {
  id: 'don-vi-thuc-hien-thang',
  title: { vi: 'Báo cáo tiến độ thực hiện đề án hằng tháng', en: 'Monthly project progress report' },
  reporter: 'implementing-unit',
  reportsTo: { vi: 'Cục và Sở Công Thương', en: 'the agency and the department' },
  frequency: 'month',
  basis: {
    vi: 'Thông tư 36/2013/TT-BCT (sửa đổi bởi Thông tư 17/2018/TT-BCT); domain.md §5',
    en: 'Circular 36/2013/TT-BCT (amended by Circular 17/2018/TT-BCT); domain.md §5',
  },
  versions: [
    {
      version: 1,
      effectiveFrom: '2025-07-01',
      publishedOn: '2025-07-01',
      reviewChain: ['province', 'agency'],
      submissionOpens: 'period-start',
      deadline: {
        monthsAfterPeriodEnd: 0,
        day: 25,
        bound: 'before',
        // The text names a calendar date ("trước ngày 25"); moving it would contradict the text itself.
        ifDayOff: 'keep',
        basis: {
          vi: 'Trước ngày 25 hằng tháng (domain.md §5; văn bản gốc chưa đối chiếu)',
          en: 'Before the 25th of every month (domain.md §5; the original text not checked)',
        },
        assumption: false,
      },
      sections: [
        {
          key: 'progress',
          title: { vi: 'Tiến độ', en: 'Progress' },
          indicators: [
            {
              kind: 'entered',
              key: 'disbursedVnd',
              label: { vi: 'Kinh phí đã giải ngân lũy kế', en: 'Disbursed to date' },
              measure: 'vnd',
              platformSource: 'money.project.paid',
              required: true,
            },
            {
              kind: 'entered',
              key: 'trainees',
              label: { vi: 'Lượt người được đào tạo', en: 'Trainees' },
              measure: 'count',
              platformSource: null,
              required: false,
            },
          ],
        },
      ],
      narratives: [
        {
          key: 'progress',
          label: { vi: 'Tiến độ thực hiện', en: 'Progress' },
          required: true,
          maxLength: 10_000,
        },
        {
          key: 'risks',
          label: { vi: 'Nguy cơ chậm tiến độ', en: 'Risks to the schedule' },
          required: false,
          maxLength: 5_000,
        },
      ],
      attachments: [{ ...annexes, key: 'evidence', label: { vi: 'Tài liệu kèm theo', en: 'Evidence' } }],
    },
  ],
};

/** Holders of award certificates → the department, yearly (domain.md §6). */
export const CERTIFICATE_HOLDER_ANNUAL: FormDefinition = {
  id: 'chu-giay-chung-nhan-nam',
  title: {
    vi: 'Báo cáo năm của cơ sở có sản phẩm CNNT tiêu biểu',
    en: 'Annual report of a holder of a typical-product certificate',
  },
  reporter: 'certificate-holder',
  reportsTo: { vi: 'Sở Công Thương', en: 'the department' },
  frequency: 'year',
  basis: {
    vi: 'Thông tư 26/2014/TT-BCT (sửa đổi bởi 14/2018 và 38/2025); domain.md §6',
    en: 'Circular 26/2014/TT-BCT (amended by 14/2018 and 38/2025); domain.md §6',
  },
  versions: [
    {
      version: 1,
      effectiveFrom: '2025-07-01',
      publishedOn: '2025-07-01',
      reviewChain: ['province'],
      submissionOpens: 'period-end',
      deadline: {
        monthsAfterPeriodEnd: 1,
        day: 'last',
        bound: 'on-or-before',
        ifDayOff: 'next-working-day',
        basis: {
          vi: 'Giả định của nền tảng: đến hết tháng 01 năm sau; thời hạn chưa đối chiếu với văn bản.',
          en: 'Platform assumption: by the end of January of the next year; the deadline is not checked against a text.',
        },
        assumption: true,
      },
      sections: [
        {
          key: 'product',
          title: { vi: 'Sản phẩm', en: 'Product' },
          indicators: [
            {
              kind: 'entered',
              key: 'revenueVnd',
              label: { vi: 'Doanh thu từ sản phẩm', en: 'Revenue from the product' },
              measure: 'vnd',
              platformSource: null,
              required: true,
            },
            {
              kind: 'entered',
              key: 'workers',
              label: { vi: 'Số lao động', en: 'Workers' },
              measure: 'count',
              platformSource: null,
              required: true,
            },
          ],
        },
      ],
      narratives: [
        {
          key: 'changes',
          label: { vi: 'Thay đổi của sản phẩm', en: 'Changes to the product' },
          required: false,
          maxLength: 5_000,
        },
      ],
      attachments: [],
    },
  ],
};

export const reportForms: readonly FormDefinition[] = [
  DEPARTMENT_QUARTERLY,
  DEPARTMENT_HALF_YEAR,
  DEPARTMENT_ANNUAL,
  IMPLEMENTING_UNIT_MONTHLY,
  CERTIFICATE_HOLDER_ANNUAL,
];

export function findForm(id: string): FormDefinition | undefined {
  return reportForms.find((form) => form.id === id);
}
