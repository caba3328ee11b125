// Factories: each call makes fresh rows; no shared mutable fixtures.
import type { Database } from "@suara-desa/core/db/client";
import type { IncomingComment } from "@suara-desa/core/ingest/types";

let seq = 0;

/** Creates a village with a unique Kemendagri-style code. */
export async function createVillage(db: Database, overrides: Partial<{ code: string; name: string; timeZone: string }> = {}) {
  seq++;
  return db.prisma.village.create({
    data: {
      code: overrides.code ?? `32.15.99.${String(2000 + seq).padStart(4, "0")}`,
      name: overrides.name ?? `Desa Uji ${seq}`,
      kecamatan: "Telagasari",
      kabupaten: "Karawang",
      timeZone: overrides.timeZone ?? "Asia/Jakarta",
    },
  });
}

/** An incoming comment with sensible defaults. */
export function incomingComment(overrides: Partial<IncomingComment> = {}): IncomingComment {
  seq++;
  return {
    platform: "facebook",
    externalId: `t_${seq}`,
    authorId: `author_${seq % 7}`,
    authorName: `Warga ${seq % 7}`,
    text: "Jalan di RT 03 rusak parah, mohon segera diperbaiki",
    publishedAt: new Date("2026-11-18T05:00:00Z"),
    likeCount: 0,
    ...overrides,
  };
}
