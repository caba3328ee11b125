import { describe, expect, it } from "vitest";
import { findPii } from "../nlp/pii";
import { authorPseudonymLabel, presentAuthor, presentComment, presentOfficialText, presentPost, presentUrl, type PresentableComment } from "./commentPresenter";

const PSEUDONYM = "3f9a1c07d2e4b851";

function row(overrides: Partial<PresentableComment> = {}): PresentableComment {
  const text = overrides.text ?? "Jalan rusak, hubungi 0812-3456-7890";
  return {
    id: 1, villageId: 1, platform: "facebook", externalId: "c1", url: null, authorName: "Budi Santoso", authorPseudonym: PSEUDONYM,
    text, publishedAt: new Date("2026-11-18T03:00:00Z"), day: "2026-11-18", likeCount: 0, language: "id",
    sentimentLabel: "negatif", sentimentScore: 0.9, humanSentiment: null, humanTopicsAt: null, isSpam: false,
    piiSpans: JSON.stringify(findPii(text)), modelName: "suara-desa-nlp", modelVersion: "1.0.2", topics: [],
    intent: "keluhan", intentScore: 0.8, humanIntent: null, urgent: false, urgentTerms: null, humanUrgent: null,
    ...overrides,
  };
}

const LABEL = authorPseudonymLabel(PSEUDONYM, 1);

describe("presentAuthor", () => {
  it("shows the pseudonym unless raw view was asked for (and allowed by the caller)", () => {
    expect(presentAuthor(row(), false)).toBe(LABEL);
    expect(LABEL).toMatch(/^warga-[0-9a-f]{6}$/);
    expect(presentAuthor(row(), true)).toBe("Budi Santoso");
  });

  it("never shows a name that is a phone number, e-mail or NIK, even raw", () => {
    for (const authorName of ["+62 812-9876-5432", "budi@example.co.id", "0812\u20119876\u20115432", "Ani 3215011203900001"]) {
      expect(presentAuthor(row({ authorName }), true), authorName).toBe(LABEL);
    }
  });

  it("labels one resident the same within a village and differently in every other village, without showing the stored pseudonym", () => {
    expect(presentAuthor(row({ id: 2 }), false)).toBe(LABEL);
    const elsewhere = presentAuthor(row({ villageId: 2 }), false);
    expect(elsewhere).toMatch(/^warga-[0-9a-f]{6}$/);
    expect(elsewhere).not.toBe(LABEL);
    expect(LABEL).not.toBe(`warga-${PSEUDONYM.slice(0, 6)}`);
  });

  it("shows the village's own account by name, and the pseudonym when there is no name", () => {
    expect(presentAuthor(row({ authorName: "Pemerintah Desa Sukamaju", fromVillage: true }), false)).toBe("Pemerintah Desa Sukamaju");
    expect(presentAuthor(row({ authorName: null }), true)).toBe(LABEL);
    expect(presentAuthor(row({ authorName: "   " }), true)).toBe(LABEL);
  });
});

describe("presentComment", () => {
  it("redacts text and link for everyone without raw, and shows both raw with it", () => {
    const r = row({ url: "https://wa.me/6281234567895" });
    const shown = presentComment(r);
    expect(shown).toMatchObject({ text: "Jalan rusak, hubungi 0812-••••-••90", url: "https://wa.me/62812••••••95", author: LABEL, hasPersonalData: true });
    expect(presentComment(r, { raw: true })).toMatchObject({ text: r.text, url: r.url, author: "Budi Santoso", hasPersonalData: true });
  });

  it("masks what stored spans missed and flags it, with or without raw", () => {
    const r = row({ text: "hubungi (0812) 3456 7893", piiSpans: "[]" });
    expect(presentComment(r)).toMatchObject({ text: "hubungi (0812) •••• ••93", hasPersonalData: true });
    expect(presentComment(r, { raw: true })).toMatchObject({ text: "hubungi (0812) 3456 7893", hasPersonalData: true });
  });

  it("keeps an ordinary permalink and a text without personal data as they are", () => {
    const r = row({ text: "Rp 1.500.000 untuk RT 03/RW 08 tahun 2026", url: "https://www.facebook.com/108254917364120/posts/1234567890123456" });
    expect(presentComment(r)).toMatchObject({ text: r.text, url: r.url, hasPersonalData: false });
  });
});

describe("presentPost and presentUrl", () => {
  it("redact a post's text and link unless raw", () => {
    const post = { platform: "facebook", externalId: "p1", text: "Lapor ke 0812-4444-5555", url: "https://api.whatsapp.com/send?phone=6281244445555", publishedAt: new Date("2026-11-16T01:00:00Z") };
    expect(presentPost(post)).toMatchObject({ text: "Lapor ke 0812-••••-••55", url: "https://api.whatsapp.com/send?phone=62812••••••55" });
    expect(presentPost(post, { raw: true })).toMatchObject({ text: post.text, url: post.url });
    expect(presentUrl(null, false)).toBeNull();
  });

  it("link a post on X without its author's username unless raw", () => {
    const url = "https://x.com/budi_santoso/status/1861234567890123456";
    expect(presentUrl(url, false)).toBe("https://x.com/i/web/status/1861234567890123456");
    expect(presentUrl("https://twitter.com/budi_santoso/status/1861234567890123456?s=20", false)).toBe("https://x.com/i/web/status/1861234567890123456?s=20");
    // Forms a CSV import can bring (the cold review's): http, mobile., no scheme.
    for (const form of ["http://twitter.com/budi_santoso/status/186", "https://mobile.twitter.com/budi_santoso/status/186", "https://mobile.x.com/budi_santoso/status/186", "x.com/budi_santoso/status/186"]) {
      expect(presentUrl(form, false), form).toBe("https://x.com/i/web/status/186");
    }
    expect(presentUrl(url, true)).toBe(url);
  });
});

describe("presentOfficialText", () => {
  it("masks personal data in an official's text unless raw, and keeps null", () => {
    expect(presentOfficialText("Dinas PUPR, pelapor 0812-3456-7890", false)).toBe("Dinas PUPR, pelapor 0812-••••-••90");
    expect(presentOfficialText("Dinas PUPR, pelapor 0812-3456-7890", true)).toBe("Dinas PUPR, pelapor 0812-3456-7890");
    expect(presentOfficialText(null, false)).toBeNull();
  });
});
