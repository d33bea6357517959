import { z } from 'zod';

/** One invalid field of a request: `path` is the dotted location (`body.email`, `query.limit`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, the body of every API error (DESIGN.md §5). */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type FieldError = z.infer<typeof fieldErrorSchema>;
export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs; a client branches on `type`, not on `title`. */
export const problemTypes = {
  badRequest: 'urn:spanner:problem:bad-request',
  unauthorized: 'urn:spanner:problem:unauthorized',
  forbidden: 'urn:spanner:problem:forbidden',
  notFound: 'urn:spanner:problem:not-found',
  methodNotAllowed: 'urn:spanner:problem:method-not-allowed',
  conflict: 'urn:spanner:problem:conflict',
  preconditionFailed: 'urn:spanner:problem:precondition-failed',
  payloadTooLarge: 'urn:spanner:problem:payload-too-large',
  unsupportedMediaType: 'urn:spanner:problem:unsupported-media-type',
  validation: 'urn:spanner:problem:validation',
  rateLimited: 'urn:spanner:problem:rate-limited',
  internal: 'urn:spanner:problem:internal',
  unavailable: 'urn:spanner:problem:unavailable',
} as const;

export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes];
