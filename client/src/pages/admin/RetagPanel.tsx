// "Analisis ulang komentar": after a topic edit or a new model, stored comments keep their old
// labels until they are analysed again. Shows how many wait, starts the background job and polls
// its progress until it ends. A second button re-analyses every comment so that the officials'
// corrections (which teach the village's analysis of new comments) reach the stored ones too.
import { useEffect, useId, useState } from "react";
import type { RetagStatusDTO, VillageDTO } from "@suara-desa/shared/contracts";
import { ApiError } from "../../api/client";
import { queryCache } from "../../api/queryCache";
import { startRetag, useRetagStatus } from "../../api/hooks";
import { useI18n } from "../../i18n";
import { ErrorState, LoadingState } from "../../widgets/StatusViews";

const POLL_MS = 1500;

/** The share done of a run (0..1), or null before its total is known. */
export function retagShare(run: RetagStatusDTO["lastRun"]): number | null {
  if (!run || run.total <= 0) return null;
  return Math.min(1, run.done / run.total);
}

/** Status, button and progress bar. */
export function RetagPanel({ village }: { village: VillageDTO }) {
  const { t, fmt } = useI18n();
  const id = useId();
  const status = useRetagStatus(village.id);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const d = status.data;
  const pending = d?.pending ?? false;
  const refetch = status.refetch;

  // Poll while a run waits or goes; once it ends, every statistic is refetched.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(refetch, POLL_MS);
    return () => {
      clearInterval(timer);
      queryCache.invalidateAll((key) => key.endsWith("/retag"));
    };
  }, [pending, refetch]);

  const start = async (all: boolean) => {
    setError(null);
    setStarting(true);
    try {
      await startRetag(village.id, all);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
      refetch();
    }
  };

  const run = d?.lastRun ?? null;
  const share = retagShare(run);
  const disabledReason = !d ? null : pending ? t("retag.busy") : d.staleComments === 0 ? t("retag.nothing") : null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("retag.title")}</h2>
      <p className="panel-desc">{t("retag.description")}</p>
      {status.status === "loading" && !d && <LoadingState />}
      {status.status === "error" && <ErrorState error={status.error} onRetry={refetch} />}
      {d && (
        <>
          <p className="retag-stale">
            {d.staleComments > 0 ? t("retag.stale", { count: fmt.number(d.staleComments) }) : t("retag.upToDate")}
          </p>
          {pending && (
            <div className="retag-progress" role="status">
              <progress max={1} value={share ?? undefined} aria-label={t("retag.progressLabel")} />
              <span>
                {run && run.status === "running" && share !== null
                  ? t("retag.progress", { done: fmt.number(run.done), total: fmt.number(run.total) })
                  : t("retag.waiting")}
              </span>
            </div>
          )}
          {!pending && run && run.finishedAt && (
            <p className={run.status === "ok" ? "source-ok" : "source-error"} role="status">
              {run.status === "ok"
                ? t("retag.done", { count: fmt.number(run.done), when: fmt.dateTime(run.finishedAt, village.timeZone) })
                : t("retag.failed", { count: fmt.number(run.done), when: fmt.dateTime(run.finishedAt, village.timeZone) })}
            </p>
          )}
          <button type="button" className="button button-primary" onClick={() => void start(false)} disabled={starting || disabledReason !== null}
            aria-describedby={disabledReason ? `${id}-why` : undefined}>
            {t("retag.start")}
          </button>
          {disabledReason && <p className="muted" id={`${id}-why`}>{disabledReason}</p>}
          {d.correctedComments > 0 && (
            <div className="retag-corrections">
              <p>{t("retag.corrections", { count: fmt.number(d.correctedComments), total: fmt.number(d.totalComments) })}</p>
              <button type="button" className="button" onClick={() => void start(true)} disabled={starting || pending}
                aria-describedby={pending ? `${id}-why` : undefined}>
                {t("retag.applyCorrections")}
              </button>
            </div>
          )}
          {error && <p className="source-error" role="alert">{error}</p>}
        </>
      )}
    </section>
  );
}
