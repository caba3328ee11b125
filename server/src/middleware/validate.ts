// Validates params/query/body with one zod schema per endpoint; a 400 names the failing field.
import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";
import { badRequest } from "@suara-desa/core/errors";

declare module "express-serve-static-core" {
  interface Request {
    input?: unknown;
  }
}

/** Formats zod issues as "field: message; field2: message". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`)
    .join("; ");
}

/** Merges req.params, req.query and req.body (in that order) and validates them into req.input. */
export function validate(schema: z.ZodType) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const body = req.body && typeof req.body === "object" && !Array.isArray(req.body) ? req.body : {};
    if (Array.isArray(req.body)) return next(badRequest("body: must be a JSON object"));
    const result = schema.safeParse({ ...req.query, ...body, ...req.params });
    if (!result.success) return next(badRequest(describeIssues(result.error)));
    req.input = result.data;
    next();
  };
}
