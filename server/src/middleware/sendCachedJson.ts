// A view served from the per-village cache is the same object on every hit: its JSON text is made
// once. The Tindak Lanjut inbox page is ~70 KB (50 cases, each with its representative comment);
// serialising it on every request was most of a cached request's time under load.
import type { Response } from "express";

const texts = new WeakMap<object, string>();

/** Sends `body` as JSON, serialised once per object (the object must not change after it is sent). */
export function sendCachedJson(res: Response, body: object): void {
  let text = texts.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    texts.set(body, text);
  }
  res.type("json").send(text);
}
