import { describe, expect, it } from "vitest";
import { identifyLanguage } from "./language";
import { normalizeText } from "./normalize";
import { getResources } from "./resources";

const res = getResources();
const lang = (t: string) => identifyLanguage(normalizeText(t, res.normalize).surface, res.language, res.english);

describe("identifyLanguage", () => {
  it("ships a trained model", () => {
    expect(res.language).not.toBeNull();
  });

  it("recognises formal and slang Indonesian", () => {
    expect(lang("Jalan di dusun kami rusak parah dan belum diperbaiki sampai sekarang")).toBe("id");
    expect(lang("jln rusak bgt gk dibenerin!!!")).toBe("id");
    expect(lang("bansos kok gak merata ya min")).toBe("id");
    expect(lang("s|ot g4cor m4xw1n deposit 10rb wd")).toBe("id");
  });

  it("recognises Sundanese", () => {
    expect(lang("Punten, cai teu ngocor ti kamari, kumaha ieu teh?")).toBe("su");
    expect(lang("Jalanna ruksak pisan, teu acan dibenerkeun")).toBe("su");
  });

  it("recognises Javanese", () => {
    expect(lang("Dalane rusak banget, ora tau didandani")).toBe("jv");
    expect(lang("Matur nuwun sanget, pelayanane apik tenan")).toBe("jv");
  });

  it("recognises English by function words", () => {
    expect(lang("Thank you for fixing the road, it is very good now")).toBe("en");
  });

  it("says other when there are no words", () => {
    expect(lang("🙏🙏 https://example.com")).toBe("other");
    expect(lang("08123456789")).toBe("other");
    expect(lang("")).toBe("other");
  });
});
