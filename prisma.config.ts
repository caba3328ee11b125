// Prisma CLI configuration. Migrate runs on Prisma's bundled WebAssembly schema engine through the
// driver adapter (engine "js"), so no engine binary is downloaded: works offline and online alike.
// The app applies migrations itself at boot (jobs/src/cli/migrate.ts); this file serves the CLI
// (`prisma generate`, `prisma migrate dev/diff/status`) for developers.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const root = import.meta.dirname;
const url = process.env.DATABASE_URL?.startsWith("file:")
  ? process.env.DATABASE_URL
  : `file:${path.join(root, "data", "suara-desa.db")}`;

// Prisma 6.19's wasm schema engine replays migrations into the shadow DB via executeRaw(), which
// better-sqlite3 rejects for multi-statement scripts; route parameterless statements to exec().
class PrismaBetterSQLite3ForMigrate extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => (q.args.length > 0 ? executeRaw(q) : (await shadow.executeScript(q.sql), 0));
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3ForMigrate({ url }),
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
});
