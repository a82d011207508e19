import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { AttachmentFileView, PeriodicReportView, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import { declaration, fileBytes, pdfScan, sha256, uploadFile } from './support/attachment-files';
import { useReportingContext } from './support/reporting-context';

const FORM = 'sct-khuyen-cong-quy';
const KiB = 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The files of a periodic report's attachments against the real service and PostgreSQL: declared in the content,
 * uploaded in pieces by the reporter, checked for type (from the bytes), size and SHA-256 before anything stays
 * stored, required whole at submission, pinned by the version, and read back by the report's reporter and
 * reviewers only.
 */
describe('periodic report attachment files', () => {
  const context = useReportingContext('reporting_periodic_report_files', { consumeEvents: false });
  const { as, db } = context;
  const reporter = officer('40');
  const signed = pdfScan('signed-2026-q1', 700 * KiB); // two pieces: 512 KiB and the rest
  const signedAttachment = declaration(
    'signedReport',
    'Báo cáo quý I (đã ký).pdf',
    'application/pdf',
    signed,
  );
  let clock: PeriodicReportsClock;
  let report: PeriodicReportView;
  let annex: Buffer;
  const at = (instant: string) => (clock.now = () => new Date(instant));
  const reportPath = () => `/api/v1/periodic-reports/${report.id}`;
  const contentOf = (bytes: Buffer | string) =>
    `${reportPath()}/attachments/${typeof bytes === 'string' ? bytes : sha256(bytes)}/content`;
  const fileOf = (bytes: Buffer) => `${reportPath()}/attachments/${sha256(bytes)}`;
  const piece = (bytes: Buffer, offset: number) => ({ offset, contentBase64: bytes.toString('base64') });
  const chunksOf = async (bytes: Buffer) =>
    (
      await db.rows<{ n: number; bytes: string }>(
        `SELECT count(*)::int AS n, coalesce(sum(octet_length(bytes)), 0)::text AS bytes
           FROM periodic_report_file_chunk WHERE report_id = $1 AND sha256 = $2`,
        [report.id, sha256(bytes)],
      )
    )[0];
  const edit = async (attachments: unknown[], by: Principal = reporter) => {
    const reply = await as(by).put<PeriodicReportView>(`${reportPath()}/content`, { attachments });
    expect([reply.status, reply.body.code]).toEqual([200, undefined]);
    return reply.body;
  };
  const submit = () =>
    as(reporter).post<PeriodicReportView>(`${reportPath()}/submit`, undefined, {
      'idempotency-key': randomUUID(),
    });

  beforeAll(async () => {
    clock = context.service.app.get(PeriodicReportsClock);
    at('2026-04-02T08:00:00+07:00');
    const opened = await as(reporter).post<PeriodicReportView>('/api/v1/periodic-reports', {
      formId: FORM,
      period: '2026-Q1',
      provinceCode: '40',
    });
    expect([opened.status, opened.body.code]).toEqual([201, undefined]);
    report = opened.body;
    // Every figure and text the form needs; the attachments come in the tests.
    const filled = await as(reporter).put<PeriodicReportView>(`${reportPath()}/content`, {
      values: {
        ...report.working!.entered,
        trainees: 120,
        brands: 2,
        demonstrationModels: 1,
        facilitiesGivenMachinery: 3,
      },
      narratives: { results: 'Hoàn thành kế hoạch quý I', difficulties: 'Giải ngân chậm' },
    });
    expect([filled.status, filled.body.code]).toEqual([200, undefined]);
    const workbook = new Workbook();
    workbook.addWorksheet('Phụ lục').getCell('A1').value = 'Danh sách cơ sở được hỗ trợ';
    annex = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('refuses submission while the required signed report is missing, naming the slot', async () => {
    const refused = await submit();
    expect([refused.status, refused.body.code]).toEqual([422, 'periodic-report.incomplete']);
    expect(refused.body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['attachments.signedReport', 'periodic-report.attachment-required'],
    ]);
  });

  it('takes a declared file in pieces, each where the last ended; not whole, it is neither submitted nor read', async () => {
    report = await edit([signedAttachment]);
    expect(report.files).toEqual([]);
    const first = await as(reporter).post<AttachmentFileView>(
      contentOf(signed),
      piece(signed.subarray(0, 512 * KiB), 0),
    );
    expect([first.status, first.body]).toEqual([
      200,
      {
        sha256: sha256(signed),
        mediaType: 'application/pdf',
        sizeBytes: signed.length,
        receivedBytes: 512 * KiB,
        complete: false,
      },
    ]);
    const refused = await submit();
    expect([refused.status, refused.body.code]).toEqual([422, 'periodic-report.incomplete']);
    expect(refused.body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['attachments.signedReport', 'periodic-report.attachment-not-uploaded'],
    ]);
    const early = await as(central).get(fileOf(signed));
    expect([early.status, early.body.code]).toEqual([409, 'periodic-report.attachment-not-uploaded']);
    const skipped = await as(reporter).post(
      contentOf(signed),
      piece(signed.subarray(512 * KiB), 512 * KiB + 1),
    );
    expect([skipped.status, skipped.body.code, skipped.body.errors?.[0]?.field]).toEqual([
      409,
      'periodic-report.attachment-offset',
      'body.offset',
    ]);
    const rest = await as(reporter).post<AttachmentFileView>(
      contentOf(signed),
      piece(signed.subarray(512 * KiB), 512 * KiB),
    );
    expect([rest.status, rest.body.receivedBytes, rest.body.complete]).toEqual([200, signed.length, true]);
    expect(await chunksOf(signed)).toEqual({ n: 2, bytes: String(signed.length) });
    // The first piece sent again (its answer lost): nothing changes.
    const again = await as(reporter).post<AttachmentFileView>(
      contentOf(signed),
      piece(signed.subarray(0, 512 * KiB), 0),
    );
    expect([again.status, again.body.complete]).toEqual([200, true]);
    expect(await chunksOf(signed)).toEqual({ n: 2, bytes: String(signed.length) });
    const viewed = await as(reporter).get<PeriodicReportView>(reportPath());
    expect(viewed.body.files?.map((f) => [f.sha256, f.receivedBytes, f.complete])).toEqual([
      [sha256(signed), signed.length, true],
    ]);
  });

  it('discards a file whose SHA-256 is not the declared one, keeping nothing of it', async () => {
    const sent = pdfScan('annex-as-sent', 30 * KiB);
    const claimed = {
      ...declaration('annexes', 'phu-luc.pdf', 'application/pdf', sent),
      sha256: sha256(pdfScan('other', 30 * KiB)),
    };
    await edit([signedAttachment, claimed]);
    const reply = await as(reporter).post(contentOf(claimed.sha256), piece(sent, 0));
    expect([reply.status, reply.body.code, reply.body.errors?.map((e) => [e.field, e.rule])]).toEqual([
      422,
      'periodic-report.attachment-checksum-mismatch',
      [['attachments.annexes.sha256', 'periodic-report.attachment-checksum-mismatch']],
    ]);
    const [held] = await db.rows<{ n: number; received: string }>(
      `SELECT (SELECT count(*)::int FROM periodic_report_file_chunk WHERE report_id = $1 AND sha256 = $2) AS n,
              (SELECT received_bytes::text FROM periodic_report_file WHERE report_id = $1 AND sha256 = $2) AS received`,
      [report.id, claimed.sha256],
    );
    expect(held).toEqual({ n: 0, received: '0' });
  });

  it('refuses content that is not the declared type: a PNG declared as a PDF, a ZIP declared as a workbook', async () => {
    const png = fileBytes(PNG_HEAD, 'photo-of-the-report', 12 * KiB);
    // The same package with its workbook part renamed in the directory: a ZIP still, no longer a workbook.
    const notXlsx = Buffer.from(annex);
    notXlsx.write('xl/workbooX.xml', notXlsx.lastIndexOf('xl/workbook.xml'), 'latin1');
    await edit([
      signedAttachment,
      declaration('annexes', 'anh-chup.pdf', 'application/pdf', png),
      declaration('annexes', 'phu-luc.xlsx', XLSX, notXlsx),
    ]);
    const asPdf = await as(reporter).post(contentOf(png), piece(png, 0));
    expect([asPdf.status, asPdf.body.code, asPdf.body.errors?.[0]?.field]).toEqual([
      422,
      'periodic-report.attachment-media-type',
      'body.contentBase64',
    ]);
    expect(await chunksOf(png)).toEqual({ n: 0, bytes: '0' });
    const asXlsx = await as(reporter).post(contentOf(notXlsx), piece(notXlsx, 0));
    expect([asXlsx.status, asXlsx.body.code, asXlsx.body.errors?.[0]?.field]).toEqual([
      422,
      'periodic-report.attachment-media-type',
      'attachments.annexes.mediaType',
    ]);
    expect(await chunksOf(notXlsx)).toEqual({ n: 0, bytes: '0' });
  });

  it('submits with the signed report and a real workbook, the version pinning both; refused declarations leave nothing', async () => {
    const annexAttachment = declaration('annexes', 'Phụ lục số liệu.xlsx', XLSX, annex);
    await edit([signedAttachment, annexAttachment]);
    await uploadFile(as(reporter), report.id, annex);
    const files = await db.rows<{ sha256: string }>(
      `SELECT sha256 FROM periodic_report_file WHERE report_id = $1 ORDER BY sha256`,
      [report.id],
    );
    expect(files.map((f) => f.sha256)).toEqual([sha256(signed), sha256(annex)].sort());
    at('2026-04-05T09:00:00+07:00');
    const sent = await submit();
    expect([sent.status, sent.body.code, sent.body.status]).toEqual([200, undefined, 'submitted']);
    expect(sent.body.versions[0].content.attachments).toEqual([signedAttachment, annexAttachment]);
  });

  it('gives the exact bytes to the reporter and the agency, with the stored type and the declared name', async () => {
    for (const reader of [reporter, central]) {
      const response = await as(reader).fetch(fileOf(signed));
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(bytes.equals(signed)).toBe(true);
      expect(response.headers.get('etag')).toBe(`"${sha256(signed)}"`);
    }
    const named = await as(central).fetch(fileOf(signed));
    expect(named.headers.get('content-disposition')).toBe(
      `attachment; filename="Bao cao quy I (da ky).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20I%20%28%C4%91%C3%A3%20k%C3%BD%29.pdf`,
    );
    const workbook = await as(central).fetch(fileOf(annex));
    expect([workbook.status, workbook.headers.get('content-type')]).toEqual([200, XLSX]);
    expect(Buffer.from(await workbook.arrayBuffer()).equals(annex)).toBe(true);
    const notModified = await as(central).fetch(fileOf(signed), { 'if-none-match': `"${sha256(signed)}"` });
    expect(notModified.status).toBe(304);
  });

  it('hides the files from another province, as it hides the report', async () => {
    const stranger = officer('01');
    const read = await as(stranger).get(fileOf(signed));
    expect([read.status, read.body.code]).toEqual([404, 'periodic-report.not-found']);
    const written = await as(stranger).post(contentOf(signed), piece(signed.subarray(0, 10), 0));
    expect([written.status, written.body.code]).toEqual([404, 'periodic-report.not-found']);
  });

  it('never changes a submitted version’s files: not through the API, not in the database', async () => {
    const replaced = await as(reporter).post(
      contentOf(signed),
      piece(pdfScan('forged', 700 * KiB).subarray(0, 10), 0),
    );
    expect([replaced.status, replaced.body.code]).toEqual([409, 'periodic-report.illegal-transition']);
    const key = [report.id, sha256(signed)];
    await expect(
      db.query(
        `UPDATE periodic_report_file_chunk SET bytes = '\\x00' WHERE report_id = $1 AND sha256 = $2`,
        key,
      ),
    ).rejects.toThrow(/never rewritten/);
    await expect(
      db.query(`DELETE FROM periodic_report_file_chunk WHERE report_id = $1 AND sha256 = $2`, key),
    ).rejects.toThrow(/pieces never change/);
    await expect(
      db.query(
        `INSERT INTO periodic_report_file_chunk (report_id, sha256, offset_bytes, bytes) VALUES ($1, $2, $3, '\\x00')`,
        [...key, signed.length],
      ),
    ).rejects.toThrow(/pieces never change/);
    await expect(
      db.query(
        `UPDATE periodic_report_file SET completed_at = now() WHERE report_id = $1 AND sha256 = $2`,
        key,
      ),
    ).rejects.toThrow(/whole file never changes/);
    await expect(
      db.query(`DELETE FROM periodic_report_file WHERE report_id = $1 AND sha256 = $2`, key),
    ).rejects.toThrow(/pins it/);
    // A version naming a file the report does not hold whole is refused by the database too.
    const forged = { ...signedAttachment, sha256: 'f'.repeat(64) };
    await expect(
      db.query(
        `INSERT INTO periodic_report_version (report_id, number, content, platform, submitted_at, submitted_by,
           submitted_on, on_time, days_late)
         VALUES ($1, 9, $2, '{}', now(), 'x', '2026-04-05', true, 0)`,
        [report.id, JSON.stringify({ entered: {}, explanations: {}, narratives: {}, attachments: [forged] })],
      ),
    ).rejects.toThrow(/not a whole file of the report/);
  });

  it('after a return, takes a corrected scan in place of the first, which the first version keeps', async () => {
    at('2026-04-06T09:00:00+07:00');
    const returned = await as(central).post<PeriodicReportView>(`${reportPath()}/return`, {
      reason: 'Bản chụp thiếu trang 2',
    });
    expect([returned.status, returned.body.status]).toEqual([200, 'returned']);
    const corrected = pdfScan('signed-2026-q1-corrected', 40 * KiB);
    const correctedAttachment = declaration(
      'signedReport',
      'Báo cáo quý I (bản đủ).pdf',
      'application/pdf',
      corrected,
    );
    const annexAttachment = returned.body.working!.attachments[1];
    // A whole scan of the draft, then replaced: unpinned, it goes with its pieces.
    const interim = pdfScan('signed-2026-q1-interim', 20 * KiB);
    await edit([declaration('signedReport', 'ban-nhap.pdf', 'application/pdf', interim), annexAttachment]);
    await uploadFile(as(reporter), report.id, interim);
    await edit([correctedAttachment, annexAttachment]);
    expect(await chunksOf(interim)).toEqual({ n: 0, bytes: '0' });
    expect((await as(central).get(fileOf(interim))).status).toBe(404);
    await uploadFile(as(reporter), report.id, corrected, 16 * KiB);
    at('2026-04-07T09:00:00+07:00');
    const sent = await submit();
    expect([sent.status, sent.body.versions.map((v) => v.content.attachments[0].sha256)]).toEqual([
      200,
      [sha256(signed), sha256(corrected)],
    ]);
    const first = await as(central).fetch(fileOf(signed));
    expect([first.status, Buffer.from(await first.arrayBuffer()).equals(signed)]).toEqual([200, true]);
    const second = await as(central).fetch(fileOf(corrected));
    expect([second.status, Buffer.from(await second.arrayBuffer()).equals(corrected)]).toEqual([200, true]);
  });
});
