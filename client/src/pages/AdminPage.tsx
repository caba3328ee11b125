// Admin: accounts (who may see which village, with which role) and the audit log (who exported,
// changed a label, viewed raw personal data, changed a source or a user). Admins only; the server
// enforces the same.
import { useEffect, useId, useState, type FormEvent } from "react";
import { ROLE_NAMES, type AuditEntryDTO, type UserDTO, type VillageDTO } from "@suara-desa/shared/contracts";
import { ApiError } from "../api/client";
import { humanizeFieldErrors } from "../api/fieldErrors";
import { fetchAuditPage, useBackgroundJobs, userActions, useUsers } from "../api/hooks";
import { useAuth } from "../auth/useAuth";
import { useI18n, type MessageKey } from "../i18n";
import { EmptyState, ErrorState, LoadingState } from "../widgets/StatusViews";
import { AlertsPanel } from "./admin/AlertsPanel";
import { PublicPagePanel } from "./admin/PublicPagePanel";
import { auditSentence } from "./admin/auditSentence";
import { RetagPanel } from "./admin/RetagPanel";
import { RetentionPanel } from "./admin/RetentionPanel";
import { TopicsPanel } from "./admin/TopicsPanel";

const FIELDS = new Set(["username", "password", "displayName", "role", "villageIds"]);

/** An API error as people read it, with fields named as the form labels them. */
function useErrorText(): (e: unknown) => string {
  const { t } = useI18n();
  return (e) => {
    const message = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    return humanizeFieldErrors(message, (f) => (FIELDS.has(f) ? t(`field.${f}` as MessageKey) : null));
  };
}
const roleKey = (r: string) => `admin.role.${r}` as MessageKey;

/** Users and audit log. */
export default function AdminPage({ village }: { village: VillageDTO }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const isAdmin = user.role === "admin";
  const users = useUsers(isAdmin);
  if (!isAdmin) return <EmptyState message={t("admin.only")} />;
  return (
    <div className="page admin">
      <div className="page-head">
        <h1>{t("admin.title")}</h1>
      </div>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t("admin.users")}</h2>
        {users.status === "loading" && <LoadingState />}
        {users.status === "error" && <ErrorState error={users.error} onRetry={users.refetch} />}
        {users.status === "success" && <UserTable users={users.data ?? []} selfId={user.id} />}
        <CreateUserForm village={village} />
      </section>
      <AlertsPanel village={village} />
      <PublicPagePanel village={village} />
      <TopicsPanel village={village} />
      <RetagPanel village={village} />
      {/* Keyed: a choice not saved for one village is not carried to the next. */}
      <RetentionPanel key={village.id} village={village} />
      <BackgroundJobs />
      <AuditLog />
    </div>
  );
}

