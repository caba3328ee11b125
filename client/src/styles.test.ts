// A stylesheet with an unclosed rule swallows every rule after it without any error (a merge once
// dropped the "}" of one rule, and the download buttons lost their layout). Every brace must close.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.dirname(new URL(import.meta.url).pathname);
const sheets = [path.join(dir, "styles.css"), ...fs.readdirSync(path.join(dir, "pages")).filter((f) => f.endsWith(".css")).map((f) => path.join(dir, "pages", f))];

/** The first place the braces stop balancing (outside comments and strings), or null. */
function unbalanced(css: string): string | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/"[^"\n]*"|'[^'\n]*'/g, (s) => " ".repeat(s.length));
  let depth = 0;
  let line = 1;
  let opened: number[] = [];
  for (const ch of text) {
    if (ch === "\n") line++;
    else if (ch === "{") { depth++; opened.push(line); }
    else if (ch === "}") {
      depth--;
      opened = opened.slice(0, -1);
      if (depth < 0) return `"}" without "{" at line ${line}`;
    }
  }
  return depth === 0 ? null : `rule opened at line ${opened[0]} is never closed`;
}

describe("stylesheets", () => {
  it.each(sheets.map((f) => [path.basename(f), f]))("%s closes every rule it opens", (_name, file) => {
    expect(unbalanced(fs.readFileSync(file, "utf8"))).toBeNull();
  });

  it("finds an unclosed rule", () => {
    expect(unbalanced(".a {\n  color: red;\n\n.b { color: blue; }\n")).toMatch(/line 1/);
  });
});
