// App shell: header (village, navigation, language), then the screen for the current path.
// Screens other than the weekly review are code-split so the first visit loads little JavaScript.
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { setUnauthorizedHandler } from "./api/client";
import { useVillages } from "./api/hooks";
import { queryCache } from "./api/queryCache";
import { useAuth } from "./auth/useAuth";
import { useI18n } from "./i18n";
import { navigate, useLocationSnapshot } from "./router";
import { LanguageSwitch } from "./widgets/LanguageSwitch";
import { Link } from "./widgets/Link";
import { EmptyState, ErrorState, LoadingState } from "./widgets/StatusViews";
import { WeeklyReview } from "./pages/WeeklyReview";
import { villageHref } from "./pages/paths";

const Explorer = lazy(() => import("./pages/Explorer"));
const TopicPage = lazy(() => import("./pages/TopicPage"));
const SourcesPage = lazy(() => import("./pages/SourcesPage"));
const AdminPage = lazy(() => import("./pages/AdminPage"));
const FollowUpPage = lazy(() => import("./pages/FollowUpPage"));
const ComparisonPage = lazy(() => import("./pages/ComparisonPage"));

type Route = { name: "weekly" } | { name: "explorer" } | { name: "followUp" } | { name: "topic"; key: string } | { name: "sources" } | { name: "admin" } | { name: "compare" } | { name: "notFound" };

function matchRoute(pathname: string): Route {
  const p = pathname.replace(/\/+$/, "") || "/";
  if (p === "/" || p === "/ringkasan") return { name: "weekly" };
  if (p === "/jelajahi") return { name: "explorer" };
  if (p === "/tindak-lanjut") return { name: "followUp" };
  if (p === "/sumber") return { name: "sources" };
  if (p === "/admin") return { name: "admin" };
  if (p === "/bandingkan") return { name: "compare" };
  const topic = /^\/topik\/([a-z0-9_]+)$/.exec(p);
  if (topic) return { name: "topic", key: topic[1] };
  return { name: "notFound" };
}

/** Root component: picks the village (first, or ?desa=<id>) and renders the routed page. */
export function App() {
  const { t } = useI18n();
  const location = useLocationSnapshot();
  const url = new URL(location, window.location.origin);
  const route = matchRoute(url.pathname);
  const auth = useAuth();
  // A 401 means the session ended (expired, or logged out in another tab): drop cached data and
  // let the gate show the login page again.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryCache.clear();
      auth.refresh();
    });
    return () => setUnauthorizedHandler(null);
  }, [auth]);
  const villages = useVillages();

  const desa = Number(url.searchParams.get("desa"));
  const list = villages.data ?? [];
  const village = list.find((v) => v.id === desa) ?? list[0] ?? null;
  const defaultVillageId = list[0]?.id ?? null;

  useEffect(() => {
    const title = route.name === "explorer" ? t("nav.explorer") : route.name === "followUp" ? t("nav.followUp") : route.name === "sources" ? t("nav.sources") : route.name === "admin" ? t("nav.admin") : route.name === "compare" ? t("nav.compare") : route.name === "topic" ? route.key : t("nav.weekly");
    document.title = village ? `${title} · ${t("village.name", { name: village.name })} · ${t("app.name")}` : t("app.name");
  }, [route.name, village, t]);

  let content: ReactNode;
  if (villages.status === "loading") content = <LoadingState />;
  else if (villages.status === "error") content = <ErrorState error={villages.error} onRetry={villages.refetch} />;
  else if (!village) content = <EmptyState message={t("state.noVillages")} />;
  else if (route.name === "weekly") content = <WeeklyReview village={village} search={url.search} defaultVillageId={defaultVillageId} />;
  else if (route.name === "explorer")
    content = (
      <Suspense fallback={<LoadingState />}>
        <Explorer village={village} search={url.search} defaultVillageId={defaultVillageId} />
      </Suspense>
    );
  else if (route.name === "followUp")
    content = (
      <Suspense fallback={<LoadingState />}>
        <FollowUpPage village={village} search={url.search} defaultVillageId={defaultVillageId} />
      </Suspense>
    );
  else if (route.name === "sources")
    content = (
      <Suspense fallback={<LoadingState />}>
        <SourcesPage village={village} />
      </Suspense>
    );
  else if (route.name === "admin")
    content = (
      <Suspense fallback={<LoadingState />}>
        <AdminPage village={village} />
      </Suspense>
    );
  else if (route.name === "compare")
    content = (
      <Suspense fallback={<LoadingState />}>
        <ComparisonPage search={url.search} defaultVillageId={defaultVillageId} />
      </Suspense>
    );
  else if (route.name === "topic")
    content = (
      <Suspense fallback={<LoadingState />}>
        <TopicPage village={village} topicKey={route.key} search={url.search} defaultVillageId={defaultVillageId} />
      </Suspense>
    );
  else
    content = (
      <EmptyState message={t("state.notFound")}>
        <Link href="/">{t("state.backHome")}</Link>
      </EmptyState>
    );

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Header village={village} villages={list} route={route} defaultVillageId={defaultVillageId} />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <footer className="site-footer">
        <p>
          {t("app.name")} · {t("app.tagline")}
        </p>
      </footer>
    </>
  );
}

