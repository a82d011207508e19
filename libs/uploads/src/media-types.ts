import { zipEntryNames } from './zip-entries';

/**
 * The file types the platform takes, each recognised from its content — never from a name or a header. An Office
 * Open XML file (.xlsx, .docx) is a ZIP package: its first bytes say ZIP, and the part it holds says which.
 */
export const PDF = 'application/pdf';
export const JPEG = 'image/jpeg';
export const PNG = 'image/png';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** What the first bytes of any ZIP package show, before the whole file says which package it is. */
export const ZIP = 'application/zip';

const ZIP_HEAD = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: a local file header

interface KnownType {
  mediaType: string;
  label: string;
  head: readonly number[];
  /** For a package: the part every file of this type holds (ECMA-376's main part). */
  part?: string;
}

const KNOWN: readonly KnownType[] = [
  { mediaType: PDF, label: 'PDF', head: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: JPEG, label: 'JPEG', head: [0xff, 0xd8, 0xff] },
  { mediaType: PNG, label: 'PNG', head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: XLSX, label: 'Excel (.xlsx)', head: ZIP_HEAD, part: 'xl/workbook.xml' },
  { mediaType: DOCX, label: 'Word (.docx)', head: ZIP_HEAD, part: 'word/document.xml' },
  { mediaType: ZIP, label: 'ZIP', head: ZIP_HEAD },
];

const known = (mediaType: string) => KNOWN.find((t) => t.mediaType === mediaType);
const startsWith = (bytes: Uint8Array, head: readonly number[]) =>
  bytes.length >= head.length && head.every((byte, i) => bytes[i] === byte);

/** A type's name for people (PDF, Excel (.xlsx)); the media type itself when it is not one the platform knows. */
export const mediaTypeLabel = (mediaType: string): string => known(mediaType)?.label ?? mediaType;

/**
 * The media type a file's first bytes show: PDF, JPEG or PNG, `application/zip` for any ZIP package (which one
 * only the whole file tells, see `contentMediaType`), or null for anything else.
 */
export function sniffMediaType(head: Uint8Array): string | null {
  const match = KNOWN.find((t) => !t.part && startsWith(head, t.head));
  return match?.mediaType ?? null;
}

/** Whether a file's first bytes are those of the declared type (a package's: those of a ZIP). */
export function startsAs(mediaType: string, head: Uint8Array): boolean {
  const type = known(mediaType);
  return type !== undefined && startsWith(head, type.head);
}

/**
 * The type of a whole file: its signature, and for a ZIP the Office package whose main part it holds (a ZIP
 * holding neither is plain `application/zip`); null for content of no known type.
 */
export function contentMediaType(bytes: Uint8Array): string | null {
  const sniffed = sniffMediaType(bytes);
  if (sniffed !== ZIP) return sniffed;
  const names = zipEntryNames(bytes);
  if (names === null) return null;
  return KNOWN.find((t) => t.part !== undefined && names.includes(t.part))?.mediaType ?? ZIP;
}

/** Whether the declared type can only be told from the whole file (a package), not from its first bytes. */
export const isPackageType = (mediaType: string): boolean => known(mediaType)?.part !== undefined;
