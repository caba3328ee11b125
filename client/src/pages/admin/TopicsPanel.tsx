// Topik desa: the topics that apply to the village with their keywords; an admin adds one or
// changes the name and keywords of any (a shared topic then gets the village's own version).
// Stored comments follow after "Analisis ulang komentar" (RetagPanel).
import { useId, useState, type FormEvent } from "react";
import type { TopicDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { ApiError } from "../../api/client";
import { humanizeFieldErrors } from "../../api/fieldErrors";
import { saveVillageTopic, useTopics } from "../../api/hooks";
import { useI18n, type MessageKey } from "../../i18n";
import { ErrorState, LoadingState } from "../../widgets/StatusViews";
import { freeKey, topicKeyFromName } from "./topicKey";

const EMPTY = { key: "", nameId: "", nameEn: "", keywords: "" };
const FIELDS = new Set(["nameId", "nameEn", "keywords", "key"]);

/** Topic list with add and edit. */
export function TopicsPanel({ village }: { village: VillageDTO }) {
  const { t, lang } = useI18n();
  const id = useId();
  const topics = useTopics(village.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (topic: TopicDTO) => {
    setEditing(topic.key);
    setMessage(null);
    setForm({ key: topic.key, nameId: topic.nameId, nameEn: topic.nameEn, keywords: topic.keywords.join(", ") });
  };
  const reset = () => {
    setEditing(null);
    setForm(EMPTY);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setSaving(true);
    const nameId = form.nameId.trim();
    try {
      await saveVillageTopic(village.id, {
        key: editing ?? freeKey(topicKeyFromName(nameId), (topics.data ?? []).map((x) => x.key)), nameId, nameEn: form.nameEn.trim() || nameId,
        keywords: form.keywords.split(",").map((k) => k.trim()).filter(Boolean),
      });
      setMessage({ ok: true, text: t("admin.topicSaved", { name: nameId }) });
      reset();
    } catch (err) {
      const text = err instanceof ApiError || err instanceof Error ? err.message : String(err);
      setMessage({ ok: false, text: humanizeFieldErrors(text, (f) => (FIELDS.has(f) ? t(`field.${f}` as MessageKey) : null)) });
    } finally {
      setSaving(false);
    }
  };
  const field = (name: "nameId" | "nameEn" | "keywords", label: MessageKey, hint?: MessageKey) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <input id={`${id}-${name}`} required={name !== "nameEn"} value={form[name]} aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
      {hint && <small className="muted" id={`${id}-${name}-hint`}>{t(hint)}</small>}
    </div>
  );
  const list = [...(topics.data ?? [])].sort((a, b) => a.nameId.localeCompare(b.nameId));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("admin.topics")}</h2>
      <p className="panel-desc">{t("admin.topicsDescription")}</p>
      {topics.status === "loading" && <LoadingState />}
      {topics.status === "error" && <ErrorState error={topics.error} onRetry={topics.refetch} />}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="data-table topics-admin">
            <thead>
              <tr>
                <th scope="col">{t("admin.topicName")}</th>
                <th scope="col">{t("admin.topicKeywordsShort")}</th>
                <th scope="col"><span className="visually-hidden">{t("admin.topicEdit")}</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((topic) => {
                const name = (lang === "en" ? topic.nameEn : topic.nameId) || topic.nameId;
                return (
                  <tr key={topic.key} data-topic={topic.key}>
                    <td>
                      {name}
                      {topic.own && <span className="muted"> · {t("admin.topicOwn")}</span>}
                    </td>
                    <td className="muted">{topic.keywords.slice(0, 8).join(", ")}{topic.keywords.length > 8 ? ` ${t("admin.topicMoreKeywords", { count: topic.keywords.length - 8 })}` : ""}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => edit(topic)} aria-label={t("admin.topicEditNamed", { name })}>
                        {t("admin.topicEdit")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form className="source-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-form-title`}>
        <h3 id={`${id}-form-title`}>{editing ? t("admin.topicEditing", { name: form.nameId || editing }) : t("admin.topicAdd")}</h3>
        {field("nameId", "admin.topicNameId")}
        {field("nameEn", "admin.topicNameEn")}
        {field("keywords", "admin.topicKeywords", "admin.topicKeywordsHint")}
        {message && <p className={message.ok ? "source-ok" : "source-error"} role="status">{message.text}</p>}
        <button type="submit" className="button button-primary" disabled={saving}>{t("admin.save")}</button>
        {editing && <button type="button" className="button" onClick={reset}>{t("admin.cancel")}</button>}
      </form>
    </section>
  );
}
