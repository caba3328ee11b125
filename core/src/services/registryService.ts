// The official village registry (Kemendagri codes) from the idn-area-data package (ODbL, by
// fityannugroho): admins pick villages from it instead of typing names. The four CSVs (~84 000
// villages) are parsed once, on first use, and kept in memory (~15 MB).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { createVillage, findVillageByCode, findVillagesByCodes } from "../db/villageRepository";
import { badRequest, conflict, notFound } from "../errors";
import { assertCanManageVillages } from "../policies/access";
import { recordAudit } from "./auditService";

export interface RegistryVillage {
  code: string; // 32.15.04.2006
  name: string; // Mulyasari
  kind: "desa" | "kelurahan";
  kecamatan: string;
  kabupaten: string; // "Karawang" for a kabupaten, "Kota Bandung" for a city
  province: string; // "Jawa Barat"
}

interface Registry { villages: RegistryVillage[]; byCode: Map<string, RegistryVillage> }

/** The folder holding provinces.csv, regencies.csv, districts.csv and villages.csv. */
export function defaultRegistryDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("idn-area-data/package.json")), "data");
}

// The CSVs are RFC 4180: a name holding a comma or a double quote is quoted ("Lubuk Pakam I,II",
// "Soka""an"). Parsed with csv-parse, the one CSV parser of the project.
function readCsv(file: string, columns: number): string[][] {
  const rows = parse(fs.readFileSync(file, "utf8"), { from_line: 2, skip_empty_lines: true }) as string[][];
  rows.forEach((row, i) => {
    if (row.length !== columns) throw new Error(`${path.basename(file)} line ${i + 2}: expected ${columns} columns, got ${row.length}`);
  });
  return rows;
}

