// Account administration (admins; the policy is checked in userService).
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../auth/middleware";
import { PasswordSchema, UsernameSchema } from "@suara-desa/core/auth/password";
import { ROLES } from "@suara-desa/shared/auth";
import type { Database } from "@suara-desa/core/db/client";
import { validated } from "../middleware/validate";
import { createUserAsAdmin, listUsers, resetPassword, updateUser } from "@suara-desa/core/services/userService";

const VillageIds = z.array(z.number().int().positive()).max(1000);
const UserParams = z.object({ userId: z.coerce.number().int().positive() });

export const UserListSchema = z.object({});
export const UserCreateSchema = z.object({
  username: UsernameSchema,
  password: PasswordSchema,
  displayName: z.string().trim().max(80).optional(),
  role: z.enum(ROLES),
  villageIds: VillageIds.default([]),
});
export const UserUpdateSchema = UserParams.extend({
  displayName: z.string().trim().min(1).max(80).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
  villageIds: VillageIds.optional(),
});
export const UserPasswordSchema = UserParams.extend({ password: PasswordSchema });

/** Routes under /api/users (full paths; mount with app.use(usersRouter(db))). */
export function usersRouter(db: Database): Router {
  const router = Router();

  router.get("/api/users", requireAuth, validated(UserListSchema, async (req, res) => {
    res.json({ data: await listUsers(db, req.auth) });
  }));

  router.post("/api/users", requireAuth, validated(UserCreateSchema, async (req, res) => {
    res.status(201).json({ data: await createUserAsAdmin(db, req.auth, req.input) });
  }));

  router.patch("/api/users/:userId", requireAuth, validated(UserUpdateSchema, async (req, res) => {
    const { userId, ...patch } = req.input;
    res.json({ data: await updateUser(db, req.auth, userId, patch) });
  }));

  router.post("/api/users/:userId/password", requireAuth, validated(UserPasswordSchema, async (req, res) => {
    res.json({ data: await resetPassword(db, req.auth, req.input.userId, req.input.password) });
  }));

  return router;
}
