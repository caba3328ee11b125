// Halaman publik: the switch (admins and the BPD chair) and the address to put in the village's bio.
import { useState } from "react";
import type { VillageDTO } from "@suara-desa/shared/contracts";
import { sendJson } from "../../api/client";
import { queryCache } from "../../api/queryCache";
import { useI18n } from "../../i18n";

export function PublicPagePanel({ village }: { village: VillageDTO }) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(Boolean(village.publicPage));
  const [error, setError] = useState<string | null>(null);
  const address = `${window.location.origin}/publik/${village.code}`;
  const toggle = async (on: boolean) => {
    setError(null);
    try {
      await sendJson(`/api/villages/${village.id}/public`, "PUT", { enabled: on });
      setEnabled(on);
      queryCache.invalidateAll();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="panel" aria-labelledby="public-title">
      <h2 id="public-title">{t("publicAdmin.title")}</h2>
      <p className="muted">{t("publicAdmin.intro")}</p>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => void toggle(e.target.checked)} />
        {t("publicAdmin.enable")}
      </label>
      {enabled && (
        <p>
          {t("publicAdmin.address")} <a href={address} target="_blank" rel="noopener noreferrer">{address}</a>
        </p>
      )}
      {error && <p className="tone-bad" role="alert">{error}</p>}
    </section>
  );
}