const KEEP_UPPER = new Set(["DKI", "DI", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"]);
/** "KABUPATEN KARAWANG" -> "Kabupaten Karawang"; keeps DKI/DI and roman numerals upper case. */
export function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+|-|\(|\))/)
    .map((w) => (KEEP_UPPER.has(w.toUpperCase()) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

/** Regency display name as the app stores it: "Karawang" for a kabupaten, "Kota Bandung" for a city. */
export function regencyName(raw: string): string {
  return titleCase(raw.replace(/^KABUPATEN\s+/i, "").replace(/^KAB\.\s*/i, ""));
}

// idn-area-data 4.0.1 (Kepmendagri 2025) misspells four West Java kecamatan that every map, the
// regency's own site and 3.x spell otherwise. Corrected only while upstream still has the misspelling,
// so a fixed upstream release wins. Spacing changes of the 2025 decree ("Gunungputri") are kept.
const DISTRICT_CORRECTIONS: Record<string, { upstream: string; name: string }> = {
  "32.03.06": { upstream: "Bonjogpicung", name: "Bojongpicung" },
  "32.03.18": { upstream: "Pagelarang", name: "Pagelaran" },
  "32.03.20": { upstream: "Cubinong", name: "Cibinong" },
  "32.09.22": { upstream: "Kepetakan", name: "Kapetakan" },
};

/** The kecamatan name to show: upstream's, unless it is one of the known misspellings. */
export function districtName(code: string, upstream: string): string {
  const fix = DISTRICT_CORRECTIONS[code];
  return fix && fix.upstream === upstream ? fix.name : upstream;
}

function loadRegistry(dir: string): Registry {
  const provinces = new Map(readCsv(path.join(dir, "provinces.csv"), 2).map(([code, name]) => [code, titleCase(name)]));
  const regencies = new Map(readCsv(path.join(dir, "regencies.csv"), 3).map(([code, , name]) => [code, regencyName(name)]));
  const districts = new Map(readCsv(path.join(dir, "districts.csv"), 3).map(([code, , name]) => [code, districtName(code, name)]));
  const villages: RegistryVillage[] = [];
  for (const [code, districtCode, name] of readCsv(path.join(dir, "villages.csv"), 3)) {
    const regencyCode = districtCode.slice(0, 5);
    villages.push({
      code,
      name,
      // Kemendagri: the last four digits start with 1 for a kelurahan, 2 for a desa.
      kind: code.slice(-4).startsWith("1") ? "kelurahan" : "desa",
      kecamatan: districts.get(districtCode) ?? "",
      kabupaten: regencies.get(regencyCode) ?? "",
      province: provinces.get(code.slice(0, 2)) ?? "",
    });
  }
  return { villages, byCode: new Map(villages.map((v) => [v.code, v])) };
}

const registries = new Map<string, Registry>();
function registry(dir: string): Registry {
  let r = registries.get(dir);
  if (!r) {
    r = loadRegistry(dir);
    registries.set(dir, r);
  }
  return r;
}

export const CODE_PATTERN = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export interface RegistrySearch {
  q: string;
  /** Two-digit province code, e.g. "32" (Jawa Barat). */
  province?: string;
  limit?: number;
}

/** Villages whose name contains `q` (or whose code starts with it); best matches first. */
export function searchRegistry(search: RegistrySearch, dir = defaultRegistryDir()): RegistryVillage[] {
  const q = search.q.trim().toLowerCase();
  const limit = search.limit ?? 20;
  const byCode = /^[\d.]+$/.test(q);
  const hits: Array<{ v: RegistryVillage; rank: number }> = [];
  for (const v of registry(dir).villages) {
    if (search.province && !v.code.startsWith(`${search.province}.`)) continue;
    if (byCode) {
      if (v.code.startsWith(q)) hits.push({ v, rank: 0 });
      continue;
    }
    const name = v.name.toLowerCase();
    const at = name.indexOf(q);
    if (at < 0) continue;
    hits.push({ v, rank: name === q ? 0 : at === 0 ? 1 : 2 });
  }
  hits.sort((a, b) => a.rank - b.rank || (a.v.code < b.v.code ? -1 : 1));
  return hits.slice(0, limit).map((h) => h.v);
}

/** One registry village by Kemendagri code, or null. */
export function findRegistryVillage(code: string, dir = defaultRegistryDir()): RegistryVillage | null {
  return registry(dir).byCode.get(code) ?? null;
}

export interface RegistrySearchResult extends RegistryVillage {
  /** The id when this deployment already serves the village. */
  villageId: number | null;
}

/** Registry search, marking villages that are already added. */
export async function searchRegistryVillages(db: Database, search: RegistrySearch, dir?: string): Promise<RegistrySearchResult[]> {
  const found = searchRegistry(search, dir);
  const existing = await findVillagesByCodes(db, found.map((v) => v.code));
  const ids = new Map(existing.map((e) => [e.code, e.id]));
  return found.map((v) => ({ ...v, villageId: ids.get(v.code) ?? null }));
}

/** Adds a village from the registry (admin). 409 when it is already served. */
export async function addVillageFromRegistry(db: Database, auth: AuthContext | undefined, code: string, dir?: string) {
  assertCanManageVillages(auth);
  if (!CODE_PATTERN.test(code)) throw badRequest("code: must be a Kemendagri village code like 32.15.04.2006");
  const v = findRegistryVillage(code, dir);
  if (!v) throw notFound(`Desa dengan kode ${code}`);
  if (await findVillageByCode(db, code)) throw conflict(`Desa ${v.name} (${code}) sudah ada`);
  const row = await createVillage(db, {
    code: v.code, name: v.name, kecamatan: v.kecamatan, kabupaten: v.kabupaten, province: v.province, timeZone: timeZoneOf(v.code),
  });
  await recordAudit(db, auth, { action: "village.add", villageId: row.id, target: `village:${code}` });
  return { id: row.id, code: row.code, name: row.name, kecamatan: row.kecamatan, kabupaten: row.kabupaten, province: row.province, timeZone: row.timeZone };
}

// Indonesia has three time zones; the province code decides (WITA: Bali, NTB, NTT, Kalimantan
// except West/Central, Sulawesi; WIT: Maluku, Papua).
const WITA = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT = new Set(["81", "82", "91", "92", "93", "94", "95", "96", "97"]);
/** IANA time zone of a village by its province code. */
export function timeZoneOf(code: string): string {
  const p = code.slice(0, 2);
  if (WIT.has(p)) return "Asia/Jayapura";
  if (WITA.has(p)) return "Asia/Makassar";
  return "Asia/Jakarta";
}
