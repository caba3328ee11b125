// Topic names in the reader's language (the overview sends Indonesian names only).
import { useCallback, useMemo } from "react";
import { useTopics } from "../api/hooks";
import { useI18n } from "../i18n";

/** Returns (key, fallback) => the topic's name in the current language. */
export function useTopicNames(villageId: number) {
  const { lang } = useI18n();
  const topics = useTopics(villageId);
  const byKey = useMemo(() => new Map((topics.data ?? []).map((t) => [t.key, t])), [topics.data]);
  const name = useCallback(
    (key: string, fallback: string) => {
      const t = byKey.get(key);
      if (!t) return fallback;
      return (lang === "en" ? t.nameEn : t.nameId) || fallback;
    },
    [byKey, lang],
  );
  return { name, topics: topics.data ?? [] };
}
