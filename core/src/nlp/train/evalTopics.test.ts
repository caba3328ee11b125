import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOPIC_KEYS } from "../taxonomy";
import { loadLabelledTopics, scoreTopicSets } from "./evalTopics";

describe("labelled topic set", () => {
  const rows = loadLabelledTopics();

  it("has at least 400 distinct comments split about 70/30", () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const test = rows.filter((r) => r.split === "test").length / rows.length;
    expect(test).toBeGreaterThan(0.25);
    expect(test).toBeLessThan(0.35);
  });

  it("has several comments per topic in both splits, some with two topics and some with none", () => {
    for (const key of DEFAULT_TOPIC_KEYS) {
      for (const split of ["train", "test"] as const) {
        expect(rows.filter((r) => r.split === split && r.topics.includes(key)).length, `${key}/${split}`).toBeGreaterThanOrEqual(8);
      }
    }
    const two = rows.filter((r) => r.topics.length === 2).length / rows.length;
    const none = rows.filter((r) => r.topics.length === 0).length / rows.length;
    expect(two).toBeGreaterThan(0.1);
    expect(none).toBeGreaterThan(0.07);
    expect(new Set(rows.map((r) => r.lang))).toEqual(new Set(["id", "su", "jv", "en"]));
  });

  it("rejects a bad line naming the line and field", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "topics-"));
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, '{"id":1,"text":"jalan rusak","topics":["infrastruktur"],"split":"train"}\n{"id":2,"text":"x","topics":["jalan"],"split":"test"}\n');
    expect(() => loadLabelledTopics(file)).toThrow(/line 2: field "topics"/);
  });
});

describe("scoreTopicSets", () => {
  it("computes per-topic, micro and macro figures", () => {
    const e = scoreTopicSets(["a", "b"], [["a"], ["a", "b"], []], [["a"], ["a"], ["b"]]);
    expect(e.perTopic[0]).toMatchObject({ key: "a", precision: 1, recall: 1, f1: 1, support: 2 });
    expect(e.perTopic[1]).toMatchObject({ key: "b", precision: 0, recall: 0, f1: 0, support: 1 });
    expect(e.micro.precision).toBeCloseTo(2 / 3);
    expect(e.micro.recall).toBeCloseTo(2 / 3);
    expect(e.macroF1).toBeCloseTo(0.5);
    expect(e.n).toBe(3);
  });
});
