// Loading, empty and error states, worded for a reader who is not technical.
import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";

/** A polite live region saying data is on its way. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("state.loading")}
    </div>
  );
}

/** Nothing to show, with an optional hint or action. */
export function EmptyState({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <p>{message}</p>
      {children}
    </div>
  );
}

/**
 * Words for a failure: the server's own message (already in words), or what a network or bare HTTP
 * failure means, in the reader's language.
 */
export function useErrorWords(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === "network") return t("error.network");
      if (error.code === "http") return t("error.http", { status: error.status });
    }
    return error instanceof Error ? error.message : error === undefined ? "" : String(error);
  };
}

/** A failure explained in the reader's language, with a retry button when one is given. */
export function ErrorState({ error, onRetry }: { error: Error | undefined; onRetry?: () => void }) {
  const { t } = useI18n();
  const detail = useErrorWords()(error);
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{t("state.error")}</p>
      {detail && <p className="state-detail">{t("state.errorDetail", { message: detail })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("state.retry")}
        </button>
      )}
    </div>
  );
}
