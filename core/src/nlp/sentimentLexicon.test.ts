import { describe, expect, it } from "vitest";
import { buildLexicon, scoreAfinn, scoreLexicon } from "./sentimentLexicon";
import { normalizeText } from "./normalize";
import { getResources } from "./resources";

const res = getResources();
const v0 = (t: string) => scoreLexicon(normalizeText(t, res.normalize).normalized, res.lexicon).label;

describe("v0 lexicon sentiment", () => {
  it("scores Indonesian, slang, Sundanese and Javanese", () => {
    expect(v0("Pelayanannya bagus, terima kasih pak")).toBe("positif");
    expect(v0("jln rusak parah, kecewa bgt")).toBe("negatif");
    expect(v0("Jalanna ruksak, kesel pisan")).toBe("negatif");
    expect(v0("Apik tenan, matur nuwun")).toBe("positif");
    expect(v0("Rapat warga hari Senin jam 8")).toBe("netral");
  });

  it("flips polarity after negators, slang negators included", () => {
    expect(v0("pelayanannya tidak bagus")).toBe("negatif");
    expect(v0("pelayanannya gak bagus")).toBe("negatif");
    expect(v0("teu alus")).toBe("negatif");
    expect(v0("ora apik")).toBe("negatif");
    expect(v0("tidak rusak kok")).toBe("positif");
  });

  it("scores emoji polarity tokens", () => {
    expect(v0("👍👍")).toBe("positif");
    expect(v0("😡")).toBe("negatif");
  });

  it("bridges regional words through the NusaX lists unless scored by us", () => {
    const lex = buildLexicon(["bagus\t3", "jelek\t-3"], [["bagus", "saé"], ["jelek", "awon"]], [["jelek", "elek"], ["bagus", "jelek"]]);
    expect(lex.labels.get("saé")).toBe(3);
    expect(lex.labels.get("elek")).toBe(-3);
    expect(lex.labels.get("jelek")).toBe(-3);
  });

  it("the English AFINN baseline misses Indonesian", () => {
    expect(scoreAfinn("jalan rusak parah").label).toBe("netral");
    expect(scoreAfinn("very good, thank you").label).toBe("positif");
  });
});
