// Browser entry: language first (the login page is translated too), then the session gate.
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { queryCache, refreshWhenBack } from "./api/queryCache";
import { AuthGate } from "./auth/AuthGate";
import { I18nProvider } from "./i18n";
import "./styles.css";

// The public page needs no account: it is served outside the session gate.
const PublicPage = lazy(() => import("./pages/PublicPage"));
const publicCode = /^\/publik\/([0-9.]+)\/?$/.exec(window.location.pathname)?.[1] ?? null;

// Coming back to a tab left open (over the weekend, overnight) shows today's figures and week.
refreshWhenBack(queryCache, window);

const root = document.getElementById("root");
if (!root) throw new Error("index.html must contain <div id=\"root\">");
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {publicCode ? (
        <Suspense fallback={null}>
          <PublicPage code={publicCode} />
        </Suspense>
      ) : (
        <AuthGate>
          <App />
        </AuthGate>
      )}
    </I18nProvider>
  </StrictMode>,
);
