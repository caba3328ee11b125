// The one definition of how much an import keeps, shared by every file format (CSV, JSONL,
// WhatsApp). Column limits decide whether a row is accepted; reader limits bound memory, so a
// 50 MB field or a file without line breaks costs the same few megabytes as a normal one.

/** Longest comment text kept (characters, after trimming); longer rows are rejected. */
export const MAX_TEXT_CHARS = 10_000;
/**
 * Longest author name (characters). Longer names are rejected, not truncated: cutting a name
 * would merge different authors under one pseudonym, and a name this long is almost always a
 * column mix-up the office should see.
 */
export const MAX_AUTHOR_CHARS = 100;
/** Longest id, post_id or parent_id. */
export const MAX_ID_CHARS = 200;
/** Longest link. */
export const MAX_URL_CHARS = 2_048;

/**
 * The most a reader keeps of one field or one message while reading: above every column limit,
 * with room for spaces around the value. Beyond it the rest is scanned but not kept, and the
 * row is rejected naming its line and field.
 */
export const MAX_FIELD_CHARS = 16_384;
/** The most a reader keeps of one record (all its fields) or of one JSONL line. */
export const MAX_RECORD_CHARS = 1_048_576;
/** The most columns kept per CSV record; further ones are only counted. */
export const MAX_COLUMNS = 1_000;

/** The column limit of an import field, for messages that name the field. */
export function limitOfField(field: string): number {
  switch (field) {
    case "text":
      return MAX_TEXT_CHARS;
    case "author":
      return MAX_AUTHOR_CHARS;
    case "id":
    case "post_id":
    case "parent_id":
      return MAX_ID_CHARS;
    case "url":
      return MAX_URL_CHARS;
    default:
      return MAX_FIELD_CHARS;
  }
}