function UserTable({ users, selfId }: { users: UserDTO[]; selfId: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<number | null>(null);
  const toggle = async (u: UserDTO) => {
    setError(null);
    try {
      await userActions.setDisabled(u.id, !u.disabled);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="table-scroll">
      {error && <p className="source-error" role="alert">{error}</p>}
      <table className="data-table stack-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.username")}</th>
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("admin.villages")}</th>
            <th scope="col">{t("admin.state")}</th>
            <th scope="col"><span className="visually-hidden">{t("admin.disable")}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <strong>{u.username}</strong>
                {u.displayName && u.displayName !== u.username ? <div className="muted">{u.displayName}</div> : null}
              </td>
              <td data-label={t("admin.role")}>{t(roleKey(u.role))}</td>
              <td data-label={t("admin.villages")}>{u.role === "admin" ? t("admin.allVillages") : u.villages.map((v) => v.name).join(", ") || "—"}</td>
              <td data-label={t("admin.state")}>{u.disabled ? t("admin.disabled") : t("admin.enabled")}</td>
              <td>
                {u.id !== selfId && (
                  <>
                    <button type="button" className="link-button" onClick={() => void toggle(u)}>
                      {u.disabled ? t("admin.enable") : t("admin.disable")}
                    </button>{" "}
                    <button type="button" className="link-button" aria-expanded={resetting === u.id} onClick={() => setResetting(resetting === u.id ? null : u.id)}
                      aria-label={t("admin.resetPasswordFor", { name: u.displayName || u.username })}>
                      {t("admin.resetPassword")}
                    </button>
                  </>
                )}
                {resetting === u.id && <PasswordReset user={u} onDone={() => setResetting(null)} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A temporary password people can read out and type: no 0/O or 1/l/I look-alikes. */
export function temporaryPassword(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = random(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8, 12).join("")}`;
}

/** Sets a temporary password for another user and shows it once. */
function PasswordReset({ user, onDone }: { user: UserDTO; onDone(): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [password, setPassword] = useState(() => temporaryPassword());
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = user.displayName || user.username;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaving(true);
    try {
      await userActions.resetPassword(user.id, password);
      setSaved(password);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  if (saved) {
    return (
      <div className="password-reset" role="status">
        <p>{t("admin.passwordSet", { name })}</p>
        <p className="temp-password"><code>{saved}</code></p>
        <p className="muted">{t("admin.passwordSetHelp")}</p>
        <button type="button" className="button" onClick={onDone}>{t("admin.close")}</button>
      </div>
    );
  }
  return (
    <form className="password-reset" onSubmit={(e) => void submit(e)} aria-label={t("admin.resetPasswordFor", { name })}>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t("admin.newPassword")}</label>
        <input id={`${id}-p`} required minLength={8} autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby={`${id}-h`} />
        <small className="muted" id={`${id}-h`}>{t("admin.newPasswordHelp")}</small>
      </div>
      {error && <p className="source-error" role="alert">{error}</p>}
      <button type="submit" className="button button-primary" disabled={saving || password.length < 8}>{t("admin.savePassword")}</button>{" "}
      <button type="button" className="button" onClick={onDone}>{t("admin.cancel")}</button>
    </form>
  );
}

function CreateUserForm({ village }: { village: VillageDTO }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [form, setForm] = useState({ username: "", displayName: "", password: "", role: "perangkat" as UserDTO["role"] });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await userActions.create({
        username: form.username.trim(), password: form.password, role: form.role,
        ...(form.displayName.trim() ? { displayName: form.displayName.trim() } : {}),
        villageIds: form.role === "admin" ? [] : [village.id],
      });
      setForm({ username: "", displayName: "", password: "", role: "perangkat" });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="source-form user-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("admin.create")}</h3>
      <div className="field">
        <label htmlFor={`${id}-u`}>{t("admin.username")}</label>
        <input id={`${id}-u`} required autoComplete="off" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>{t("admin.displayName")}</label>
        <input id={`${id}-n`} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t("admin.password")}</label>
        <input id={`${id}-p`} type="password" required minLength={8} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-r`}>{t("admin.role")}</label>
        <select id={`${id}-r`} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as UserDTO["role"] })}>
          {ROLE_NAMES.map((r) => (
            <option key={r} value={r}>{t(roleKey(r))}</option>
          ))}
        </select>
        {form.role !== "admin" && <small className="muted">{t("admin.villageThis")}: {village.name}</small>}
      </div>
      {error && <p className="source-error" role="alert">{error}</p>}
      <button type="submit" className="button button-primary" disabled={saving}>{t("admin.save")}</button>
    </form>
  );
}

const QUEUE_KEYS = new Set(["ingest-tick", "ingest-source", "nlp-scan", "nlp-batch", "retag-village", "weekly-report", "retention"]);
const KIND_KEYS = new Set(["import", "ingest", "retag", "rollup", "report"]);
const queueKey = (q: string): MessageKey => (QUEUE_KEYS.has(q) ? (`admin.queue.${q}` as MessageKey) : "admin.jobsOther");
const kindKey = (k: string): MessageKey => (KIND_KEYS.has(k) ? (`admin.kind.${k}` as MessageKey) : "admin.jobsOther");

const RUN_STATUS_KEYS: Record<string, MessageKey> = { failed: "admin.runStatus.failed", partial: "admin.runStatus.partial", abandoned: "admin.runStatus.abandoned" };

