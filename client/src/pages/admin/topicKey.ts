// A new topic's key comes from its name, so nobody types an internal key.

/** A topic key from an Indonesian name: "Air bersih & PDAM" → "air_bersih_pdam". */
export function topicKeyFromName(name: string): string {
  const key = name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  return /^[a-z]/.test(key) ? key : `topik_${key}`.slice(0, 40);
}

/** `key`, or `key_2`, `key_3`… when taken: adding a topic never overwrites another. */
export function freeKey(key: string, taken: string[]): string {
  let out = key;
  for (let i = 2; taken.includes(out); i++) out = `${key.slice(0, 36)}_${i}`;
  return out;
}
