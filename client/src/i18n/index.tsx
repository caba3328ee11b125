// Language state for the whole app: Indonesian by default, English on request, remembered in
// localStorage so a returning reader keeps their choice.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en } from "./en";
import { id, type MessageKey, type Messages } from "./id";
import { makeFormatters, translate, type Formatters, type Params } from "./format";

export type Lang = "id" | "en";
export const CATALOGUES: Record<Lang, Messages> = { id, en };
const STORAGE_KEY = "suara-desa.lang";

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
  fmt: Formatters;
  locale: string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    return "id"; // storage can be blocked (private mode); Indonesian is the default anyway
  }
}

/** Provides t(), formatters and the language switch to the tree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(readStoredLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* not persisted; the choice still applies to this visit */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    const locale = messages["meta.locale"];
    return { lang, setLang, locale, fmt: makeFormatters(locale), t: (key, params) => translate(messages, key, params) };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, translator and formatters. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n must be used inside <I18nProvider>");
  return ctx;
}

export type { MessageKey };
