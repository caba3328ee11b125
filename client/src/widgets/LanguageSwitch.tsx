// Indonesian / English toggle; the choice is remembered (see I18nProvider).
import { useI18n, type Lang } from "../i18n";

const LANGS: Array<{ lang: Lang; short: string }> = [
  { lang: "id", short: "ID" },
  { lang: "en", short: "EN" },
];

/** Two toggle buttons with aria-pressed, labelled with the full language name. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("lang.label")}>
      {LANGS.map((l) => (
        <button
          key={l.lang}
          type="button"
          lang={l.lang}
          aria-pressed={lang === l.lang}
          aria-label={t(`lang.${l.lang}`)}
          title={t(`lang.${l.lang}`)}
          onClick={() => setLang(l.lang)}
        >
          {l.short}
        </button>
      ))}
    </div>
  );
}
