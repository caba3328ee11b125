/** A problem with the whole file (not one row): reported as one line, exit status 2. */
export class ImportFileError extends Error {}
