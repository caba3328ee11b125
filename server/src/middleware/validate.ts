// Validates params/query/body with one zod schema per endpoint; a 400 names the failing field.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { badRequest } from "@suara-desa/core/errors";

/** A request whose `input` is the endpoint's params, query and body, parsed by its schema. */
export type ValidatedRequest<S extends z.ZodType> = Request & { input: z.infer<S> };

/** A route handler given the parsed input. */
export type ValidatedHandler<S extends z.ZodType> = (req: ValidatedRequest<S>, res: Response, next: NextFunction) => unknown;

/** Formats zod issues as "field: message; field2: message". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`)
    .join("; ");
}

/**
 * Merges req.params, req.query and req.body (in that order), validates them with `schema`, then
 * runs the middleware given (in order) and the handler, whose `req.input` is typed from the schema.
 * Express 5 forwards the handler's rejected promise to the error handler.
 */
export function validated<S extends z.ZodType>(schema: S, ...handlers: [...RequestHandler[], ValidatedHandler<S>]): RequestHandler[] {
  const middleware = handlers.slice(0, -1) as RequestHandler[];
  const handler = handlers[handlers.length - 1] as ValidatedHandler<S>;
  const parse: RequestHandler = (req, _res, next) => {
    const body = req.body && typeof req.body === "object" && !Array.isArray(req.body) ? req.body : {};
    if (Array.isArray(req.body)) return next(badRequest("body: must be a JSON object"));
    const result = schema.safeParse({ ...req.query, ...body, ...req.params });
    if (!result.success) return next(badRequest(describeIssues(result.error)));
    Object.assign(req, { input: result.data });
    next();
  };
  return [parse, ...middleware, (req, res, next) => handler(req as ValidatedRequest<S>, res, next)];
}
