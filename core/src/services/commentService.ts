// The explorer's comment list with cursor pagination.
import type { CommentListDTO, CommentListQuery } from "@suara-desa/shared/contracts";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { assertCanReadVillage, canViewRawPersonalData } from "../policies/access";
import { findPii } from "../nlp/pii";
import { countComments, findComments, searchWords } from "../db/commentRepository";
import { cachedForVillage } from "../db/dataVersion";
import { getVillage } from "../db/villageRepository";
import { badRequest, forbidden, notFound } from "../errors";
import { presentComment } from "../presenters/commentPresenter";

// Seven digits: enough of a phone number or NIK to find its owner.
const PROBE_DIGITS = 7;
// Three digits in one word: a group of a number. The index holds the raw words, so a masked number
// (0812-••••-••90) could otherwise be uncovered one group a query ("0412", "081234", the last word matched
// as a prefix).
const GROUP_DIGITS = 3;
const NUMBER_WORD_RE = /^\p{N}+$/u;
const DIGIT_RE = /\p{N}/gu;
// A year ("banjir 2026") and an amount with its unit ("500rb", "2jt", "10kg") are ordinary searches: no word of
// a phone number or NIK is written that way.
const YEAR_RE = /^(?:19[5-9]\d|20\d\d)$/;
const AMOUNT_WORD_RE = /^\d+(?:rb|ribu|rebu|k|jt|juta|kg|gr|ton|l|ml|m|km|cm|ha|an|x|gb|mb|pcs)$/;
// Mail services residents use: with another word, a search for someone's address ("ani rahma gmail").
const MAIL_DOMAIN_WORDS = new Set(["gmail", "googlemail", "yahoo", "ymail", "rocketmail", "outlook", "hotmail", "live", "icloud", "proton", "protonmail"]);

/**
 * Whether a search could tell whose comment holds a phone number, NIK or e-mail. The search splits
 * the query into words at every other character and matches them in any order, so the words are
 * judged, not the punctuation: a word with 3 or more digits that is not a year or an amount with its unit
 * ("0412", "wa0812"), 7 or more digits in all its number words together ("08 12 34 56 78 90"), a mail
 * service with another word ("ani rahma gmail com"), or anything the personal-data detector finds.
 */
export function isPersonalDataProbe(q: string): boolean {
  const words = searchWords(q);
  let digits = 0;
  for (const w of words) {
    const n = w.match(DIGIT_RE)?.length ?? 0;
    if (n === 0 || YEAR_RE.test(w) || AMOUNT_WORD_RE.test(w)) continue;
    if (n >= GROUP_DIGITS) return true;
    if (NUMBER_WORD_RE.test(w)) digits += n;
  }
  if (digits >= PROBE_DIGITS) return true;
  if (words.length > 1 && words.some((w) => MAIL_DOMAIN_WORDS.has(w))) return true;
  return findPii(q).length > 0;
}

/**
 * A search for a phone number, NIK or e-mail tells whoever runs it which comments hold that
 * person's data, even when the text shown is masked: only roles allowed raw personal data may.
 */
export function assertSearchAllowed(auth: AuthContext, villageId: number, q: string | undefined): void {
  if (!q || canViewRawPersonalData(auth, villageId)) return;
  if (isPersonalDataProbe(q)) {
    throw forbidden("q: pencarian ini bisa menunjukkan nomor telepon, NIK atau e-mail warga (angka 3 digit atau lebih selain tahun dan jumlah bersatuan seperti 500rb, atau nama layanan e-mail dengan kata lain); pencarian seperti itu hanya boleh dilakukan admin dan pimpinan.");
  }
}

/** The filter part of a list query (what the total depends on), in a stable order. */
function filterKey(q: CommentListQuery) {
  return [q.topic, q.sentiment, q.intent, q.needsReply, q.urgent, q.caseStatus, q.platform, q.language, q.q, q.from, q.to, q.spam, q.pii];
}

function encodeCursor(value: string | number, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: "time" | "likes"): { value: string | number; id: number } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const okValue = sort === "likes" ? typeof value === "number" : typeof value === "string" && !Number.isNaN(Date.parse(value));
    if (okValue && Number.isInteger(id)) return { value: value as string | number, id: id as number };
  } catch {
    // fall through to the error below
  }
  throw badRequest("cursor: is not a cursor returned by this list");
}

/**
 * Lists a village's comments matching the explorer filters. A page is the same for everyone who
 * may read the village (personal data is always redacted in lists), so it is cached under the
 * village's data version like the dashboard views: any change to the village's comments or labels
 * bumps the version, so a cached page is never stale.
 */
export async function listComments(db: Database, auth: AuthContext | undefined, villageId: number, q: CommentListQuery): Promise<CommentListDTO> {
  assertCanReadVillage(auth, villageId);
  assertSearchAllowed(auth, villageId, q.q);
  if (q.from && q.to && q.from > q.to) throw badRequest("from: must not be after to");
  const after = q.cursor ? decodeCursor(q.cursor, q.sort) : null;
  const pageKey = JSON.stringify([filterKey(q), q.sort, q.limit, q.cursor ?? null]);
  return cachedForVillage(db, villageId, `list:${pageKey}`, async () => {
    if (!(await getVillage(db, villageId))) throw notFound("Desa");
    const { rows, hasMore } = await findComments(db, villageId, q, q.sort, q.limit, after);
    const last = rows.at(-1);
    return {
      data: rows.map((r) => presentComment(r)),
      // Every page of one filter has the same total: counted once per data version.
      total: await cachedForVillage(db, villageId, `count:${JSON.stringify(filterKey(q))}`, async () => countComments(db, villageId, q)),
      nextCursor: hasMore && last ? encodeCursor(q.sort === "likes" ? last.likeCount : last.publishedAt.toISOString(), last.id) : null,
    };
  });
}
