// Sending one alert to one channel: Telegram Bot API sendMessage, e-mail over SMTP (nodemailer),
// WhatsApp Cloud API template messages, or a JSON webhook signed with HMAC-SHA256. Each sender says
// whether the message went out, should be retried (and when), or can never go (and why, in words an
// admin understands).
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import { env, type Env } from "@suara-desa/core/env";
import type { AlertChannelRow } from "@suara-desa/core/db/alertRepository";
import type { AlertPayload } from "@suara-desa/core/services/alertService";
import { openSecret } from "@suara-desa/core/services/secretBox";

/** `final`: trying again cannot help (bad chat id, blocked bot, 5xx from SMTP); otherwise retry, after `retryAfterMs` when the service said so. */
export type SendOutcome = { ok: true } | { ok: false; final: boolean; retryAfterMs?: number; error: string };

export type AlertConfig = Pick<Env, "TELEGRAM_BOT_TOKEN" | "TELEGRAM_API_URL" | "SMTP_URL" | "MAIL_FROM" | "META_GRAPH_URL" | "WHATSAPP_TEMPLATE" | "WHATSAPP_TEMPLATE_LANG" | "HTTP_TIMEOUT_MS">;

export interface SendContext {
  messageId: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Settings over the process's (tests point the services at imitations). */
  config?: Partial<AlertConfig>;
  /** A file to attach (the Monday digest's PDF): e-mail attachment, Telegram document. */
  attachment?: { filename: string; content: Buffer };
}

function settings(ctx: SendContext): AlertConfig {
  return { ...env(), ...ctx.config };
}

const retry = (error: string, retryAfterMs?: number): SendOutcome => ({ ok: false, final: false, retryAfterMs, error });
const never = (error: string): SendOutcome => ({ ok: false, final: true, error });

async function post(url: string, body: unknown, headers: Record<string, string>, ctx: SendContext): Promise<{ status: number; json: unknown } | { networkError: string }> {
  try {
    const res = await (ctx.fetch ?? fetch)(url, {
      method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(ctx.timeoutMs ?? settings(ctx).HTTP_TIMEOUT_MS),
    });
    let json: unknown = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    return { status: res.status, json };
  } catch (e) {
    return { networkError: (e as Error).message };
  }
}

/** Telegram: 429 carries parameters.retry_after (seconds); 400/403 (chat not found, bot blocked) never succeed. */
async function sendTelegram(ch: AlertChannelRow, p: AlertPayload, ctx: SendContext): Promise<SendOutcome> {
  const token = settings(ctx).TELEGRAM_BOT_TOKEN;
  if (!token) return never("TELEGRAM_BOT_TOKEN belum diatur di server");
  const base = `${settings(ctx).TELEGRAM_API_URL.replace(/\/$/, "")}/bot${token}`;
  let r: Awaited<ReturnType<typeof post>>;
  if (ctx.attachment) {
    // sendDocument: multipart upload of the PDF with the summary as its caption (≤ 1024 characters).
    const form = new FormData();
    form.set("chat_id", ch.target);
    form.set("caption", p.text.slice(0, 1024));
    form.set("document", new Blob([new Uint8Array(ctx.attachment.content)], { type: "application/pdf" }), ctx.attachment.filename);
    try {
      const res = await (ctx.fetch ?? fetch)(`${base}/sendDocument`, { method: "POST", body: form, signal: AbortSignal.timeout(ctx.timeoutMs ?? settings(ctx).HTTP_TIMEOUT_MS) });
      let json: unknown = null;
      try {
        json = await res.json();
      } catch {
        json = null;
      }
      r = { status: res.status, json };
    } catch (e) {
      r = { networkError: (e as Error).message };
    }
  } else {
    r = await post(`${base}/sendMessage`, { chat_id: ch.target, text: p.text, disable_web_page_preview: true }, {}, ctx);
  }
  if ("networkError" in r) return retry(`Telegram tidak terjangkau: ${r.networkError}`);
  const body = (r.json ?? {}) as { ok?: boolean; description?: string; parameters?: { retry_after?: number } };
  if (r.status === 200 && body.ok) return { ok: true };
  if (r.status === 429) return retry("Telegram meminta jeda (terlalu banyak pesan)", (body.parameters?.retry_after ?? 30) * 1000);
  if (r.status >= 500) return retry(`Telegram error ${r.status}`);
  return never(`Telegram menolak: ${body.description ?? r.status}`);
}

let transport: { url: string; t: nodemailer.Transporter } | null = null;

