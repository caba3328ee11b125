// The NLP pipeline: normalise -> tokenise -> language -> sentiment -> topics -> intent/urgency -> spam -> PII.
// One pipeline is used by import, the scheduler, retag and the API. Resources (slang lists,
// lexicons, trained models) are loaded once per process; creating a pipeline for another village's
// taxonomy only builds a new context around them.
import type { Analysis, ModelInfo, NlpContext, Pipeline, SentimentResult, TopicRule } from "./types";
import { getResources, type NlpResources } from "./resources";
import { normalizeWords, type NormalizedWords } from "./normalize";
import { tokenizeWords } from "./tokenize";
import { identifyLanguageWords } from "./language";
import { sentimentLexicon } from "./sentimentLexicon";
import { predictSentimentWords, probabilitiesWords } from "./sentimentModel";
import { tagTopicsWords, TOPIC_MODEL_INFO } from "./topics";
import { TAXONOMY_VERSION } from "./taxonomy";
import { detectSpamWords, markFloods } from "./spam";
import { detectPii } from "./pii";
import { classifyIntentUrgency, featurizeWords, type IntentFeatures } from "./intent";
import { decideVillageSentiment, VILLAGE_SENTIMENT_VERSION } from "./villageSentiment";
import { adaptedSentiment, buildAdaptation, correctionFromText, type SentimentAdaptation, type SentimentCorrection } from "./sentimentAdaptation";

/** Version of normalisation, language ID, sentiment, intent/urgency and personal-data detection; bump when any of their data or rules change. */
// 1.0.1: "smp", "sma", "smk", "bio" kept as written (civic slang list)
// 1.0.2: more phone forms found as personal data (brackets, spaced digits, Unicode dashes, wa.me links)
// 1.1.0: intent and urgency stages (intent-v1, urgency-v1); urgent comments are never spam
// 1.1.1: urgent also needs a danger word, or a person or home with a present-time word, and no ad cue
// 1.1.2: spam covers loans, get-rich schemes, sold followers, fake prizes and phishing; complaints about gambling ads are not spam
export const CORE_VERSION = "1.1.2";

/**
 * Name and version stored with every result. The topic model and default taxonomy versions ride
 * along as semver build metadata, so retraining topics or editing the taxonomy also re-tags.
 */
export const MODEL: ModelInfo = {
  name: "suara-desa-nlp",
  version: `${CORE_VERSION}+topics.${TOPIC_MODEL_INFO.version}.taxonomy.${TAXONOMY_VERSION}.village.${VILLAGE_SENTIMENT_VERSION}`,
};

/**
 * Stamped instead of MODEL when the trained sentiment model is missing: results scored by the v0
 * lexicon must not carry the trained model's name (nor its measured accuracy).
 */
export const LEXICON_FALLBACK_MODEL: ModelInfo = { name: "suara-desa-nlp-lexicon", version: MODEL.version };

/**
 * The sentiment stage in use: the trained model when it ships, read through the village-speech model
 * when that ships too (it takes the trained model's probabilities as input), else the v0 lexicon.
 * `features` are the comment's intent features when the village model shares their hashed space.
 */
type SentimentStage = (forms: NormalizedWords, ctx: NlpContext, features: IntentFeatures | undefined) => SentimentResult;
function sentimentStage(res: NlpResources, adaptation: SentimentAdaptation | null): SentimentStage {
  const general = res.sentiment;
  const village = res.villageSentiment;
  const p = new Float64Array(3);
  // The trained model and the village featurisation read the normaliser's word records (same
  // results as generalProbabilities / sentimentModel on the normalised text).
  if (general && village && adaptation) {
    return (forms, _ctx, features) => {
      probabilitiesWords(general, forms.normalizedWords, p);
      return adaptedSentiment(village, adaptation, forms, p, decideVillageSentiment(village, forms, p, features).result);
    };
  }
  // The villageSentiment stage, with the intent features passed along.
  if (general && village) return (forms, _ctx, features) => decideVillageSentiment(village, forms, probabilitiesWords(general, forms.normalizedWords, p), features).result;
  return general ? (forms) => predictSentimentWords(general, forms.normalizedWords) : (forms, ctx) => sentimentLexicon(forms.normalized, ctx);
}

/**
 * Builds a pipeline for one taxonomy (global topics plus a village's own) and, optionally, one village's
 * sentiment corrections (oldest first), which adapt its sentiment stage (sentimentAdaptation.ts).
 */
export function createPipeline(opts: { topics: TopicRule[]; corrections?: ReadonlyArray<{ text: string; label: string }> }): Pipeline {
  const res = getResources();
  const ctx: NlpContext = { topics: opts.topics, resources: { nlp: res, intent: res.intent, villageSentiment: res.villageSentiment } };
  const general = res.sentiment;
  const corrections = general && res.villageSentiment && opts.corrections?.length
    ? opts.corrections.map((c) => correctionFromText(c.text, c.label, { normalize: res.normalize, sentiment: general })).filter((c): c is SentimentCorrection => c !== null)
    : [];
  const adaptation = corrections.length > 0 ? buildAdaptation(res.villageSentiment!, corrections) : null;
  const sentiment = sentimentStage(res, adaptation);
  const sharedBits = res.villageSentiment !== null && res.villageSentiment.domain.bits === res.intent.intent.bits;

  const analyzeOne = (text: string): Analysis => {
    // One normalisation; later stages read its word records instead of re-splitting the text.
    const forms = normalizeWords(text, res.normalize);
    const tokens = tokenizeWords(forms.normalizedWords);
    const lang = identifyLanguageWords(forms.surfaceWords, res.language, res.english);
    // Intent, urgency and the village sentiment model share one featurisation (same input, same hashed space).
    const features = featurizeWords(forms, res.intent.intent.bits);
    // Spam still gets a sentiment; statistics exclude spam, not the pipeline.
    const sent = sentiment(forms, ctx, sharedBits ? features : undefined);
    const topics = tagTopicsWords(forms.normalizedWords, ctx);
    const { intent, urgency } = classifyIntentUrgency(forms, res.intent, features);
    const spam = detectSpamWords({ text, normalized: forms.normalized, normalizedWords: forms.normalizedWords, urgent: urgency.urgent });
    const pii = detectPii(text, ctx);
    return {
      text, normalized: forms.normalized, tokens, language: lang, sentiment: sent, topics, spam, pii,
      intent: intent.label, intentScore: intent.score, urgent: urgency.urgent, urgentTerms: urgency.urgentTerms,
    };
  };

  const analyzeBatch = (texts: string[]): Analysis[] => {
    const out = texts.map(analyzeOne);
    const spam = markFloods(out, out.map((a) => a.spam));
    for (let i = 0; i < out.length; i++) out[i].spam = spam[i];
    return out;
  };

  return { model: res.sentiment ? MODEL : LEXICON_FALLBACK_MODEL, analyze: analyzeOne, analyzeBatch };
}
