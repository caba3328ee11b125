import { describe, expect, it } from "vitest";
import { resumeCursor, type FacebookCursor, type XCursor } from "../ingest/cursors";
import {
  alertPayloadColumn, jobRunDetailsColumn, JsonColumnError, resolutionDaysColumn, sourceCursorColumn, sourceSettingsColumn, type JobRunDetails,
} from "./jsonColumns";

describe("Source.settings", () => {
  it("reads back what it wrote, keeping keys it does not know", () => {
    const settings = { windowDays: 21, oauth: "meta" as const, rateLimit: { until: "2026-11-24T06:30:00.000Z", strikes: 2, estimated: true }, xUsage: { month: "2026-11", postsRead: 7 }, note: "akun utama" };
    expect(sourceSettingsColumn.parse(sourceSettingsColumn.serialise(settings))).toEqual(settings);
  });

  it("reads an option that does not fit as absent, so its default applies, and keeps the others", () => {
    const parsed = sourceSettingsColumn.parse(JSON.stringify({ windowDays: 400, oauth: "google", rateLimit: { until: "besok" }, xUsage: { month: "2026-11", postsRead: 3 } }));
    expect(parsed.windowDays).toBeUndefined();
    expect(parsed.oauth).toBeUndefined();
    expect(parsed.rateLimit).toBeUndefined();
    expect(parsed.xUsage).toEqual({ month: "2026-11", postsRead: 3 });
  });

  it("reads text that is not a JSON object as { unreadable } instead of failing, and writes that text back", () => {
    expect(sourceSettingsColumn.parse("{windowDays: 3")).toEqual({ unreadable: "{windowDays: 3" });
    expect(sourceSettingsColumn.parse("[7]")).toEqual({ unreadable: "[7]" });
    expect(sourceSettingsColumn.parse("")).toEqual({});
    const next = { ...sourceSettingsColumn.parse("{windowDays: 3"), xUsage: { month: "2026-12", postsRead: 1 } };
    expect(JSON.parse(sourceSettingsColumn.serialise(next))).toEqual({ unreadable: "{windowDays: 3", xUsage: { month: "2026-12", postsRead: 1 } });
  });
});

describe("Source.cursor", () => {
  const x: XCursor = {
    ...resumeCursor(null, "x"), phase: "replies", cycleStart: "2026-11-24T06:00:00.000Z", conversations: ["1993000111", "1993000222"], batch: 1,
    mentions: { sinceId: "1993001122334455667", token: null, pendingNewest: null },
  };

  it("reads back each platform's cursor as written", () => {
    expect(sourceCursorColumn.parse(sourceCursorColumn.serialise(x), "x")).toEqual(x);
    const fb: FacebookCursor = { ...resumeCursor(null, "facebook"), phase: "comments", queue: ["111_222"], commentsNext: "https://graph.example/v19.0/111_222/comments?after=QVFI" };
    expect(sourceCursorColumn.parse(sourceCursorColumn.serialise(fb), "facebook")).toEqual(fb);
    const ig = { ...resumeCursor(null, "instagram"), queue: [{ id: "1789", count: 4 }], counts: { "1788": 2 } };
    expect(sourceCursorColumn.parse(sourceCursorColumn.serialise(ig), "instagram")).toEqual(ig);
  });

  it("resumes a cursor stored before `platform` and newer fields existed, filling them from a fresh pass", () => {
    const stored = JSON.stringify({ v: 1, phase: "timeline", cycleStart: "2026-11-24T06:00:00.000Z", mentions: { sinceId: "42", token: null, pendingNewest: null }, timelineToken: "tl-2" });
    expect(sourceCursorColumn.parse(stored, "x")).toEqual({ ...resumeCursor(null, "x"), phase: "timeline", cycleStart: "2026-11-24T06:00:00.000Z", mentions: { sinceId: "42", token: null, pendingNewest: null }, timelineToken: "tl-2" });
  });

  it("reads a cursor that does not fit as null (a fresh pass: items are upserted, so re-reading is safe)", () => {
    expect(sourceCursorColumn.parse("{\"v\":1,\"phase\":", "x")).toBeNull();
    expect(sourceCursorColumn.parse(JSON.stringify({ ...x, v: 2 }), "x")).toBeNull();
    expect(sourceCursorColumn.parse(sourceCursorColumn.serialise(x), "facebook")).toBeNull();
    expect(sourceCursorColumn.parse(JSON.stringify({ v: 1, phase: "posts" }), "x")).toBeNull();
    expect(sourceCursorColumn.parse(sourceCursorColumn.serialise(x), "file")).toBeNull();
    expect(sourceCursorColumn.parse(null, "x")).toBeNull();
  });

  it("hands a connector a copy of its own platform's cursor, or a fresh pass", () => {
    const copy = resumeCursor(x, "x");
    expect(copy).toEqual(x);
    copy.known.push("1993000333");
    expect(x.known).toEqual([]);
    expect(resumeCursor(x, "instagram")).toEqual(resumeCursor(null, "instagram"));
    // Fresh passes never share their arrays.
    const a = resumeCursor(null, "facebook");
    a.queue.push("1");
    expect(resumeCursor(null, "facebook").queue).toEqual([]);
  });
});

