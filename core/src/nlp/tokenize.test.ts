import { describe, expect, it } from "vitest";
import { tokenizeText } from "./tokenize";
import { normalizeText } from "./normalize";
import { getResources } from "./resources";

describe("tokenizeText", () => {
  it("drops punctuation and keeps placeholders and hyphenated words", () => {
    expect(tokenizeText("jalan bolong-bolong , parah ! <emo_neg> <url>")).toEqual(["jalan", "bolong-bolong", "parah", "<emo_neg>", "<url>"]);
  });

  it("splits multi-word slang expansions into words", () => {
    const n = normalizeText("mksh pak, dll", getResources().normalize).normalized;
    expect(tokenizeText(n)).toEqual(["terima", "kasih", "pak", "dan", "lain-lain"]);
  });

  it("tokenises Sundanese and Javanese text (greetings bridged to Indonesian)", () => {
    const res = getResources().normalize;
    expect(tokenizeText(normalizeText("Hatur nuhun, Kang!", res).normalized)).toEqual(["hatur", "terima", "kasih", "kang"]);
    expect(tokenizeText(normalizeText("Matur nuwun sanget", res).normalized)).toEqual(["matur", "terima", "kasih", "sanget"]);
  });

  it("returns no tokens for empty input", () => {
    expect(tokenizeText("")).toEqual([]);
  });
});
