// Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR, which some programs
// strip before parsing) is run as a formula by Excel and LibreOffice. Such text is prefixed with
// an apostrophe so it is shown as typed. See OWASP "CSV Injection".
const DANGEROUS_START = /^[=+\-@\t\r]/;

/** The cell text, neutralised when it could be read as a formula. */
export function safeCell(value: string): string {
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}
