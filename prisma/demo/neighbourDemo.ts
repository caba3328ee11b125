// A second, small demo village in the same kecamatan — Desa Mulyasejati (Kec. Ciampel, Kab. Karawang,
// Kemendagri code 32.15.04.2007) — so an account with several villages (the demo admin) sees the
// comparison page with something to compare. Built from the Mulyasari demo's Facebook threads: the
// neighbour has only a Facebook Page, about one resident thread in six, and complaints are kept more
// often than the rest, so its figures differ. Deterministic, like the main demo.
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import type { DemoTruth, DemoVillage } from "./generateDemo";
import { Rng } from "./prng";

const FB_PAGE = { platform: "facebook" as const, accountId: "108254917365207", handle: "pemdesmulyasejati", name: "Pemerintah Desa Mulyasejati" };
const BASE_PAGE_ID = "108254917364120";
const rename = (s: string) => s.replace(/Mulyasari/g, "Mulyasejati");

/** Derives the Mulyasejati demo from the Mulyasari demo and its intended labels. */
export function deriveNeighbourVillage(base: DemoVillage & { truth: DemoTruth[] }): DemoVillage {
  const rng = new Rng("demo-mulyasejati");
  const baseAdmin = base.sources.find((s) => s.platform === "facebook")!.accountId;
  // Top-level resident threads are picked; their replies (residents' and the page's) come along.
  const picked = new Set<string>();
  base.comments.forEach((c, i) => {
    const t = base.truth[i];
    if (c.platform !== "facebook" || c.parentExternalId || t.admin) return;
    if (rng.chance(t.tone === "neg" ? 0.3 : 0.12)) picked.add(c.externalId);
  });
  const comments: IncomingComment[] = base.comments
    .filter((c) => c.platform === "facebook" && picked.has(c.parentExternalId ?? c.externalId))
    .map((c) => {
      const admin = c.authorId === baseAdmin;
      return {
        ...c,
        authorId: admin ? FB_PAGE.accountId : `mj${c.authorId ?? ""}`,
        authorName: admin ? FB_PAGE.name : c.authorName,
        text: rename(c.text),
        url: c.url?.replace(BASE_PAGE_ID, FB_PAGE.accountId) ?? null,
      };
    });
  const postIds = new Set(comments.map((c) => c.postExternalId));
  const posts = base.posts
    .filter((p) => p.platform === "facebook" && postIds.has(p.externalId))
    .map((p) => ({ ...p, text: rename(p.text), url: p.url?.replace(BASE_PAGE_ID, FB_PAGE.accountId) ?? null }));
  return {
    village: { code: "32.15.04.2007", name: "Mulyasejati", kecamatan: "Ciampel", kabupaten: "Karawang", province: "Jawa Barat", timeZone: "Asia/Jakarta" },
    sources: [{ ...FB_PAGE }],
    posts,
    comments,
  };
}