function Header({ village, villages, route, defaultVillageId }: { village: VillageDTO | null; villages: VillageDTO[]; route: Route; defaultVillageId: number | null }) {
  const { t } = useI18n();
  const isAdmin = useAuth().user.role === "admin";
  const villageId = village?.id ?? null;
  return (
    <header className="site-header">
      <div className="header-inner">
        <div className="brand">
          <Link href={villageHref("/", villageId, defaultVillageId)} className="brand-name">
            <span className="brand-mark" aria-hidden="true" />
            {t("app.name")}
          </Link>
          {village && villages.length > 1 ? (
            // Officials of several villages (or an admin) switch here; the choice lives in ?desa=.
            <select
              className="village-select"
              aria-label={t("village.label")}
              value={village.id}
              onChange={(e) => navigate(villageHref("/", Number(e.target.value), defaultVillageId))}
            >
              {villages.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("village.name", { name: v.name })}
                </option>
              ))}
            </select>
          ) : village && (
            <span className="brand-village">
              {t("village.name", { name: village.name })}
              <span className="brand-kab"> · {t("village.kabupaten", { kabupaten: village.kabupaten })}</span>
            </span>
          )}
        </div>
        <div className="header-tools">
          <UserMenu />
          <LanguageSwitch />
        </div>
      </div>
      <nav className="site-nav" aria-label={t("nav.label")}>
        <div className="header-inner">
          <Link href={villageHref("/", villageId, defaultVillageId)} aria-current={route.name === "weekly" ? "page" : undefined}>
            {t("nav.weekly")}
          </Link>
          <Link href={villageHref("/jelajahi", villageId, defaultVillageId)} aria-current={route.name === "explorer" ? "page" : undefined}>
            {t("nav.explorer")}
          </Link>
          <Link href={villageHref("/tindak-lanjut", villageId, defaultVillageId)} aria-current={route.name === "followUp" ? "page" : undefined}>
            {t("nav.followUp")}
          </Link>
          <Link href={villageHref("/sumber", villageId, defaultVillageId)} aria-current={route.name === "sources" ? "page" : undefined}>
            {t("nav.sources")}
          </Link>
          {villages.length > 1 && (
            // Only an official of several villages has anything to compare.
            <Link href={villageHref("/bandingkan", villageId, defaultVillageId)} aria-current={route.name === "compare" ? "page" : undefined}>
              {t("nav.compare")}
            </Link>
          )}
          {isAdmin && (
            <Link href={villageHref("/admin", villageId, defaultVillageId)} aria-current={route.name === "admin" ? "page" : undefined}>
              {t("nav.admin")}
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}

function UserMenu() {
  const { t } = useI18n();
  const auth = useAuth();
  const logout = async () => {
    await auth.logout();
    queryCache.clear();
  };
  return (
    <div className="user-menu">
      <span className="user-name" title={t("user.signedInAs", { name: auth.user.displayName })}>
        <span className="visually-hidden">{t("user.signedInAs", { name: "" })}</span>
        {auth.user.displayName}
      </span>
      <button type="button" className="header-button" onClick={() => void logout()}>
        {t("user.logout")}
      </button>
    </div>
  );
}
