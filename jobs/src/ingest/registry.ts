// Platform -> connector. Connectors are loaded lazily so a platform's client library is only
// required when a source of that platform runs.
import type { Connector, ConnectorContext } from "./connector";

export const API_PLATFORMS = ["x", "facebook", "instagram"] as const;
export type ApiPlatform = (typeof API_PLATFORMS)[number];

export function isApiPlatform(p: string): p is ApiPlatform {
  return (API_PLATFORMS as readonly string[]).includes(p);
}

/** Builds the connector for `platform`. */
export async function createConnector(platform: ApiPlatform, ctx: ConnectorContext): Promise<Connector> {
  switch (platform) {
    case "x":
      return (await import("./x/client")).createXClient(ctx);
    case "facebook":
      return (await import("./facebook/client")).createFacebookClient(ctx);
    case "instagram":
      return (await import("./instagram/client")).createInstagramClient(ctx);
  }
}

/** The API base URL a platform talks to. */
export function baseUrlFor(platform: ApiPlatform, urls: { xApiUrl: string; graphUrl: string }): string {
  return (platform === "x" ? urls.xApiUrl : urls.graphUrl).replace(/\/+$/, "");
}
