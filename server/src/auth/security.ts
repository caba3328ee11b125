// Security headers (helmet) with a Content-Security-Policy that fits the Vite-built React client
// served from the same origin: bundled scripts only, inline styles allowed (React style props and
// chart.js set them), images from data:/blob: (chart downloads), no framing, no plugins.
import helmet from "helmet";

export interface SecurityHeaderOptions {
  /** True when served over TLS (directly or behind a proxy): adds HSTS and upgrade-insecure-requests. */
  tls?: boolean;
}

/** The CSP directives, exported so tests and docs can check them. */
export function cspDirectives(tls: boolean): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", "data:"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // Over plain http (the demo on a village laptop) upgrading would break every request.
    upgradeInsecureRequests: tls ? [] : null,
  };
}

/** helmet() configured for Suara Desa. */
export function securityHeaders(opts: SecurityHeaderOptions = {}) {
  const tls = opts.tls ?? false;
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(tls) },
    strictTransportSecurity: tls ? { maxAge: 180 * 24 * 60 * 60 } : false,
    referrerPolicy: { policy: "same-origin" },
  });
}
