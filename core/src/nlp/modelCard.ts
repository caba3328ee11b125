// The model card: the one place the product's quality figures come from. `npm run eval:nlp` writes it
// (test splits only) next to the models; the weekly report, the client's method text and the README
// read it and nothing else, so a figure shown to a village office is always one that was measured.
import { readFileSync } from "node:fs";
import path from "node:path";
import { MODELS_DIR } from "./resources";

export const MODEL_CARD_FILE = path.join(MODELS_DIR, "model-card.json");

/** One measured figure: dataset key, number of test items, macro-F1 and accuracy (0..1). */
export interface CardFigure { dataset: string; n: number; macroF1: number; accuracy: number }

export interface ModelCard {
  /** Pipeline version the figures were measured with (what results are stamped with). */
  pipelineVersion: string;
  /** Version in the shipped sentiment model's header. */
  sentimentModelVersion: string;
  measuredOn: string; // YYYY-MM-DD
  dataSources: string[];
  /**
   * `model`: the shipped sentiment stage (benchmark model read through the village-speech model and its
   * gate); `benchmarkModel`: the benchmark model alone, as the previous version scored.
   */
  sentiment: { model: CardFigure[]; lexicon: CardFigure[]; sentimentPackage: CardFigure[]; benchmarkModel?: CardFigure[] };
  languageId: { dataset: string; n: number; accuracy: number };
  /** The previous release's figures, shown beside this one's by `npm run eval:nlp`. */
  previous?: PreviousFigures;
  /** The other stages on the village corpus test split, issue grouping, and the corrections learning curve (valid). */
  domain?: DomainFigures;
  topics: {
    /** Headline: blind village-corpus test split (keywords never tuned on it). */
    blind: { dataset: string; n: number; microF1: number; macroF1: number; perTopic: Array<{ key: string; f1: number; support: number }> };
    /** Old figure on test/fixtures/topics: optimistic, keywords were written with those comments in view. */
    optimistic: { dataset: string; n: number; microF1: number; ablations: Array<{ name: string; dropped: number; microF1: number; englishMicroF1: number }> };
  };
}

export interface PreviousFigures {
  pipelineVersion: string;
  sentiment: CardFigure[];
  domain?: DomainFigures;
  topics: { microF1: number; macroF1: number };
  languageId: number;
}

export interface DomainFigures {
  dataset: string;
  n: number;
  intent: { macroF1: number; needsReplyPrecision: number; needsReplyRecall: number };
  urgent: { recall: number; falseAlarmsPer100: number };
  spam: { precision: number; recall: number; falseAlarmsPer100: number };
  personalData: { precision: number; recall: number };
  grouping: { precision: number; recall: number; f1: number };
  /** Urgency, spam and intent on the fresh check set (comments the team had not seen; absent before 1.3.0). */
  fresh?: { dataset: string; n: number; urgent: number; spam: number; urgentRecall: number; urgentFalseAlarmsPer100: number; spamPrecision: number; spamRecall: number; spamFalseAlarmsPer100: number; intentMacroF1: number };
  /** The same on the second fresh check set, written from the annotation guide alone (absent before 1.4.0), with sentiment. */
  fresh2?: { dataset: string; n: number; urgent: number; spam: number; urgentRecall: number; urgentFalseAlarmsPer100: number; spamPrecision: number; spamRecall: number; spamFalseAlarmsPer100: number; intentMacroF1: number; sentimentMacroF1: number };
  /** The same on the third fresh check set, written and labelled blind the same way (absent before 1.4.0's second card). */
  fresh3?: DomainFigures["fresh2"];
  /** The same on the fourth fresh check set (absent before 1.4.1): written while the 1.4.1 spam rules were, by a session that saw none of them. */
  fresh4?: DomainFigures["fresh2"];
  /** The same on the fifth fresh check set (absent before 1.5.3): written by six helper sessions from the guide alone, labelled blind by others. */
  fresh5?: DomainFigures["fresh2"];
  /** The same on the sixth fresh check set (absent before 1.6.0): five writers from the guide alone, labelled blind by five others. */
  fresh6?: DomainFigures["fresh2"];
  /** The same on the seventh fresh check set (absent before 1.6.4's second card): five writers, five blind labellers on shuffled texts. */
  fresh7?: DomainFigures["fresh2"];
  /** The same on the eighth fresh check set (absent before 1.7.0): four writers, two blind labellers on shuffled texts. */
  fresh8?: DomainFigures["fresh2"];
  fresh9?: DomainFigures["fresh2"];
  /** Sentiment macro-F1 on a fixed held-out part of the VALID split after k simulated corrections. */
  learningCurve: { dataset: string; n: number; points: Array<{ corrections: number; macroF1: number }> };
  /** Intent macro-F1 and urgent recall on the same held-out part after k simulated intent/urgency corrections (absent before 1.2.0). */
  intentLearningCurve?: { dataset: string; n: number; urgent: number; points: Array<{ corrections: number; macroF1: number; urgentRecall: number; urgentFalseAlarmsPer100: number }> };
}

function isFigure(x: unknown): x is CardFigure {
  const f = x as CardFigure;
  return !!f && typeof f.dataset === "string" && typeof f.n === "number" && typeof f.macroF1 === "number" && typeof f.accuracy === "number";
}

/** Reads and checks the card; null when absent. A card of the wrong shape fails naming the field. */
export function readModelCard(file: string = MODEL_CARD_FILE): ModelCard | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const card = JSON.parse(text) as ModelCard;
  const where = path.basename(file);
  if (typeof card.pipelineVersion !== "string") throw new Error(`${where}: field "pipelineVersion" must be a string`);
  if (typeof card.sentimentModelVersion !== "string") throw new Error(`${where}: field "sentimentModelVersion" must be a string`);
  if (typeof card.measuredOn !== "string") throw new Error(`${where}: field "measuredOn" must be a string`);
  if (!Array.isArray(card.sentiment?.model) || !card.sentiment.model.every(isFigure)) throw new Error(`${where}: field "sentiment.model" must list figures`);
  return card;
}

/** Base of a stamped version ("1.1.2+topics.1.taxonomy.1" -> "1.1.2"). */
export function baseVersion(v: string): string {
  return v.split("+")[0];
}
