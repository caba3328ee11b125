// The village-concern taxonomy. Kept as data (data/taxonomy.json) so the lead can seed the
// database from it and villages can extend it; this module only validates and exposes it.
import raw from "./data/taxonomy.json";
import type { TopicRule } from "./types";

/** Version of the default taxonomy; bump when keywords change so stored topics are re-tagged. */
export const TAXONOMY_VERSION: string = raw.version;

/** Validates one topic entry, naming the offending field so a bad edit fails loudly at load. */
function toRule(entry: unknown, index: number): TopicRule {
  const where = `taxonomy.json topics[${index}]`;
  if (typeof entry !== "object" || entry === null) throw new Error(`${where}: expected an object`);
  const e = entry as Record<string, unknown>;
  for (const field of ["key", "nameId", "nameEn"] as const) {
    if (typeof e[field] !== "string" || (e[field] as string).trim() === "") {
      throw new Error(`${where}.${field}: expected a non-empty string`);
    }
  }
  if (!/^[a-z][a-z0-9_]*$/.test(e.key as string)) throw new Error(`${where}.key: use lower_snake_case`);
  if (!Array.isArray(e.keywords) || e.keywords.some((k) => typeof k !== "string" || k.trim() === "")) {
    throw new Error(`${where}.keywords: expected an array of non-empty strings`);
  }
  return {
    key: e.key as string,
    nameId: e.nameId as string,
    nameEn: e.nameEn as string,
    descriptionId: typeof e.descriptionId === "string" ? e.descriptionId : undefined,
    descriptionEn: typeof e.descriptionEn === "string" ? e.descriptionEn : undefined,
    keywords: (e.keywords as string[]).map((k) => k.trim().toLowerCase()),
  };
}

/** The 13 default topics every village starts with (callers copy before editing). */
export const DEFAULT_TOPICS: TopicRule[] = raw.topics.map(toRule);

/** The default topic keys in taxonomy order. */
export const DEFAULT_TOPIC_KEYS: readonly string[] = DEFAULT_TOPICS.map((t) => t.key);
