import { awardRoundStateLabels } from '@kc/contracts';
import type { AwardLevel, AwardRound } from '../domain/award-round';
import type { RoundState } from '../domain/round-state';

const LEVEL_VI: Record<AwardLevel, string> = {
  commune: 'cấp xã',
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

type Named = Pick<AwardRound, 'name' | 'level' | 'year'> & { localUnitCode?: string | null };

/** A 3-digit unit is a district: the entry level before 07/2025. */
const levelVi = (round: Named) => (round.localUnitCode?.length === 3 ? 'cấp huyện' : LEVEL_VI[round.level]);

export const roundOpenedSummary = (round: Named): string =>
  `Mở đợt bình chọn "${round.name}" (${levelVi(round)}, năm ${round.year})`;

export const roundMovedSummary = (name: string, from: RoundState, to: RoundState): string =>
  `Chuyển đợt bình chọn "${name}" từ "${awardRoundStateLabels[from]}" sang "${awardRoundStateLabels[to]}"`;

export const councilSetSummary = (name: string, members: number, jurors: number, secretary: string): string =>
  `Thành lập hội đồng đợt bình chọn "${name}": ${members} thành viên, ban giám khảo ${jurors} người, thư ký ${secretary}`;

/** Who recused is the council's business; the reason stays with the recusal, out of the trail's summary. */
export const recusalSummary = (entryCode: string, sheetWithdrawn: boolean): string =>
  `Giám khảo từ chối chấm sản phẩm ${entryCode} do xung đột lợi ích${sheetWithdrawn ? ' (rút phiếu chấm đã nộp)' : ''}`;

export const substituteSummary = (entryCode: string, substitute: string): string =>
  `Chỉ định ${substitute} chấm thay sản phẩm ${entryCode}`;

export const entrySubmittedSummary = (entryCode: string, productName: string, facilityName: string): string =>
  `Đăng ký sản phẩm dự thi ${entryCode} "${productName}" của ${facilityName}`;

export const shortlistSummary = (provinceCode: string, count: number): string =>
  `Tỉnh ${provinceCode} đề cử ${count} giấy chứng nhận vào đợt bình chọn`;

/** Never a score: the trail is read before the results are published. */
export const sheetSummary = (entryCode: string): string => `Nộp phiếu chấm sản phẩm ${entryCode}`;

export const publishedSummary = (name: string, entries: number, passed: number, sha256: string): string =>
  `Công bố kết quả đợt bình chọn "${name}": ${passed}/${entries} sản phẩm đạt; SHA-256 ${sha256}`;

export const dossierFileSummary = (
  entryCode: string,
  fileName: string,
  sizeBytes: number,
  outcome: 'uploaded' | 'discarded',
): string =>
  outcome === 'uploaded'
    ? `Tải lên tệp hồ sơ "${fileName}" (${sizeBytes} byte) của sản phẩm ${entryCode}`
    : `Huỷ nội dung tệp hồ sơ "${fileName}" của sản phẩm ${entryCode}: SHA-256 không khớp mã đã khai`;

export const publicationRequestedSummary = (name: string, announcedOn: string): string =>
  `Yêu cầu công bố kết quả đợt bình chọn "${name}" (ngày công bố ${announcedOn.split('-').reverse().join('/')})`;
