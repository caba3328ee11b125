// HTTP compression for what the browser loads: the app's scripts and styles, the page shell and the
// API's JSON. A village phone on a slow connection waited seconds for a 375 KB script that gzip
// makes about a third of that size.
//
// Downloads (Content-Disposition: attachment) are sent as they are: the workbook and the PDFs are
// already compressed inside, and the CSV/XLSX exports stream with their own backpressure
// (core/services/reports/streamSink waits on the response's own buffer), which a compression
// stream between them and the socket would hide, letting a large export pile up in memory.
// Images other than SVG are already compressed and are skipped by compression's default filter.
//
// No answer body carries a secret token for BREACH-style guessing to recover: the session is an
// httpOnly cookie and CSRF protection needs no token (auth/csrf).
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

/** True when the response is a file download (an export or a stored report). */
function isAttachment(res: Response): boolean {
  const disposition = res.getHeader("Content-Disposition");
  return typeof disposition === "string" && /^\s*attachment\b/i.test(disposition);
}

/** Whether a response is compressed (when the browser accepts it and it is over 1 KB). */
export function shouldCompress(req: Request, res: Response): boolean {
  return !isAttachment(res) && compression.filter(req, res);
}

/** gzip/brotli for page assets and API answers; downloads untouched. */
export function compressResponses(): RequestHandler {
  return compression({ filter: shouldCompress });
}