describe("AlertMessage.payload", () => {
  it("reads back what it wrote", () => {
    const p = { subject: "Ringkasan mingguan Desa Sukamaju — 2026-W48", text: "5 baris", link: "https://desa.example/?week=2026-W48", urgent: false, reportId: 12 };
    expect(alertPayloadColumn.parse(alertPayloadColumn.serialise(p))).toEqual(p);
  });

  it("refuses a payload it cannot send, naming the column and the message", () => {
    expect(() => alertPayloadColumn.parse("{\"subject\": \"Lonja", "message 17")).toThrow(JsonColumnError);
    expect(() => alertPayloadColumn.parse("{\"subject\": \"Lonja", "message 17")).toThrow(/^AlertMessage\.payload of message 17 is not an alert payload/);
    expect(() => alertPayloadColumn.parse(JSON.stringify({ subject: "x", text: "y", urgent: true }), "message 18")).toThrow("AlertMessage.payload of message 18");
  });
});

describe("JobRun.details", () => {
  const kinds: JobRunDetails[] = [
    { pages: 3, postsRead: 7, done: true, unchanged: 0, waits: [{ reason: "rate_limit", ms: 900_000, attempt: 1, error: "X 429" }], rateLimitResetAt: null, retryAt: "2026-11-24T06:15:00.000Z", retryEstimated: true },
    { file: "ekspor.csv", notices: ["Berkas dibaca sebagai Windows-1252"], rejectedRows: [{ line: 4, reason: "published_at: bukan tanggal" }] },
    { format: "whatsapp", chatName: "Warga RT 02", skipped: 3, notices: [], rejectedRows: [] },
    { total: 1200, modelVersion: "1.1.2" },
    { week: "2026-W48", skipped: "no comments" },
    { week: "2026-W48", reportId: 9, bytes: 48_213 },
  ];

  it("reads back each kind of run as written", () => {
    for (const d of kinds) expect(jobRunDetailsColumn.parse(jobRunDetailsColumn.serialise(d))).toEqual(d);
  });

  it("reads details that do not parse as none (the run's counts and error are columns of their own)", () => {
    expect(jobRunDetailsColumn.parse(null)).toBeNull();
    expect(jobRunDetailsColumn.parse("{\"total\": ")).toBeNull();
    expect(jobRunDetailsColumn.parse(JSON.stringify({ total: "banyak" }))).toBeNull();
    expect(jobRunDetailsColumn.parse(JSON.stringify({ total: 5, surprise: true }))).toBeNull();
  });
});

describe("column errors", () => {
  it("name the column and the row", () => {
    expect(() => resolutionDaysColumn.parse("{", "village 3")).toThrow(new JsonColumnError("ServiceLevel.resolutionDays", "village 3", "is not JSON"));
    expect(new JsonColumnError("ServiceLevel.resolutionDays", "village 3", "is not JSON").message).toBe("ServiceLevel.resolutionDays of village 3 is not JSON");
  });
});
