/**
 * The nine khuyến công activity contents (Decree 45/2012/NĐ-CP, as summarised in domain.md section 3).
 * Names are short labels for lists and reports, not the legal wording.
 *
 * The 2021–2025 national programme (QĐ 1881/QĐ-TTg) grouped these into 7 content groups. The grouping itself
 * is not in the sources we have, so it is deliberately not encoded here; add it as data once the decision's
 * text has been checked.
 */
export type ActivityContentCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ActivityContent {
  readonly code: ActivityContentCode;
  readonly nameVi: string;
  readonly nameEn: string;
}

export const activityContents: readonly ActivityContent[] = Object.freeze([
  {
    code: 1,
    nameVi: 'Đào tạo nghề, truyền nghề',
    nameEn: 'Vocational training and craft transmission',
  },
  {
    code: 2,
    nameVi:
      'Nâng cao năng lực quản lý, sản xuất sạch hơn, khởi sự doanh nghiệp, phát triển thị trường và xuất khẩu',
    nameEn: 'Management capacity, cleaner production, start-up, market and export support',
  },
  {
    code: 3,
    nameVi: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến',
    nameEn: 'Demonstration models, technology transfer and advanced machinery',
  },
  {
    code: 4,
    nameVi:
      'Phát triển sản phẩm công nghiệp nông thôn tiêu biểu: bình chọn, hội chợ, thương hiệu, phòng trưng bày',
    nameEn: 'Typical rural industrial products: awards, fairs, brands and showrooms',
  },
  {
    code: 5,
    nameVi: 'Tư vấn',
    nameEn: 'Consulting',
  },
  {
    code: 6,
    nameVi: 'Thông tin tuyên truyền',
    nameEn: 'Information and communication',
  },
  {
    code: 7,
    nameVi:
      'Liên kết, hiệp hội, cụm liên kết ngành; quy hoạch, hạ tầng cụm công nghiệp, di dời và xử lý ô nhiễm môi trường',
    nameEn:
      'Associations and linkage clusters; industrial cluster planning and infrastructure, relocation and pollution treatment',
  },
  {
    code: 8,
    nameVi: 'Hợp tác quốc tế về khuyến công',
    nameEn: 'International cooperation',
  },
  {
    code: 9,
    nameVi: 'Nâng cao năng lực hệ thống khuyến công',
    nameEn: 'Capacity of the khuyến công system (staff training, conferences, databases, inspection)',
  },
] as const satisfies readonly ActivityContent[]);

export function isActivityContentCode(value: unknown): value is ActivityContentCode {
  return activityContents.some((content) => content.code === value);
}

export function findActivityContent(code: number): ActivityContent | undefined {
  return activityContents.find((content) => content.code === code);
}
