// Turns an auth API failure into a sentence for the reader, in the app's language.
import type { AuthStringKey } from "./strings";
import { AuthApiError } from "./useAuth";

type T = (key: AuthStringKey, params?: Record<string, string | number>) => string;

/** The message to show under the login or setup form. */
export function authErrorMessage(error: unknown, t: T, lang: "id" | "en"): string {
  if (!(error instanceof AuthApiError)) return t("unknownError", { message: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case "unauthorized":
      return t("badCredentials");
    // The server's Indonesian lockout message says how many minutes remain: show it as is.
    case "locked":
      return lang === "id" ? error.message : t("locked");
    case "rate_limited": {
      const seconds = error.retryAfter ?? 60;
      // A throttled username waits up to 15 minutes: say minutes, not 900 seconds.
      return seconds >= 120 ? t("rateLimitedMinutes", { minutes: Math.ceil(seconds / 60) }) : t("rateLimited", { seconds });
    }
    case "disabled":
      return t("disabled");
    case "network":
      return t("network");
    default:
      return lang === "id" ? error.message : t("unknownError", { message: error.message });
  }
}
