// Which text encoding an import file is in, decided before anything is stored, and a streaming
// decoder for it. What a village office gets:
// - UTF-8 (with or without BOM): read as is.
// - UTF-16 with a BOM (Excel's "Unicode Text"): converted, with a notice in the summary.
// - Not UTF-8 and no UTF-8 characters at all: Windows-1252, which is what Excel on Windows writes
//   for "CSV". Converted with a notice, because refusing would block the most common office file
//   for a conversion that is right for it (Windows-1252 is a superset of Latin-1's letters, and
//   Indonesian text is mostly ASCII, so only é, “ ”, … and the like are affected).
// - Both valid UTF-8 characters and invalid bytes: refused. No single reading is right (two files
//   pasted together, or a damaged file), and guessing would silently corrupt part of the text.
// - NUL bytes or a ZIP/OLE signature (an .xlsx/.xls renamed, UTF-16 without BOM): refused.
import { isAscii, isUtf8 } from "node:buffer";
import fs from "node:fs";
import { ImportFileError } from "./importFileError";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Shown in the import summary when the file was converted; null for plain UTF-8. */
  notice: string | null;
}

const CHUNK = 1 << 20;

/** Length of the UTF-8 sequence a lead byte starts (0 when it cannot start one). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Whether buf[i..] holds a complete, valid multibyte sequence of length `len` (RFC 3629 ranges). */
function validSequence(buf: Buffer, i: number, len: number): boolean {
  const b0 = buf[i];
  for (let k = 1; k < len; k++) {
    const b = buf[i + k];
    let lo = 0x80;
    let hi = 0xbf;
    if (k === 1) {
      if (b0 === 0xe0) lo = 0xa0; // no overlong 3-byte forms
      else if (b0 === 0xed) hi = 0x9f; // no surrogates
      else if (b0 === 0xf0) lo = 0x90; // no overlong 4-byte forms
      else if (b0 === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    }
    if (b < lo || b > hi) return false;
  }
  return true;
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

interface Found { line: number; byte: number }

/** Reads the file once (streamed) and decides how to decode it, or refuses it with a reason. */
export async function detectEncoding(file: string): Promise<DetectedEncoding> {
  let invalid: Found | null = null;
  let multibyte: Found | null = null;
  let bom = false;
  let linesBefore = 0;
  let carry: Buffer = Buffer.alloc(0);
  let first = true;

  for await (const raw of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    let buf: Buffer = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    if (first) {
      first = false;
      if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: "utf-16le", notice: 'encoding: the file is UTF-16 LE (Excel "Unicode Text"); converted to UTF-8' };
      if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: "utf-16be", notice: "encoding: the file is UTF-16 BE; converted to UTF-8" };
      if ((buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) || (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0)) {
        throw new ImportFileError(`${file}: this is an Excel workbook (or another packed file), not text — in Excel choose Save As → "CSV UTF-8"`);
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        bom = true;
        buf = buf.subarray(3);
      }
    }
    // Keep a sequence cut by the chunk boundary for the next chunk.
    let end = buf.length;
    for (let back = 1; back <= 3 && back <= buf.length; back++) {
      const b = buf[buf.length - back];
      if (b < 0x80) break;
      if (b >= 0xc0) {
        if (sequenceLength(b) > back) end = buf.length - back;
        break;
      }
    }
    const body = buf.subarray(0, end);
    carry = Buffer.from(buf.subarray(end));

    const nul = body.indexOf(0);
    if (nul !== -1) {
      throw new ImportFileError(
        `${file}: line ${linesBefore + countNewlines(body, nul) + 1} contains NUL bytes — this is not a text file, or UTF-16 without a byte-order mark; save it as "CSV UTF-8"`,
      );
    }
    if (isUtf8(body)) {
      if (!multibyte && !isAscii(body)) {
        let i = 0;
        while (body[i] < 0x80) i++;
        multibyte = { line: linesBefore + countNewlines(body, i) + 1, byte: body[i] };
      }
    } else {
      for (let i = 0; i < body.length && !(invalid && multibyte); ) {
        const b = body[i];
        if (b < 0x80) { i++; continue; }
        const len = sequenceLength(b);
        if (len > 0 && i + len <= body.length && validSequence(body, i, len)) {
          multibyte ??= { line: linesBefore + countNewlines(body, i) + 1, byte: b };
          i += len;
        } else {
          invalid ??= { line: linesBefore + countNewlines(body, i) + 1, byte: b };
          i++;
        }
      }
    }
    if (invalid && (multibyte || bom)) break;
    linesBefore += countNewlines(body, body.length);
  }
  if (carry.length > 0 && !invalid) invalid = { line: linesBefore + 1, byte: carry[0] }; // cut off at the end

  if (invalid && (multibyte || bom)) {
    const other = multibyte ? `line ${multibyte.line} has UTF-8 characters` : "the file starts with a UTF-8 byte-order mark";
    throw new ImportFileError(
      `${file}: line ${invalid.line} is not valid UTF-8 (byte 0x${invalid.byte.toString(16).toUpperCase()}) but ${other}: ` +
        `the file mixes encodings or is damaged — nothing was imported; save it again as "CSV UTF-8"`,
    );
  }
  if (invalid) {
    return {
      encoding: "windows-1252",
      notice: `encoding: the file is not UTF-8 (first at line ${invalid.line}); read as Windows-1252 (Latin-1), as Excel writes "CSV" on Windows — check letters such as é, or save as "CSV UTF-8" to be sure`,
    };
  }
  return { encoding: "utf-8", notice: null };
}

/** Streams the file decoded to text in chunks, with the number of bytes each chunk consumed. */
export async function* readText(file: string, encoding: TextEncodingName): AsyncGenerator<{ text: string; bytes: number }> {
  // TextDecoder drops a byte-order mark of its own encoding and keeps multibyte characters cut
  // by a chunk boundary for the next chunk.
  const decoder = new TextDecoder(encoding);
  for await (const buf of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    yield { text: decoder.decode(buf as Buffer, { stream: true }), bytes: (buf as Buffer).length };
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, bytes: 0 };
}
