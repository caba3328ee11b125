// A comment's effective labels in SQL: an official's correction wins over the model. Every query that
// filters or counts by intent, urgency or needs-reply uses these, so the explorer, the rollups, the
// cases and the reports agree. Expressions over the alias `c` ("Comment").

/** Effective intent (keluhan | pertanyaan | usulan | apresiasi | lainnya); unanalysed rows count as lainnya. */
export const INTENT_SQL = `COALESCE(c."humanIntent", c."intent", 'lainnya')`;
/** Effective urgency as a boolean expression. */
export const URGENT_SQL = `(COALESCE(c."humanUrgent", c."urgent") = true)`;
/** Intents that ask the village office for an answer or an action (see NEEDS_REPLY in nlp/intent.ts). */
export const NEEDS_REPLY_INTENTS = ["keluhan", "pertanyaan", "usulan"] as const;
/** A resident's comment that asks for an answer: a needs-reply intent, not spam, not the village's own. */
export const NEEDS_REPLY_SQL = `(${INTENT_SQL} IN ('keluhan', 'pertanyaan', 'usulan') AND c."isSpam" = false AND c."fromVillage" = false)`;
