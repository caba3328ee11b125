// The urgency threshold choice (crossValidate.ts) on made-up scores: what it trades, and where it stops.
import { describe, expect, it } from "vitest";
import { featurizeIntent } from "../intent";
import { chooseUrgencyThreshold } from "./crossValidate";

const fire = featurizeIntent({ surface: "kebakaran di rumah warga sekarang", normalized: "kebakaran di rumah warga sekarang" }, 13);
const chatter = featurizeIntent({ surface: "makanannya enak tempatnya nyaman", normalized: "makanannya enak tempatnya nyaman" }, 13);

/** 100 comments: `urgent` fires scored `pUrgent`, the rest chatter scored by `pOrdinary(i)`. */
function pool(urgent: number, pUrgent: number, pOrdinary: (i: number) => number) {
  const n = 100;
  const gold = Array.from({ length: n }, (_, i) => i < urgent);
  const fs = gold.map((g) => (g ? fire : chatter));
  const p = gold.map((g, i) => (g ? pUrgent : pOrdinary(i)));
  return { p, fs, gold, fold: gold.map((_, i) => i % 5) };
}

describe("urgency threshold choice", () => {
  it("takes recall when it costs few false alarms", () => {
    // Ten emergencies scored 0.3; one chatter comment scored 0.3 too (and the score waives the gate there only at >= 0.4).
    const { p, fs, gold, fold } = pool(10, 0.3, (i) => (i === 50 ? 0.3 : 0.01));
    const c = chooseUrgencyThreshold(p, fs, gold, fold);
    expect(c.recall).toBe(1);
    expect(c.th).toBeLessThanOrEqual(0.3);
  });

  it("never buys recall with more than 1.5 false alarms per 100, whatever the recall", () => {
    // Half the emergencies score 0.9, half 0.5 — and so do three chatter comments: catching the second half
    // would add 0.5 recall for 3 false alarms per 100 (worth it by the cost alone, over the cap).
    const { p, fs, gold, fold } = pool(10, 0, () => 0.01);
    for (let i = 0; i < 10; i++) p[i] = i < 5 ? 0.9 : 0.5;
    for (const i of [40, 60, 80]) p[i] = 0.5;
    // The three read like the emergencies (same words): only the score tells them apart.
    for (const i of [40, 60, 80]) fs[i] = fire;
    const c = chooseUrgencyThreshold(p, fs, gold, fold);
    expect(c.fa).toBeLessThanOrEqual(1.5);
    expect(c.recall).toBe(0.5);
  });
});
