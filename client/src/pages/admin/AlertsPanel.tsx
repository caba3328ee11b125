// Peringatan: where the village is warned (Telegram group, e-mail, WhatsApp number, webhook), about
// what, a test message, and the delivery log. Admins only; the server enforces the same.
import { useEffect, useId, useState, type FormEvent } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { ApiError, buildUrl, getJson, sendJson } from "../../api/client";
import { queryCache } from "../../api/queryCache";
import { useQuery } from "../../api/useQuery";
import { useI18n, type MessageKey } from "../../i18n";
import { ErrorState, LoadingState } from "../../widgets/StatusViews";

const KINDS = ["telegram", "email", "whatsapp", "webhook"] as const;
const EVENTS = ["urgent", "spike", "digest", "sourceHealth"] as const;

interface AlertsDTO {
  channels: Array<{ id: number; kind: string; target: string; events: string[]; quietStart: number | null; quietEnd: number | null; enabled: boolean }>;
  log: Array<{ id: number; channelId: number; kind: string; state: string; attempts: number; lastError: string | null; sentAt: string | null; createdAt: string }>;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export function AlertsPanel({ village }: { village: VillageDTO }) {
  const { t, fmt } = useI18n();
  const uid = useId();
  const url = buildUrl(`/api/villages/${village.id}/alerts`);
  const data = useQuery(url, async () => (await getJson<{ data: AlertsDTO }>(url)).data);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("telegram");
  const [target, setTarget] = useState("");
  const [events, setEvents] = useState<string[]>([...EVENTS]);
  const [quiet, setQuiet] = useState("");
  const [phoneNumberId, setPhoneNumberId] = useState("");
  const [token, setToken] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A switch shows its new position at once, not the old one until the list is read again.
  const [switching, setSwitching] = useState<Record<number, boolean>>({});
  useEffect(() => setSwitching({}), [data.data]);
  const refresh = () => queryCache.invalidateAll();
  const fail = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError || e instanceof Error ? e.message : String(e) });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const r = (await sendJson<{ data: { webhookKey: string | null } }>(`/api/villages/${village.id}/alerts`, "POST", {
        kind, target, events, ...(quiet.trim() ? { quiet: quiet.trim() } : {}), ...(kind === "whatsapp" ? { phoneNumberId, token } : {}),
      })).data;
      setTarget("");
      setToken("");
      setMessage({ ok: true, text: r.webhookKey ? t("alerts.webhookKey", { key: r.webhookKey }) : t("alerts.added") });
      refresh();
    } catch (err) {
      fail(err);
    }
  };
  const test = async (id: number) => {
    setMessage(null);
    try {
      await sendJson(`/api/villages/${village.id}/alerts/${id}/test`, "POST", {});
      setMessage({ ok: true, text: t("alerts.testQueued") });
      setTimeout(refresh, 12_000);
    } catch (err) {
      fail(err);
    }
  };
  const toggle = async (id: number, enabled: boolean) => {
    setMessage(null);
    setSwitching((s) => ({ ...s, [id]: enabled }));
    try {
      await sendJson(`/api/villages/${village.id}/alerts/${id}`, "PATCH", { enabled });
      refresh();
    } catch (err) {
      setSwitching(({ [id]: _dropped, ...rest }) => rest);
      fail(err);
    }
  };
  const remove = async (id: number) => {
    setMessage(null);
    try {
      await sendJson(`/api/villages/${village.id}/alerts/${id}`, "DELETE", {});
      refresh();
    } catch (err) {
      fail(err);
    }
  };
  // The log names a switched-off channel as such: its last "Gagal" rows are why.
  const channelName = (id: number) => {
    const c = data.data?.channels.find((x) => x.id === id);
    if (!c) return t("alerts.channelRemoved");
    const name = `${t(`alerts.kind.${c.kind}` as MessageKey)} ${c.target}`;
    return c.enabled ? name : t("alerts.channelOff", { channel: name });
  };

  return (
    <section className="panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t("alerts.title")}</h2>
      <p className="muted">{t("alerts.intro")}</p>
      {data.status === "loading" && <LoadingState />}
      {data.status === "error" && <ErrorState error={data.error} onRetry={data.refetch} />}
      {data.data && (
        <ul className="alert-channels">
          {data.data.channels.length === 0 && <li className="muted">{t("alerts.none")}</li>}
          {data.data.channels.map((c) => {
            const on = switching[c.id] ?? c.enabled;
            return (
              <li key={c.id} className={on ? undefined : "alert-channel-off"}>
                <label className="check alert-switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={on}
                    aria-busy={c.id in switching || undefined}
                    onChange={(e) => void toggle(c.id, e.target.checked)}
                    aria-label={t("alerts.switchLabel", { channel: `${t(`alerts.kind.${c.kind}` as MessageKey)} ${c.target}` })}
                  />
                  <span aria-hidden="true">{on ? t("alerts.on") : t("alerts.off")}</span>
                </label>{" "}
                <strong>{t(`alerts.kind.${c.kind}` as MessageKey)}</strong> {c.target} — {c.events.map((e) => t(`alerts.event.${e}` as MessageKey)).join(", ")}
                {c.quietStart !== null && c.quietEnd !== null && ` · ${t("alerts.quietShown", { from: hhmm(c.quietStart), to: hhmm(c.quietEnd) })}`}{" "}
                <button type="button" className="button" disabled={!on} onClick={() => void test(c.id)}>
                  {t("alerts.test")}
                </button>{" "}
                <button type="button" className="link-button" onClick={() => void remove(c.id)}>
                  {t("alerts.remove")}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="alert-form" onSubmit={add}>
        <div className="fu-fields">
          <div className="field">
            <label htmlFor={`${uid}-kind`}>{t("alerts.channel")}</label>
            <select id={`${uid}-kind`} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`alerts.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-target`}>{t(`alerts.target.${kind}` as MessageKey)}</label>
            <input id={`${uid}-target`} type="text" value={target} required maxLength={300} onChange={(e) => setTarget(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-quiet`}>{t("alerts.quiet")}</label>
            <input id={`${uid}-quiet`} type="text" value={quiet} placeholder="22:00-06:00" maxLength={11} onChange={(e) => setQuiet(e.target.value)} />
          </div>
        </div>
        {kind === "whatsapp" && (
          <div className="fu-fields">
            <div className="field">
              <label htmlFor={`${uid}-pnid`}>{t("alerts.phoneNumberId")}</label>
              <input id={`${uid}-pnid`} type="text" value={phoneNumberId} required onChange={(e) => setPhoneNumberId(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-token`}>{t("alerts.token")}</label>
              <input id={`${uid}-token`} type="password" autoComplete="off" value={token} required onChange={(e) => setToken(e.target.value)} />
            </div>
          </div>
        )}
        <fieldset className="topic-checks">
          <legend>{t("alerts.events")}</legend>
          {EVENTS.map((ev) => (
            <label key={ev} className="check">
              <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents((s) => (e.target.checked ? [...s, ev] : s.filter((x) => x !== ev)))} />
              {t(`alerts.event.${ev}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={!target.trim() || events.length === 0}>
          {t("alerts.add")}
        </button>
      </form>
      {message && (
        <p role="status" className={message.ok ? "tone-good" : "tone-bad"}>
          {message.text}
        </p>
      )}
      {data.data && data.data.log.length > 0 && (
        <>
          <h3>{t("alerts.log")}</h3>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t("alerts.logTime")}</th>
                  <th>{t("alerts.channel")}</th>
                  <th>{t("alerts.logKind")}</th>
                  <th>{t("alerts.logState")}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.log.slice(0, 30).map((m) => (
                  <tr key={m.id}>
                    <td>{fmt.dateTime(m.createdAt, village.timeZone)}</td>
                    <td>{channelName(m.channelId)}</td>
                    <td>{t(`alerts.event.${m.kind}` as MessageKey)}</td>
                    <td>
                      {t(`alerts.state.${m.state}` as MessageKey)}
                      {m.lastError && ` — ${m.lastError}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
