// Lint: typescript-eslint's recommended rules; generated code and build output are skipped.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The one-way layout (docs/ARCHITECTURE.md): client -> shared; server -> core + shared;
// jobs -> core + shared; core -> shared. Only main.ts joins server and jobs.
const ROOTS = {
  core: "(^|/)core/src/|^@suara-desa/core/",
  server: "(^|/)server/src/|^@suara-desa/server/",
  jobs: "(^|/)jobs/src/|^@suara-desa/jobs/",
  prisma: "(^|/)prisma/(seed|demo)",
};
// Across roots, import by name (`@suara-desa/core/db/client`), never `../../../core/src/...`.
const BY_NAME = { regex: "^(\\.\\./)+(core|server|jobs|shared)/src/", message: "import by name: @suara-desa/<root>/..." };
// Only the db layer (core/src/db) touches Prisma and SQL: the generated clients, the @prisma
// packages, the `prisma` handle of a Database and the raw SQL runner (db/sql). Everything else
// calls a repository function. Tests may read rows directly; the Prisma CLI configurations
// (*.config.ts) are migration tooling.
const PRISMA = { regex: "(^|/)generated(-pg)?/client$|^@prisma/|(^|/)db/sql$", message: "only core/src/db touches Prisma or SQL: call (or add) a repository function" };
const PRISMA_HANDLE = {
  selector: "MemberExpression[property.name='prisma']",
  message: "only core/src/db touches Prisma: call (or add) a repository function",
};
// Routes use the input validated() typed as `req.input` itself: no alias (`const q = req.input`),
// and destructuring only to split a path id from the rest that is passed on.
const INPUT_ALIASES = [
  { selector: "VariableDeclarator[id.type='Identifier'][init.object.name='req'][init.property.name='input']", message: "use req.input directly, not an alias" },
  { selector: "VariableDeclarator[id.type='ObjectPattern']:not(:has(RestElement))[init.object.name='req'][init.property.name='input']", message: "use req.input.<field> directly; destructure only to split a path id from the rest" },
];
const forbid = (files, roots, why, { ignores = [], prisma = true } = {}) => ({
  files,
  ignores,
  rules: {
    "no-restricted-imports": ["error", {
      patterns: [...roots.map((r) => ({ regex: ROOTS[r], message: why })), BY_NAME, ...(prisma ? [PRISMA] : [])],
    }],
    ...(prisma ? { "no-restricted-syntax": ["error", PRISMA_HANDLE] } : {}),
  },
});

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "core/src/db/generated/**", "core/src/db/generated-pg/**", "data/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  forbid(["test/**/*.ts"], [], "import by name", { prisma: false }),
  forbid(["prisma/**/*.ts", "*.ts"], [], "import by name", { ignores: ["**/*.config.ts"] }),
  forbid(["prisma/**/*.config.ts", "*.config.ts"], [], "import by name", { prisma: false }),
  forbid(["server/**/*.ts"], ["jobs"], "server/ is the HTTP app: reach jobs through core interfaces wired in main.ts", { ignores: ["**/*.test.ts"] }),
  { files: ["server/src/routes/**/*.ts"], ignores: ["**/*.test.ts"], rules: { "no-restricted-syntax": ["error", PRISMA_HANDLE, ...INPUT_ALIASES] } },
  forbid(["server/**/*.test.ts"], ["jobs"], "server/ is the HTTP app: reach jobs through core interfaces wired in main.ts", { prisma: false }),
  forbid(["jobs/**/*.ts"], ["server"], "jobs/ never imports the HTTP app: move what both need into core/", { ignores: ["**/*.test.ts"] }),
  forbid(["jobs/**/*.test.ts"], ["server"], "jobs/ never imports the HTTP app: move what both need into core/", { prisma: false }),
  forbid(["core/**/*.ts"], ["server", "jobs", "prisma"], "core/ is used by server/ and jobs/ and uses neither", { ignores: ["core/src/db/**", "**/*.test.ts"] }),
  forbid(["core/src/db/**/*.ts", "core/**/*.test.ts"], ["server", "jobs", "prisma"], "core/ is used by server/ and jobs/ and uses neither", { prisma: false }),
  forbid(["shared/**/*.ts"], ["core", "server", "jobs", "prisma"], "shared/ is what the browser may import: no server code"),
  forbid(["client/**/*.{ts,tsx}"], ["core", "server", "jobs", "prisma"], "the browser imports only shared/"),
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // Vendored CommonJS (the Sastrawi stemmer from `natural`, see its NOTICE.md), kept close to upstream.
    files: ["core/src/nlp/sastrawi/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-this-alias": "off" },
  },
);
