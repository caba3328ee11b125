// Logged-in test clients: a user with a role and villages, and supertest calls carrying its cookie.
import type { Express } from "express";
import request from "supertest";
import { SESSION_COOKIE } from "@suara-desa/core/auth/session";
import type { Role } from "@suara-desa/shared/auth";
import type { Database } from "@suara-desa/core/db/client";
import { createUser } from "@suara-desa/core/services/authService";

let seq = 0;

/** Creates a user and logs it in; returns its session cookie ("sd_session=…"). */
export async function loginAs(app: Express, db: Database, role: Role, villageIds: number[]): Promise<string> {
  seq++;
  const username = `${role}-${seq}`;
  const password = `sandi-rahasia-${seq}`;
  await createUser(db, { username, password, role, villageIds });
  return loginCookie(app, username, password);
}

/** Logs an existing account in through POST /api/auth/login; returns its session cookie. */
export async function loginCookie(app: Express, username: string, password: string): Promise<string> {
  const res = await request(app).post("/api/auth/login").send({ username, password }).expect(200);
  const cookies = res.headers["set-cookie"] as unknown as string[];
  return cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(";")[0];
}

/** supertest calls that carry a session cookie. */
export function as(app: Express, cookie: string) {
  return {
    get: (url: string) => request(app).get(url).set("Cookie", cookie),
    post: (url: string) => request(app).post(url).set("Cookie", cookie),
    patch: (url: string) => request(app).patch(url).set("Cookie", cookie),
    put: (url: string) => request(app).put(url).set("Cookie", cookie),
    delete: (url: string) => request(app).delete(url).set("Cookie", cookie),
  };
}
