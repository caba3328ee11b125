// Prisma CLI configuration for PostgreSQL (`prisma … --config prisma/postgres/prisma.config.ts`).
// The schema here is derived from prisma/schema.prisma by `npm run db:schema`. Migrate runs on the
// bundled WebAssembly schema engine through adapter-pg, so no engine binary is downloaded.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const u = new URL(process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "postgresql://localhost:5432/suara_desa");
// Discrete fields, not connectionString: adapter-pg's connectToShadowDb() spreads this config with
// another database name, and pg lets a connectionString override `database`.
const cfg = {
  host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || undefined,
  password: decodeURIComponent(u.password) || undefined, database: u.pathname.slice(1),
};

// prisma/orm#27403: the wasm schema engine reads pg_catalog columns of type name (oid 19) and
// "char" (oid 18), which adapter-pg 6.x rejects. Report them as text (oid 25).
function patchCatalogTypes<T extends object>(adapter: T): T {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const proto: any = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  if (!proto.__catalogTypesPatched) {
    const performIO = proto.performIO;
    proto.performIO = async function (q: unknown) {
      const res = await performIO.call(this, q);
      for (const r of Array.isArray(res) ? res : [res])
        for (const f of r.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
      return res;
    };
    proto.__catalogTypesPatched = true;
  }
  return adapter;
}

class PrismaPgForMigrate extends PrismaPg {
  override async connect() {
    return patchCatalogTypes(await super.connect());
  }
  // adapter-pg 6.19 drops its temporary shadow database before closing the pool that uses it.
  override async connectToShadowDb() {
    const admin = new pg.Client(cfg);
    await admin.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = patchCatalogTypes(await new PrismaPg({ ...cfg, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.end();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPgForMigrate(cfg),
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
});
