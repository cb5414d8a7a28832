import * as chardet from 'chardet';
import iconv from 'iconv-lite';
import { DomainError, ErrorCode, type LocalizedText } from '@ggsm/domain';

export type ImportCharset = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'windows-1252';

const notText = (message: LocalizedText) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'content', code: 'IMPORT_NOT_TEXT', message }]);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an uploaded spreadsheet file. A byte-order mark decides (UTF-8, or UTF-16 as Excel's
 * "Unicode text" writes it); otherwise bytes that are valid UTF-8 are UTF-8, and anything else is read
 * as Windows-1252, what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)" (chardet
 * calls it ISO-8859-1; Windows-1252 is its superset). chardet only has to spot UTF-16 without a mark.
 */
export function decodeImportBytes(bytes: Buffer): { text: string; charset: ImportCharset } {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) {
    throw notText({
      nl: 'Dit is een Excel-werkmap (.xlsx), geen CSV: kies in Excel "Opslaan als" → "CSV (gescheiden door lijstscheidingsteken)".',
      en: 'This is an Excel workbook (.xlsx), not CSV: in Excel choose "Save as" → "CSV (comma delimited)".',
    });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3)), charset: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), charset: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), charset: 'UTF-16BE' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: noNul(utf8), charset: 'UTF-8' };
  const guess = chardet.detect(bytes);
  if (guess === 'UTF-16LE' || guess === 'UTF-16BE') return { text: noNul(iconv.decode(bytes, guess)), charset: guess };
  return { text: noNul(iconv.decode(bytes, 'windows-1252')), charset: 'windows-1252' };
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Buffer): string {
  const text = tryUtf8(bytes);
  if (text === null) {
    throw notText({
      nl: 'Het bestand begint als UTF-8 maar bevat ongeldige tekens.',
      en: 'The file starts as UTF-8 but holds invalid characters.',
    });
  }
  return noNul(text);
}

/** NUL bytes mean a binary file (or a spreadsheet saved in a format we do not read). */
function noNul(text: string): string {
  if (text.includes('\u0000')) {
    throw notText({ nl: 'Dit is geen tekstbestand (CSV).', en: 'This is not a text (CSV) file.' });
  }
  return text;
}
