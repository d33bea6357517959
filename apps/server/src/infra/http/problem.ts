import { PROBLEM_CONTENT_TYPE, problemTypes, type FieldError, type Problem } from '@spanner/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

const TYPE_BY_STATUS: Record<number, string> = {
  400: problemTypes.badRequest,
  401: problemTypes.unauthorized,
  403: problemTypes.forbidden,
  404: problemTypes.notFound,
  405: problemTypes.methodNotAllowed,
  409: problemTypes.conflict,
  412: problemTypes.preconditionFailed,
  413: problemTypes.payloadTooLarge,
  415: problemTypes.unsupportedMediaType,
  422: problemTypes.validation,
  429: problemTypes.rateLimited,
  503: problemTypes.unavailable,
};

export interface ProblemInput {
  status: number;
  detail?: string;
  type?: string;
  title?: string;
  errors?: FieldError[];
  /** Response headers that belong to the problem (Retry-After on a 429). */
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2): the current record of a 412, the per-item results of a bulk call. */
  extensions?: Record<string, unknown>;
}

/** An error a handler throws to answer with a specific problem (a 404, a 409…). */
export class HttpProblem extends Error {
  constructor(readonly problem: ProblemInput) {
    super(problem.detail ?? STATUS_CODES[problem.status] ?? 'Error');
    this.name = 'HttpProblem';
  }
}

export function buildProblem(request: FastifyRequest, input: ProblemInput): Problem {
  return {
    type: input.type ?? TYPE_BY_STATUS[input.status] ?? (input.status >= 500 ? problemTypes.internal : problemTypes.badRequest),
    title: input.title ?? STATUS_CODES[input.status] ?? 'Error',
    status: input.status,
    ...(input.detail ? { detail: input.detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(input.errors ? { errors: input.errors } : {}),
    ...input.extensions,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, input: ProblemInput): FastifyReply {
  if (input.headers) reply.headers(input.headers);
  return reply.status(input.status).type(PROBLEM_CONTENT_TYPE).send(buildProblem(request, input));
}
