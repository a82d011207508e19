import { z } from 'zod';
import { text } from '../primitives';
import { ruleIssue, say } from '../messages';

/** Base64 of at most ~700 KB of .xlsx, inside the platform's 1 MB JSON body limit. */
export const MAX_XLSX_BASE64 = 960_000;

/**
 * The file of every spreadsheet import (cluster lists, cluster reports, project sheets, periodic reports): an .xlsx
 * carried as base64 in the JSON body, since the gateway forwards JSON only.
 */
export const xlsxUpload = {
  fileName: text(255).refine(
    (n) => n.toLowerCase().endsWith('.xlsx'),
    ruleIssue('xlsx-file', 'phải là tệp .xlsx', 'must be an .xlsx file'),
  ),
  contentBase64: z
    .string()
    .min(1, say('không được để trống', 'must not be empty'))
    .max(
      MAX_XLSX_BASE64,
      say(
        `tối đa ${MAX_XLSX_BASE64} ký tự (khoảng 700 KB .xlsx)`,
        `must be at most ${MAX_XLSX_BASE64} characters (about 700 KB of .xlsx)`,
      ),
    )
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, say('phải là base64', 'must be base64')),
};
