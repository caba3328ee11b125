// Sumber Data: the village's accounts, how their collection is doing (last run, new comments, last
// error in plain Indonesian, X posts read this month) and — for administrators — add, edit, test
// ("tes koneksi") and run ("jalankan sekarang"); "Hubungkan akun" (X login, Facebook Login with a
// page picker) and a one-click reconnect for a source that needs a new login.
import { useId, useState, type FormEvent } from "react";
import type { OAuthProvidersDTO, SourceDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { ApiError } from "../api/client";
import { connectActions, sourceActions, useMetaPageChoices, useOAuthProviders, useSources, type SourceInput } from "../api/hooks";
import { useAuth } from "../auth/useAuth";
import { useI18n, type MessageKey } from "../i18n";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { canManageSourcesRole } from "./roles";

const PLATFORM_LABEL: Record<string, string> = { x: "X (Twitter)", facebook: "Facebook", instagram: "Instagram", file: "Berkas" };
const STATUS_KEYS: Record<string, MessageKey> = {
  active: "sources.status.active",
  paused: "sources.status.paused",
  error: "sources.status.error",
  needs_login: "sources.status.needs_login",
  demo: "sources.status.demo",
};

const FAILURE_KEYS: Record<string, MessageKey> = {
  denied: "connect.failed.denied",
  state: "connect.failed.state",
  platform: "connect.failed.platform",
  unavailable: "connect.failed.unavailable",
  no_pages: "connect.failed.noPages",
  other_account: "connect.failed.otherAccount",
  session: "connect.failed.session",
};

const errorText = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/** The sources page of one village. */
export default function SourcesPage({ village }: { village: VillageDTO }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const sources = useSources(village.id);
  const canManage = canManageSourcesRole(user.role);
  const providers = useOAuthProviders(village.id);
  const configured = providers.status === "success" ? (providers.data ?? null) : null;
  const list = sources.status === "success" ? (sources.data ?? []) : null;
  // The outcome of a login comes back in the address (the platform redirected the browser here);
  // read once, then removed so a reload does not show it again.
  const [result] = useState(() => {
    const q = new URLSearchParams(window.location.search);
    const out = { connected: q.get("terhubung"), failed: q.get("hubungkanGagal"), pick: q.get("pilihHalaman") };
    if (out.connected || out.failed || out.pick) {
      for (const k of ["terhubung", "hubungkanGagal", "pilihHalaman"]) q.delete(k);
      const rest = q.toString();
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${rest ? `?${rest}` : ""}`);
    }
    return out;
  });
  const [pick, setPick] = useState(result.pick);

  return (
    <div className="page sources">
      <div className="page-head">
        <h1>{t("sources.title")}</h1>
      </div>
      <p className="panel-desc">{t("sources.description")}</p>
      {result.connected && <p className="source-ok" role="status">{t(result.connected === "x" ? "connect.doneX" : "connect.doneMeta")}</p>}
      {result.failed && <p className="source-error" role="alert">{t(FAILURE_KEYS[result.failed] ?? "connect.failed.platform")}</p>}
      {canManage && pick && <PagePicker villageId={village.id} pick={pick} onDone={() => { setPick(null); sources.refetch(); }} />}
      {canManage && <ConnectPanel villageId={village.id} providers={configured} />}
      {sources.status === "loading" && <LoadingState />}
      {sources.status === "error" && <ErrorState error={sources.error} onRetry={sources.refetch} />}
      {list?.length === 0 && <EmptyState message={t("sources.empty")} />}
      {list && list.length > 0 && (
        <ul className="source-list">
          {list.map((s) => (
            <li key={s.id}>
              <SourceCard source={s} village={village} canManage={canManage} providers={configured} onChanged={sources.refetch} />
            </li>
          ))}
        </ul>
      )}
      {canManage ? <AddSourceForm villageId={village.id} onAdded={sources.refetch} /> : <p className="muted">{t("sources.adminOnly")}</p>}
    </div>
  );
}

function SourceCard({ source: s, village, canManage, providers, onChanged }: { source: SourceDTO; village: VillageDTO; canManage: boolean; providers: OAuthProvidersDTO | null; onChanged(): void }) {
  const { t, fmt } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const isApi = s.platform !== "file";
  // The platform's numeric account id matters to whoever sets the source up, not to the office reading it.
  const handle = s.handle ? `@${s.handle}` : null;
  const account = handle && !canManage ? handle : [handle, s.accountId].filter(Boolean).join(" · ");

  const act = async (fn: () => Promise<{ ok: boolean; text: string } | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await fn());
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  const statusKey = STATUS_KEYS[s.status];
  return (
    <article className="panel source-card" aria-labelledby={`source-${s.id}`}>
      <header className="source-head">
        <h2 id={`source-${s.id}`}>
          {PLATFORM_LABEL[s.platform] ?? s.platform} · {s.name ?? (s.handle ? `@${s.handle}` : s.accountId)}
        </h2>
        <span className={`badge source-status source-status-${s.status}`}>{statusKey ? t(statusKey) : s.status}</span>
      </header>
      <dl className="source-facts">
        <div>
          <dt>{t("sources.account")}</dt>
          <dd>
            {account}
            {isApi && !s.hasToken ? ` · ${t("sources.noToken")}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("sources.lastRun")}</dt>
          <dd>
            {s.lastRunAt ? fmt.dateTime(s.lastRunAt, village.timeZone) : t("sources.lastRunNever")}
            {s.lastRun ? ` · ${t("sources.newItems", { count: fmt.number(s.lastRun.new) })}` : ""}
            {s.lastRun?.status === "abandoned" ? ` · ${t("sources.lastRunAbandoned")}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("sources.stored")}</dt>
          <dd>{t("sources.comments", { count: fmt.number(s.comments) })}</dd>
        </div>
        {s.xPostsReadThisMonth !== null && (
          <div>
            <dt>X</dt>
            <dd>{t("sources.xUsage", { count: fmt.number(s.xPostsReadThisMonth) })}</dd>
          </div>
        )}
      </dl>
      {s.lastError && (
        <p className="source-error" role="note">
          {t("sources.lastError", { time: s.lastErrorAt ? fmt.dateTime(s.lastErrorAt, village.timeZone) : "—", message: s.lastError })}
        </p>
      )}
      {s.settingsUnreadable && <p className="source-error" role="note">{t("sources.settingsUnreadable")}</p>}
      {canManage && isApi && !s.hasToken && (
        <p className="muted" id={`source-${s.id}-why`}>{t("sources.needsToken")}</p>
      )}
      {canManage && isApi && s.status === "needs_login" && (
        <ReconnectButton source={s} villageId={village.id} providers={providers} />
      )}
      {canManage && isApi && (
        <div className="source-actions">
          <button type="button" className="button" disabled={busy || !s.hasToken} aria-describedby={s.hasToken ? undefined : `source-${s.id}-why`} onClick={() => void act(async () => {
            const r = await sourceActions.test(s.id);
            return { ok: r.ok, text: t(r.ok ? "sources.testOk" : "sources.testFailed", { message: r.message }) };
          })}>
            {t("sources.test")}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !s.hasToken} aria-describedby={s.hasToken ? undefined : `source-${s.id}-why`} onClick={() => void act(async () => {
            const { run } = await sourceActions.run(s.id);
            if (run.error) return { ok: false, text: run.error };
            if (run.status === "queued") return { ok: true, text: t("sources.runQueued") };
            return { ok: true, text: t("sources.runDone", { read: fmt.number(run.read), new: fmt.number(run.new), updated: fmt.number(run.updated) }) };
          })}>
            {t("sources.run")}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void act(async () => {
            await sourceActions.update(s.id, { status: s.status === "paused" ? "active" : "paused" });
            return null;
          })}>
            {s.status === "paused" ? t("sources.resume") : t("sources.pause")}
          </button>
          <TokenForm sourceId={s.id} disabled={busy} onSaved={onChanged} />
          <button type="button" className="link-button danger" disabled={busy} onClick={() => {
            if (window.confirm(t("sources.removeConfirm", { name: s.name ?? s.accountId }))) void act(async () => (await sourceActions.remove(s.id), null));
          }}>
            {t("sources.remove")}
          </button>
        </div>
      )}
      {busy && <p className="muted" role="status">{t("sources.working")}</p>}
      {message && (
        <p className={message.ok ? "source-ok" : "source-error"} role="status">
          {message.text}
        </p>
      )}
    </article>
  );
}

function TokenForm({ sourceId, disabled, onSaved }: { sourceId: number; disabled: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return;
    try {
      await sourceActions.update(sourceId, { token: token.trim() });
      setToken("");
      setError(null);
      onSaved();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="token-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{t("sources.newToken")}</label>
      <input id={id} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      <button type="submit" className="button" disabled={disabled || !token.trim()}>
        {t("sources.save")}
      </button>
      {error && <p className="source-error">{error}</p>}
    </form>
  );
}

function AddSourceForm({ villageId, onAdded }: { villageId: number; onAdded(): void }) {
  const { t } = useI18n();
  const id = useId();
  const empty: SourceInput = { platform: "facebook", accountId: "", token: "", handle: "", name: "" };
  const [form, setForm] = useState<SourceInput>(empty);
  const [interval, setInterval] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof SourceInput>(k: K, v: SourceInput[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await sourceActions.add(villageId, {
        platform: form.platform,
        accountId: form.accountId.trim(),
        token: form.token.trim(),
        ...(form.handle?.trim() ? { handle: form.handle.trim().replace(/^@/, "") } : {}),
        ...(form.name?.trim() ? { name: form.name.trim() } : {}),
        ...(interval ? { intervalMinutes: Number(interval) } : {}),
      });
      setForm(empty);
      setInterval("");
      onAdded();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel source-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("sources.add")}</h2>
      <div className="field">
        <label htmlFor={`${id}-platform`}>{t("sources.platform")}</label>
        <select id={`${id}-platform`} value={form.platform} onChange={(e) => set("platform", e.target.value as SourceInput["platform"])}>
          <option value="facebook">Facebook</option>
          <option value="instagram">Instagram</option>
          <option value="x">X (Twitter)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>{t("sources.accountId")}</label>
        <input id={`${id}-account`} required value={form.accountId} onChange={(e) => set("accountId", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-handle`}>{t("sources.handle")}</label>
        <input id={`${id}-handle`} value={form.handle} onChange={(e) => set("handle", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("sources.name")}</label>
        <input id={`${id}-name`} value={form.name} onChange={(e) => set("name", e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-token`}>{t("sources.token")}</label>
        <input id={`${id}-token`} type="password" required autoComplete="off" value={form.token} onChange={(e) => set("token", e.target.value)} aria-describedby={`${id}-token-hint`} />
        <small id={`${id}-token-hint`} className="muted">{t("sources.tokenHint")}</small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-interval`}>{t("sources.interval")}</label>
        <input id={`${id}-interval`} type="number" min={1} max={1440} value={interval} onChange={(e) => setInterval(e.target.value)} />
      </div>
      {error && <p className="source-error" role="alert">{error}</p>}
      <button type="submit" className="button button-primary" disabled={saving}>
        {t("sources.save")}
      </button>
    </form>
  );
}

/** Sends the browser to the platform's login; it comes back to this page with the outcome. */
async function goToLogin(villageId: number, platform: "x" | "meta", sourceId?: number): Promise<void> {
  window.location.assign(await connectActions.start(villageId, platform, sourceId));
}

function ConnectPanel({ villageId, providers }: { villageId: number; providers: OAuthProvidersDTO | null }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = (platform: "x" | "meta") => {
    setBusy(true);
    setError(null);
    goToLogin(villageId, platform).catch((e: unknown) => {
      setError(errorText(e));
      setBusy(false);
    });
  };
  const xOff = !providers?.x.configured;
  const metaOff = !providers?.meta.configured;
  return (
    <section className="panel source-connect" aria-labelledby="connect-title">
      <h2 id="connect-title">{t("connect.title")}</h2>
      <p className="muted">{t("connect.description")}</p>
      <div className="source-actions">
        <button type="button" className="button button-primary" disabled={busy || xOff} aria-describedby={xOff ? "connect-x-off" : undefined} onClick={() => start("x")}>
          {t("connect.x")}
        </button>
        <button type="button" className="button button-primary" disabled={busy || metaOff} aria-describedby={metaOff ? "connect-meta-off" : undefined} onClick={() => start("meta")}>
          {t("connect.meta")}
        </button>
      </div>
      {providers && xOff && <p id="connect-x-off" className="muted">{t("connect.xOff")}</p>}
      {providers && metaOff && <p id="connect-meta-off" className="muted">{t("connect.metaOff")}</p>}
      {error && <p className="source-error" role="alert">{error}</p>}
    </section>
  );
}

function ReconnectButton({ source: s, villageId, providers }: { source: SourceDTO; villageId: number; providers: OAuthProvidersDTO | null }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const platform = s.platform === "x" ? "x" : "meta";
  const off = !(platform === "x" ? providers?.x.configured : providers?.meta.configured);
  return (
    <div className="source-reconnect" role="note">
      <p>{t("connect.needsLogin")}</p>
      <button type="button" className="button button-primary" disabled={busy || off} onClick={() => {
        setBusy(true);
        goToLogin(villageId, platform, s.id).catch((e: unknown) => {
          setError(errorText(e));
          setBusy(false);
        });
      }}>
        {t("connect.reconnect")}
      </button>
      {off && <p className="muted">{t("connect.reconnectOff")}</p>}
      {error && <p className="source-error" role="alert">{error}</p>}
    </div>
  );
}

function PagePicker({ villageId, pick, onDone }: { villageId: number; pick: string; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const pages = useMetaPageChoices(villageId, pick);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const list = pages.status === "success" ? (pages.data ?? []) : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setSaving(true);
    setError(null);
    try {
      await connectActions.choosePage(villageId, pick, chosen);
      onDone();
    } catch (err) {
      setError(errorText(err));
      setSaving(false);
    }
  };
  return (
    <form className="panel source-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("connect.pickTitle")}</h2>
      {pages.status === "loading" && <LoadingState />}
      {pages.status === "error" && <ErrorState error={pages.error} onRetry={pages.refetch} />}
      <fieldset>
        <legend>{t("connect.pickLegend")}</legend>
        {list.map((p) => (
          <label key={p.id} className="radio">
            <input type="radio" name={`${id}-page`} value={p.id} checked={chosen === p.id} onChange={() => setChosen(p.id)} />
            {p.name}
            {" · "}
            {p.instagram ? t("connect.withInstagram", { username: p.instagram.username ? `@${p.instagram.username}` : "" }) : t("connect.noInstagram")}
          </label>
        ))}
      </fieldset>
      {error && <p className="source-error" role="alert">{error}</p>}
      <button type="submit" className="button button-primary" disabled={saving || !chosen}>
        {t("connect.pickSubmit")}
      </button>
    </form>
  );
}
