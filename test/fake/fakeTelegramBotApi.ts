// A local stand-in for the Telegram Bot API's sendMessage (https://core.telegram.org/bots/api#sendmessage):
// POST /bot<token>/sendMessage with a JSON body, answered like Telegram ({ ok: true, result: Message } or
// { ok: false, error_code, description }). Records each message with the time it arrived.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface TelegramMessage { chatId: string; text: string; receivedAt: number }

export interface FakeTelegram {
  url: string;
  messages: TelegramMessage[];
  close(): Promise<void>;
}

/** Starts the imitation on 127.0.0.1 (random port); only `token` is accepted. */
export async function startFakeTelegram(token: string): Promise<FakeTelegram> {
  const messages: TelegramMessage[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const receivedAt = Date.now();
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method !== "POST" || !req.url?.endsWith("/sendMessage")) return json(404, { ok: false, error_code: 404, description: "Not Found" });
      if (req.url !== `/bot${token}/sendMessage`) return json(401, { ok: false, error_code: 401, description: "Unauthorized" });
      let body: { chat_id?: unknown; text?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        return json(400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON object" });
      }
      if (!body.chat_id) return json(400, { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" });
      if (!body.text) return json(400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
      messages.push({ chatId: String(body.chat_id), text: String(body.text), receivedAt });
      json(200, {
        ok: true,
        result: {
          message_id: messages.length,
          from: { id: Number(token.split(":")[0]), is_bot: true, first_name: "Suara Desa", username: "suara_desa_bot" },
          chat: { id: Number(body.chat_id), title: "Perangkat Desa", type: "supergroup" },
          date: Math.floor(receivedAt / 1000),
          text: body.text,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
