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

  it("puts the same flooded road written in Indonesian, Sundanese and English into one isu", () => {
    const groups = group([
      ["jalan ke kampung Cijeruk banjir lagi, air setinggi lutut, motor ga bisa lewat", 4],
      ["jalan ka Cijeruk kakeueum cai deui, motor teu tiasa ngaliwat, punten dibantosan", 4],
      ["The road to Cijeruk is flooded again, the water is knee-deep and motorbikes cannot pass.", 5],
      ["jadwal posyandu bulan ini kapan ya bu?", 4],
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].members.slice().sort()).toEqual([0, 1, 2]);
  });

  it("joins a long letter to the short complaints about the same bridge", () => {
    const groups = group([
      ["jembatan bambu ke Cibuntu udah miring parah, anak sekolah takut lewat", 3],
      ["Pak kades, mohon segera ditinjau jembatan di Cibuntu. Papan lantainya sudah banyak yang lepas, motor tidak bisa lewat sama sekali. Tiang bambu di tengah sudah keropos dimakan rayap. Setiap pagi ada kurang lebih 40 anak SD dan SMP yang menyeberang, belum lagi petani yang membawa hasil panen. Kalau menunggu anggaran tahun depan kami khawatir ada korban. Terima kasih.", 3],
      ["punten, jembatan Cibuntu teh kumaha? abdi tadi ampir labuh", 4],
    ]);
    expect(groups.map((g) => g.members.slice().sort())).toEqual([[0, 1, 2]]);
  });

  it("keeps two different damaged roads of the same days apart", () => {
    const groups = group([
      ["jalan ke kampung Cijeruk berlubang besar, motor sering jatuh", 4],
      ["Pak, jalan Cijeruk lubangnya makin dalam, tadi ada yang jatuh lagi", 5],
      ["jalan di Babakan Loa retak dan amblas setelah hujan", 4],
      ["jalan Babakan Loa amblas makin parah, truk ga bisa lewat", 5],
    ]);
    expect(groups.map((g) => g.members.slice().sort())).toEqual([[0, 1], [2, 3]]);
  });

  it("does not make one isu of English questions that share only English words", () => {
    const groups = group([
      ["Does the village have any scholarship for university students? The tuition is too high.", 3],
      ["Are there any job openings at the village office? I just graduated from university.", 3],
    ]);
    expect(groups).toEqual([]);
  });

  it("never groups fewer than two comments", () => {
    expect(group([["lampu jalan di gang Mawar mati", 1]])).toEqual([]);
  });
});
