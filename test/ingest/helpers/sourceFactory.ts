// Factories for ingestion tests: a village and an API source pointing at the fake server's data.
import type { Database } from "@suara-desa/core/db/client";
import { createSource } from "@suara-desa/core/db/sourceRepository";
import { sealSecret } from "@suara-desa/core/services/secretBox";
import type { FakeDataset } from "../../fake/fakeApiServer";

let villageSeq = 0;

/** Creates a village with a unique code. */
export async function createVillage(db: Database): Promise<number> {
  villageSeq += 1;
  const v = await db.prisma.village.create({ data: { code: `32.15.10.${9000 + villageSeq}`, name: `Desa Uji ${villageSeq}`, kecamatan: "Uji", kabupaten: "Karawang" } });
  return v.id;
}

/** Creates an API source for `platform` of the fake dataset, with a sealed token. */
export async function createApiSource(db: Database, villageId: number, platform: "x" | "facebook" | "instagram", dataset: FakeDataset, token: string): Promise<number> {
  const accountId = platform === "x" ? dataset.x!.accountId : platform === "facebook" ? dataset.facebook!.pageId : dataset.instagram!.userId;
  const handle = platform === "x" ? dataset.x!.handle : platform === "instagram" ? dataset.instagram!.username : null;
  const s = await createSource(db, { villageId, platform, accountId, handle, tokenEnc: sealSecret(token) });
  return s.id;
}

/** External ids of the comments stored for a source's platform in a village. */
export async function storedIds(db: Database, villageId: number, platform: string): Promise<string[]> {
  const rows = await db.prisma.comment.findMany({ where: { villageId, platform }, select: { externalId: true } });
  return rows.map((r) => r.externalId).sort();
}