/** Queue sizes and failed jobs: what an admin must look at when data stops arriving. */
function BackgroundJobs() {
  const { t, fmt } = useI18n();
  const jobs = useBackgroundJobs(true);
  const d = jobs.data;
  return (
    <section className="panel" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t("admin.jobs")}</h2>
      <p className="panel-desc">{t(d?.engine === "queue" ? "admin.jobsQueue" : "admin.jobsInProcess")}</p>
      {jobs.status === "loading" && <LoadingState />}
      {jobs.status === "error" && <ErrorState error={jobs.error} onRetry={jobs.refetch} />}
      {d && d.queues.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t("admin.jobsQueues")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.jobsQueue.name")}</th>
                <th scope="col">{t("admin.jobsQueued")}</th>
                <th scope="col">{t("admin.jobsActive")}</th>
                <th scope="col">{t("admin.jobsRetrying")}</th>
                <th scope="col">{t("admin.jobsFailed")}</th>
              </tr>
            </thead>
            <tbody>
              {d.queues.map((q) => (
                <tr key={q.name}>
                  <td>{t(queueKey(q.name))}</td>
                  <td>{fmt.number(q.queued)}</td>
                  <td>{fmt.number(q.active)}</td>
                  <td>{fmt.number(q.retrying)}</td>
                  <td>{fmt.number(q.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d && d.failedJobs.length === 0 && d.failedRuns.length === 0 && <EmptyState message={t("admin.jobsNoFailures")} />}
      {d && (d.failedJobs.length > 0 || d.failedRuns.length > 0) && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("admin.jobsFailures")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.when")}</th>
                <th scope="col">{t("admin.jobsWhat")}</th>
                <th scope="col">{t("admin.jobsError")}</th>
              </tr>
            </thead>
            <tbody>
              {d.failedJobs.map((j) => (
                <tr key={`job-${j.id}`}>
                  <td>{fmt.dateTime(j.failedAt, "Asia/Jakarta")}</td>
                  <td>{t(queueKey(j.queue))}{j.sourceName ? ` · ${t("admin.jobsSource", { name: j.sourceName })}` : ""} · {t("admin.jobsAttempts", { n: j.attempts })}</td>
                  <td>{j.error || "—"}</td>
                </tr>
              ))}
              {d.failedRuns.map((r) => (
                <tr key={`run-${r.id}`}>
                  <td>{fmt.dateTime(r.startedAt, "Asia/Jakarta")}</td>
                  <td>{t(kindKey(r.kind))}{r.sourceName ? ` · ${t("admin.jobsSource", { name: r.sourceName })}` : ""} · {t(RUN_STATUS_KEYS[r.status] ?? "admin.runStatus.failed")}</td>
                  <td>{r.error ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AuditLog() {
  const { t, fmt } = useI18n();
  const [entries, setEntries] = useState<AuditEntryDTO[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");
  const [error, setError] = useState<unknown>(null);
  const load = async (from: string | null) => {
    setState("loading");
    try {
      const page = await fetchAuditPage(from);
      setEntries((prev) => (from ? [...prev, ...page.data] : page.data));
      setCursor(page.nextCursor);
      setState("ready");
    } catch (e) {
      setError(e);
      setState("error");
    }
  };
  useEffect(() => {
    void load(null);
  }, []);
  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("admin.audit")}</h2>
      <p className="panel-desc">{t("admin.auditDescription")}</p>
      {state === "error" && <ErrorState error={error instanceof Error ? error : new Error(String(error))} onRetry={() => void load(null)} />}
      {state === "ready" && entries.length === 0 && <EmptyState message={t("admin.noAudit")} />}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.when")}</th>
                <th scope="col">{t("audit.event")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{fmt.dateTime(e.at, "Asia/Jakarta")}</td>
                  <td>{auditSentence(e, t, fmt.number)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state === "loading" && <LoadingState />}
      {state === "ready" && cursor && (
        <button type="button" className="button" onClick={() => void load(cursor)}>{t("admin.more")}</button>
      )}
    </section>
  );
}
