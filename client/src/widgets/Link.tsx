// An <a href> that navigates inside the app (and still opens in a new tab when asked to).
import type { AnchorHTMLAttributes } from "react";
import { linkClick } from "../router";

/** In-app link; `href` must be a path starting with "/". */
export function Link({ onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...props}
      onClick={(e) => {
        onClick?.(e);
        linkClick(e);
      }}
    />
  );
}