/** E-mail: SMTP 4xx (greylisting, mailbox busy) and connection failures are retried; 5xx are final. */
async function sendEmail(ch: AlertChannelRow, p: AlertPayload, ctx: SendContext): Promise<SendOutcome> {
  const url = settings(ctx).SMTP_URL;
  if (!url) return never("SMTP_URL belum diatur di server");
  if (!transport || transport.url !== url) transport = { url, t: nodemailer.createTransport(url, { connectionTimeout: ctx.timeoutMs ?? settings(ctx).HTTP_TIMEOUT_MS, socketTimeout: ctx.timeoutMs ?? settings(ctx).HTTP_TIMEOUT_MS }) };
  try {
    await transport.t.sendMail({
      from: settings(ctx).MAIL_FROM, to: ch.target, subject: p.subject, text: p.text,
      attachments: ctx.attachment ? [{ filename: ctx.attachment.filename, content: ctx.attachment.content, contentType: "application/pdf" }] : undefined,
      // The same message id on every attempt lets mail clients drop a duplicate after a retry.
      messageId: `<peringatan-${ctx.messageId}@suara-desa>`,
    });
    return { ok: true };
  } catch (e) {
    const err = e as { responseCode?: number; message: string; code?: string };
    if (err.responseCode && err.responseCode >= 500) return never(`Server e-mail menolak (${err.responseCode}): ${err.message}`);
    return retry(`E-mail belum terkirim${err.responseCode ? ` (${err.responseCode})` : ""}: ${err.message}`);
  }
}

/** WhatsApp Cloud API: a template message (business-initiated) with the text as its one body parameter. */
async function sendWhatsApp(ch: AlertChannelRow, p: AlertPayload, ctx: SendContext): Promise<SendOutcome> {
  if (!ch.secret) return never("nomor pengirim WhatsApp belum diatur");
  const sealed = openSecret(ch.secret);
  const sep = sealed.indexOf(":");
  const phoneNumberId = sealed.slice(0, sep);
  const token = sealed.slice(sep + 1);
  // Template parameters may not hold line breaks or long runs of spaces.
  const body = p.text.replace(/\s*\n\s*/g, " · ").slice(0, 1000);
  const r = await post(`${settings(ctx).META_GRAPH_URL.replace(/\/$/, "")}/${phoneNumberId}/messages`, {
    messaging_product: "whatsapp", recipient_type: "individual", to: ch.target, type: "template",
    template: { name: settings(ctx).WHATSAPP_TEMPLATE, language: { code: settings(ctx).WHATSAPP_TEMPLATE_LANG }, components: [{ type: "body", parameters: [{ type: "text", text: body }] }] },
  }, { authorization: `Bearer ${token}` }, ctx);
  if ("networkError" in r) return retry(`WhatsApp tidak terjangkau: ${r.networkError}`);
  const json = (r.json ?? {}) as { messages?: Array<{ id: string }>; error?: { message?: string; code?: number } };
  if (r.status === 200 && json.messages?.length) return { ok: true };
  // 130429: rate limit; 131056: too many messages to one number; 80007: account rate limit.
  if (r.status === 429 || r.status >= 500 || [130429, 131056, 80007, 4, 80008].includes(json.error?.code ?? -1)) return retry(`WhatsApp meminta jeda: ${json.error?.message ?? r.status}`, 60_000);
  return never(`WhatsApp menolak: ${json.error?.message ?? r.status}`);
}

/** Webhook: JSON body signed with the channel's key (X-Suara-Desa-Signature: sha256=<hex>). */
async function sendWebhook(ch: AlertChannelRow, p: AlertPayload, ctx: SendContext, kind: string): Promise<SendOutcome> {
  if (!ch.secret) return never("kunci penanda tangan webhook hilang");
  const payload = { id: ctx.messageId, kind, village: ch.villageId, subject: p.subject, text: p.text, link: p.link, urgent: p.urgent };
  const raw = JSON.stringify(payload);
  const signature = createHmac("sha256", openSecret(ch.secret)).update(raw).digest("hex");
  try {
    const res = await (ctx.fetch ?? fetch)(ch.target, {
      method: "POST", body: raw, signal: AbortSignal.timeout(ctx.timeoutMs ?? settings(ctx).HTTP_TIMEOUT_MS),
      headers: { "content-type": "application/json", "x-suara-desa-signature": `sha256=${signature}`, "x-suara-desa-delivery": String(ctx.messageId) },
    });
    if (res.status >= 200 && res.status < 300) return { ok: true };
    if (res.status === 429 || res.status >= 500) return retry(`webhook menjawab ${res.status}`, Number(res.headers.get("retry-after") ?? 0) * 1000 || undefined);
    return never(`webhook menolak (${res.status})`);
  } catch (e) {
    return retry(`webhook tidak terjangkau: ${(e as Error).message}`);
  }
}

export async function sendAlert(ch: AlertChannelRow, kind: string, p: AlertPayload, ctx: SendContext): Promise<SendOutcome> {
  switch (ch.kind) {
    case "telegram":
      return sendTelegram(ch, p, ctx);
    case "email":
      return sendEmail(ch, p, ctx);
    case "whatsapp":
      return sendWhatsApp(ch, p, ctx);
    case "webhook":
      return sendWebhook(ch, p, ctx, kind);
    default:
      return never(`jenis saluran tidak dikenal: ${ch.kind}`);
  }
}
