// The explorer's text search finds a comment by any word of it as residents write it — numbers with
// units and fractions included — on both engines (documents and queries are split the same way).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { externalIdsOf } from "../helpers/externalIds";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let api: ReturnType<typeof as>;
let villageId: number;

beforeAll(async () => {
  env = await createTempDatabase();
  const app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  api = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
  await storeBatch(env.db, {
    villageId, sourceId: null, posts: [], comments: [
      incomingComment({ externalId: "m2", text: "Rumah pak Ujang cuma 36m² tapi kena gusur pelebaran jalan, gantinya berapa?" }),
      incomingComment({ externalId: "half", text: "Sawah saya 2½ bata kebagian air irigasi cuma seminggu sekali" }),
      incomingComment({ externalId: "h2o", text: "Anak SD disuruh bawa botol H₂O buat praktek, belinya dimana ya" }),
      incomingComment({ externalId: "rt", text: "Jl.Raya Cibuntu depan RW.05 berlubang lagi" }),
    ],
  });
});
afterAll(() => env.cleanup());

const found = async (q: string) =>
  externalIdsOf(env.db, (await api.get(`/api/villages/${villageId}/comments`).query({ q }).expect(200)).body.data);

describe("explorer text search", () => {
  it("finds words with units, fractions and subscripts as written", async () => {
    expect(await found("36m²")).toEqual(["m2"]);
    expect(await found("2½ bata")).toEqual(["half"]);
    expect(await found("h₂o")).toEqual(["h2o"]);
  });

  it("finds words joined by dots, by prefix", async () => {
    expect(await found("raya cibun")).toEqual(["rt"]);
    expect(await found("rw 05")).toEqual(["rt"]);
    expect(await found("gusur berlubang")).toEqual([]);
  });
});
