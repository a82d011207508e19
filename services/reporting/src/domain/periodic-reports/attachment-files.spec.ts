import { createHash } from 'node:crypto';
import { DomainError, type Violation } from '@kc/errors';
import { workingDayCalendar } from '@kc/reference-data';
import { attachmentFileProblem, attachmentPieceProblem, type StoredFile } from './attachment-files';
import { cellsOf } from './form-definition';
import { DEPARTMENT_QUARTERLY as form } from './forms.data';
import { parsePeriod } from './periods';
import { editReport, openReport, submitReport, type Attachment } from './report-workflow';

const scan = Buffer.from('%PDF-1.7\nbáo cáo quý I đã ký\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const signed: Attachment = {
  slot: 'signedReport',
  fileName: 'bao-cao-quy-1.pdf',
  mediaType: 'application/pdf',
  bytes: scan.length,
  sha256: sha(scan),
};
const stored = (over: Partial<StoredFile> = {}): StoredFile => ({
  sha256: signed.sha256,
  mediaType: signed.mediaType,
  sizeBytes: signed.bytes,
  receivedBytes: signed.bytes,
  complete: true,
  ...over,
});

/** A draft complete but for its files: the platform's figures kept, the rest entered, the signed report declared. */
function ready(attachments: Attachment[] = [signed]) {
  const platform = Object.fromEntries(
    cellsOf(form.versions[0])
      .filter((c) => c.platformSource)
      .map((c) => [c.key, 0]),
  );
  const report = openReport({
    form,
    period: parsePeriod('2026-Q1'),
    subject: { provinceCode: '40', reporterId: '40' },
    platform,
    calendar: workingDayCalendar(),
    by: 'sct.40',
    at: '2026-03-20T08:00:00+07:00',
  });
  return editReport(report, form, {
    entered: { ...report.working!.entered, trainees: 120, brands: 2 },
    narratives: { results: 'Hoàn thành kế hoạch quý I', difficulties: 'Không có' },
    attachments,
  });
}
const act = { by: 'sct.40', at: '2026-04-02T10:00:00+07:00' };

function violations(make: () => unknown): string[] {
  try {
    make();
  } catch (error) {
    const { code, violations = [] } = error as DomainError & { violations?: Violation[] };
    return [code, ...violations.map((v) => `${v.code} @ ${v.field}`)];
  }
  throw new Error('not refused');
}

describe('the files of a report’s attachments', () => {
  it('refuses a live submission while a declared file is not whole here, naming its slot', () => {
    const notUploaded = [
      'periodic-report.incomplete',
      'periodic-report.attachment-not-uploaded @ attachments.signedReport',
    ];
    expect(violations(() => submitReport(ready(), form, act, []))).toEqual(notUploaded);
    const half = stored({ receivedBytes: 10, complete: false });
    expect(violations(() => submitReport(ready(), form, act, [half]))).toEqual(notUploaded);
    // The same bytes held as another type are not this declaration's file.
    const asPng = stored({ mediaType: 'image/png' });
    expect(violations(() => submitReport(ready(), form, act, [asPng]))).toEqual(notUploaded);
    const sent = submitReport(ready(), form, act, [stored()]);
    expect(sent.versions[0].content.attachments).toEqual([signed]);
  });

  it('still names a required slot left empty, whatever files are held', () => {
    expect(violations(() => submitReport(ready([]), form, act, [stored()]))).toEqual([
      'periodic-report.incomplete',
      'periodic-report.attachment-required @ attachments.signedReport',
    ]);
  });

  it('takes the same bytes once per report', () => {
    const annex = { ...signed, slot: 'annexes', fileName: 'phu-luc.pdf' };
    expect(violations(() => ready([signed, annex]))).toEqual([
      'periodic-report.invalid-content',
      'periodic-report.attachment-repeated @ attachments[1].sha256',
    ]);
  });

  it('judges pieces and the whole file under the report’s codes and fields', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(attachmentPieceProblem(signed, 0, scan)).toBeNull();
    expect(attachmentPieceProblem(signed, 0, png)).toMatchObject({
      code: 'periodic-report.attachment-media-type',
      field: 'body.contentBase64',
    });
    expect(attachmentFileProblem(signed, scan, sha(scan))).toBeNull();
    expect(attachmentFileProblem(signed, scan, sha(png))).toMatchObject({
      code: 'periodic-report.attachment-checksum-mismatch',
      field: 'attachments.signedReport.sha256',
    });
  });
});
