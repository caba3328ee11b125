import { describe, expect, it } from "vitest";
import { DEFAULT_TOPICS } from "./taxonomy";
import { createPipeline } from "./pipeline";
import { extractPlaces } from "./places";
import { groupIssues } from "./grouping";
import { groupingVocabulary } from "./resources";

const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
const vocab = groupingVocabulary();

function group(comments: Array<[string, number]>) {
  const analyses = pipeline.analyzeBatch(comments.map(([t]) => t));
  const items = comments.map(([text, day], i) => ({
    id: i, tokens: analyses[i].tokens, topics: analyses[i].topics.map((t) => t.key), places: extractPlaces(text), day,
  }));
  return groupIssues(items, vocab);
}

describe("issue grouping", () => {
  it("puts complaints about the same broken bridge together and leaves another problem apart", () => {
    const groups = group([
      ["jembatan gantung ke kampung Pasirhuni papannya copot dua, motor ga bisa lewat", 10],
      ["Pak, jembatan Pasirhuni makin parah, anak sekolah harus muter lewat sawah", 11],
      ["jembatan pasirhuni teh bahaya pisan, tadi aya nu labuh", 11],
      ["posyandu bulan ini jadwalnya kapan ya bu bidan?", 11],
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].members.sort()).toEqual([0, 1, 2]);
    expect([0, 1, 2]).toContain(groups[0].representative);
  });

  it("does not group the same words weeks apart or common words without a shared place", () => {
    const groups = group([
      ["sumur di RT 04 kering lagi, sudah seminggu ngangsu ke sungai", 1],
      ["sumur di RT 04 kering lagi, warga ngangsu ke sungai", 20],
      ["banjir lagi di jalan depan sekolah", 5],
      ["banjir lagi di lapangan bola", 5],
    ]);
    expect(groups).toEqual([]);
  });

  it("never groups fewer than two comments", () => {
    expect(group([["lampu jalan di gang Mawar mati", 1]])).toEqual([]);
  });
});
