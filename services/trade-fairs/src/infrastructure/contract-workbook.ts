import ExcelJS from 'exceljs';
import type { ContractDataView } from '@kc/contracts';
import { findProvince, vietnamDate } from '@kc/reference-data';
import { dayVi } from '../application/fair-audit';

/** Column headers of the sheet, in the order of the cells. */
export const CONTRACT_HEADERS = [
  'STT',
  'Mã số thuế',
  'Tên cơ sở',
  'Tỉnh/thành phố',
  'Mã gian hàng',
  'Vị trí (nhà - khu)',
  'Số gian',
  'Tiền thuê gian hàng (đồng)',
  'Kinh phí hỗ trợ (đồng)',
  'Đã xác nhận',
] as const;

const VND_FORMAT = '#,##0';

/**
 * The contract data as an .xlsx: a title row, the headers, one row per facility, a total row and whether the
 * host department has certified the participant list.
 */
export async function contractWorkbook(data: ContractDataView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hợp đồng gian hàng');
  const { fair } = data;

  const title = sheet.addRow([`${fair.name} (từ ${dayVi(fair.startDate)} đến ${dayVi(fair.endDate)})`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, CONTRACT_HEADERS.length);
  sheet.addRow([
    data.policy
      ? `Định mức hỗ trợ: ${data.policy.title}. Căn cứ: ${data.policy.legalBasis}`
      : 'Hội chợ chưa có định mức hỗ trợ',
  ]);

  const header = sheet.addRow([...CONTRACT_HEADERS]);
  header.font = { bold: true };
  data.lines.forEach((line, index) => {
    sheet.addRow([
      index + 1,
      line.facilityTaxCode,
      line.facilityName,
      findProvince(line.provinceCode, fair.startDate)?.nameVi ?? line.provinceCode,
      line.booths.map((b) => b.code).join(', '),
      line.booths.map((b) => (b.zone ? `${b.hall} - ${b.zone}` : b.hall)).join('; '),
      line.boothCount,
      line.rentVnd,
      line.supportVnd,
      line.certified ? 'Có' : 'Chưa',
    ]);
  });
  const total = sheet.addRow([
    'Tổng cộng',
    null,
    null,
    null,
    null,
    null,
    data.totals.booths,
    data.totals.rentVnd,
    data.totals.supportVnd,
    `${data.totals.certified}/${data.totals.facilities}`,
  ]);
  total.font = { bold: true };
  const list = data.participantList;
  sheet.addRow([
    list
      ? `Danh sách tham gia đã được Sở Công Thương nơi đăng cai (đơn vị ${list.hostProvinceCode}) xác nhận: văn ` +
        `bản ${list.documentNumber}, ngày ${dayVi(vietnamDate(new Date(list.certifiedAt)))}`
      : 'Danh sách tham gia chưa được Sở Công Thương nơi đăng cai xác nhận',
  ]);

  for (const column of [8, 9]) sheet.getColumn(column).numFmt = VND_FORMAT;
  sheet.columns.forEach((column, i) => (column.width = [6, 16, 40, 18, 20, 30, 8, 22, 22, 12][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
