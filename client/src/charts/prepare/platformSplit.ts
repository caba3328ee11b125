// Per-platform sentiment for the week, in a fixed platform order so colours and rows do not jump.
import type { OverviewDTO, Platform, SentimentCounts } from "@suara-desa/shared/contracts";
import { sentimentShares } from "./sentimentTrend";

const ORDER: Record<Platform, number> = { facebook: 0, instagram: 1, x: 2, file: 3 };

export interface PlatformRow extends SentimentCounts {
  platform: Platform;
  comments: number;
  negativeShare: number | null;
}

/** Platform rows in a stable order; platforms without any comment this week are kept (count 0). */
export function buildPlatformRows(platforms: OverviewDTO["platforms"]): PlatformRow[] {
  return [...platforms]
    .sort((a, b) => (ORDER[a.platform] ?? 9) - (ORDER[b.platform] ?? 9))
    .map((p) => ({
      platform: p.platform,
      comments: p.comments,
      positif: p.positif,
      netral: p.netral,
      negatif: p.negatif,
      negativeShare: sentimentShares(p).negatif,
    }));
}
