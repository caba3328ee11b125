import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { collapseElongation, MAYBE_EMOTICON_RE, MAYBE_URL_RE, normalizeText, scanTriggers, SCAN_AT, SCAN_EMOTICON, SCAN_HASH, SCAN_NON_ASCII, SCAN_SUSPECT, SCAN_URL, splitHashtag, undoLeet } from "./normalize";
import { getResources } from "./resources";

const res = getResources().normalize;
const norm = (t: string) => normalizeText(t, res).normalized;
const surface = (t: string) => normalizeText(t, res).surface;

describe("normalizeText", () => {
  it("maps Indonesian slang to formal words (civic list first)", () => {
    expect(norm("jln rusak bgt gk dibenerin")).toBe("jalan rusak banget tidak dibenerin");
    expect(norm("udh blm tdk yg dr sm")).toBe("sudah belum tidak yang dari sama");
    expect(norm("pdhl dll")).toBe("padahal dan lain-lain");
    expect(norm("ngga nggak ga gak")).toBe("tidak tidak tidak tidak");
  });

  it("keeps civic words the upstream lists get wrong", () => {
    // IndoCollex/Pujangga map "aspal" to "asli tetapi palsu" and "asap" to "sesegera mungkin".
    expect(norm("aspal jalan berasap, asap pabrik")).toBe("aspal jalan berasap , asap pabrik");
  });

  it("reads address abbreviations as places (IndoCollex has \"kp\" as kerja praktek)", () => {
    expect(norm("banjir di Kp. Cibitung dan Dsn. Wage, lingk 3")).toBe("banjir di kampung . cibitung dan dusun . wage , lingkungan 3");
  });

  it("collapses elongations using the word list", () => {
    expect(norm("bagusss bangettt")).toBe("bagus banget");
    expect(norm("maaaaf pak")).toBe("maaf pak");
    expect(collapseElongation("mantaaaap", res.vocab)).toBe("mantap");
  });

  it("expands reduplication written with 2", () => {
    expect(norm("jalan bolong2 dimana2")).toBe("jalan bolong-bolong dimana-dimana");
    expect(norm("anak2nya")).toBe("anak-anaknya");
    // Numbers after short codes are not reduplication.
    expect(norm("rt05 rw2")).toBe("rt05 rw2");
  });

  it("turns emoji and emoticons into polarity tokens", () => {
    expect(norm("mantap 👍👍")).toBe("mantap <emo_pos>");
    expect(norm("kecewa 😡")).toBe("kecewa <emo_neg>");
    expect(norm("wkwk 😂")).toBe("wkwk <emo_laugh>");
    expect(norm("makasih :) tapi :(")).toBe("terima kasih <emo_pos> tapi <emo_neg>");
    expect(norm("rapat jam 10:30")).toBe("rapat jam 10 : 30");
  });

  it("replaces URLs and mentions, and splits hashtags", () => {
    expect(norm("cek https://bit.ly/xyz @pemdes_mulyasari")).toBe("cek <url> @user");
    expect(norm("#JalanRusak lagi")).toBe("jalan rusak lagi");
    expect(norm("#jalanrusak")).toBe("jalan rusak");
    expect(splitHashtag("banjir_bandang", res.vocab)).toBe("banjir bandang");
  });

  it("undoes leetspeak in spam but leaves codes and amounts alone", () => {
    expect(norm("s|ot g4cor m4xw1n")).toBe("slot gacor maxwin");
    expect(norm("$lot gac0r")).toBe("slot gacor");
    expect(undoLeet("s1ot", res.vocab)).toBe("slot");
    expect(undoLeet("covid19", res.vocab)).toBe("covid19");
    expect(norm("depo 10rb")).toBe("depo 10 ribu");
  });

  it("keeps Sundanese and Javanese words on the surface form for language ID", () => {
    expect(surface("Naon atuh, jalanna ruksak pisan!")).toBe("naon atuh , jalanna ruksak pisan !");
    expect(norm("Naon atuh, jalanna ruksak pisan!")).toBe("apa kalau begitu , jalanna ruksak sangat !");
    expect(surface("Dalane rusak, ora tau didandani")).toBe("dalane rusak , ora tau didandani");
    expect(norm("Dalane rusak, ora tau didandani")).toContain("ora tahu didandani");
  });

  it("collapses repeated punctuation and folds styled Unicode letters", () => {
    expect(norm("parah!!!!!! kapan???")).toBe("parah ! kapan ?");
    expect(norm("𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫")).toBe("slot gacor");
  });

  it("returns empty forms for empty or symbol-only input", () => {
    expect(normalizeText("", res)).toEqual({ surface: "", normalized: "" });
    expect(norm("... ---")).toBe("");
  });
});

describe("rawTokens", () => {
  it("scans ASCII text exactly like the Unicode token pattern", async () => {
    const { rawTokens } = await import("./normalize");
    const samples = ["jln rusak bgt, gk dibenerin!!! <emo_neg> <url> @user", "s|ot g4cor $lot w!n: depo 10rb; ok? 'kata' bolong-bolong", "a<b <emo_pos>x 10:30 ... --", ""];
    const re = /<(?:url|emo_pos|emo_neg|emo_laugh)>|@user|[\p{L}\p{N}$|!@'-]+|[.,?;:]/gu;
    for (const s of samples) expect(rawTokens(s)).toEqual(s.match(re) ?? []);
  });
});

describe("scanTriggers", () => {
  it("finds exactly what the trigger regexes find in ASCII text, and stops at non-ASCII", () => {
    const file = new URL("../../../test/fixtures/village-corpus/comments.jsonl", import.meta.url);
    const corpus = readFileSync(file, "utf8").split("\n").filter((l) => l.trim().length > 0).map((l) => (JSON.parse(l) as { text: string }).text);
    const odd = ["", ".", "a.b", "a.bc", "A.BC", "x.Y1", "www.", "WWW.x", "ww.", "http:", "HTTPS:", "ttps:", "htp:", "10:30", "a;b", "a=b", "<3", "^_^", "-_-", "T_T", "t_t", "a_b", "xD", "XD", "xd", "Dx",
      "@", "a@b", "#tag", "a#", "[]{}|~`", "Rp.10.000", "dll.", "mantap:)", "👍 mantap", "café", "tes\u200b",
      "s l o t", "a", "a ", " a.", "x-y", "ok\tb_", "b*", "ab c", "|", "$", "!", "wow!", "b\na\n", "a\r"];
    for (const t of [...odd, ...corpus]) {
      const bits = scanTriggers(t);
      if ([...t].some((ch) => ch.charCodeAt(0) > 127)) {
        expect(bits, t).toBe(SCAN_NON_ASCII);
        continue;
      }
      expect((bits & SCAN_URL) !== 0, t).toBe(MAYBE_URL_RE.test(t));
      expect((bits & SCAN_EMOTICON) !== 0, t).toBe(MAYBE_EMOTICON_RE.test(t));
      expect((bits & SCAN_AT) !== 0, t).toBe(t.includes("@"));
      expect((bits & SCAN_HASH) !== 0, t).toBe(t.includes("#"));
      // What spam's obfuscation check needs: a digit or | $ @ !, or a letter standing alone before a separator.
      expect((bits & SCAN_SUSPECT) !== 0, t).toBe(/[0-9|$@!]|(?:^|\s)[a-z][\s.\-_*]/i.test(t));
    }
  });
});
