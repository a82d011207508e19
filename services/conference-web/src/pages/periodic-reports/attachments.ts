import type { PeriodicReportView, ReportFormVersionView } from '@kc/contracts';

/**
 * A report's attachments on its page, free of React: each declared file with what the platform holds of it (a
 * download link once whole), a new file declared into its slot, and the pieces its bytes go in.
 */
export type Attachment = NonNullable<PeriodicReportView['working']>['attachments'][number];
export type Slot = ReportFormVersionView['attachments'][number];

/** The largest piece one request carries (the API's `filePieceRequest`: base64 JSON under the 1 MB body limit). */
export const PIECE_BYTES = 512 * 1024;

export interface AttachmentRow {
  sha256: string;
  slotLabel: string;
  fileName: string;
  bytes: number;
  /** Whole: every byte is in and checked; partial: some bytes received; none: nothing held on the platform. */
  state: 'whole' | 'partial' | 'none';
  receivedBytes: number;
  href: string | null;
}

export function attachmentRows(
  report: Pick<PeriodicReportView, 'id' | 'files'>,
  attachments: readonly Attachment[],
  slots: readonly Slot[],
  lang: 'vi' | 'en',
): AttachmentRow[] {
  return attachments.map((a) => {
    const file = report.files?.find((f) => f.sha256 === a.sha256 && f.mediaType === a.mediaType);
    const state = file?.complete ? 'whole' : file && file.receivedBytes > 0 ? 'partial' : 'none';
    return {
      sha256: a.sha256,
      slotLabel: slots.find((s) => s.key === a.slot)?.label[lang] ?? a.slot,
      fileName: a.fileName,
      bytes: a.bytes,
      state,
      receivedBytes: file?.receivedBytes ?? 0,
      href: state === 'whole' ? `/api/v1/periodic-reports/${report.id}/attachments/${a.sha256}` : null,
    };
  });
}

/** The attachments with a file declared into a slot: the same file once; a one-file slot's file is replaced. */
export function withDeclared(attachments: readonly Attachment[], slot: Slot, file: Attachment): Attachment[] {
  const kept = attachments.filter(
    (a) => a.sha256 !== file.sha256 && !(slot.maxFiles === 1 && a.slot === slot.key),
  );
  return [...kept, file];
}

/** The pieces still to send, from the bytes received so far (a resumed upload starts where it stopped). */
export function piecesToSend(size: number, received: number, pieceBytes = PIECE_BYTES) {
  const pieces: { offset: number; end: number }[] = [];
  for (let offset = received; offset < size; offset += pieceBytes)
    pieces.push({ offset, end: Math.min(size, offset + pieceBytes) });
  return pieces;
}

/** Base64 of some bytes, in slices (one call with 512 KiB of arguments would overflow the stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Lower-case hex SHA-256, as the API declares and pins files. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
