import type { Role } from '@spanner/contracts';
import { startSession } from '../lib/auth-session';
import { ada, engines, meAs, sessionAs, stubApi, type StubbedRequest } from './api-stub';
import { listPage, pipeline, vipTag } from './records';
import { jsonResponse } from './render';

type Answer = Response | ((request: StubbedRequest) => Response | Promise<Response>);

/**
 * Signs in as `role` and answers what every record page asks besides the record itself: the user,
 * the members and tags (names for ids), the pipelines, and empty related lists unless `answers` say
 * otherwise.
 */
export function stubRecordPage(answers: Record<string, Answer>, role: Role = 'member') {
  startSession(sessionAs(role));
  return stubApi({
    'GET /api/v1/me': jsonResponse(meAs(role)),
    [`GET /api/v1/organizations/${engines.id}/members`]: jsonResponse({ data: [{ userId: ada.id, email: ada.email, name: ada.name, role, joinedAt: ada.createdAt }] }),
    'GET /api/v1/tags': listPage([vipTag]),
    'GET /api/v1/pipelines': jsonResponse({ data: [pipeline] }),
    'GET /api/v1/deals': listPage([]),
    'GET /api/v1/tasks': listPage([]),
    ...answers,
  });
}

/** A 412 as the server sends it: the problem, and the record as it is now. */
export function staleResponse(current: unknown): Response {
  return jsonResponse(
    { type: 'urn:spanner:problem:precondition-failed', title: 'Precondition Failed', status: 412, detail: 'The record has changed since you read it.', requestId: 'req-test', current },
    { status: 412, headers: { 'content-type': 'application/problem+json' } },
  );
}

/** How long a test waits for a record page's first render: the user, the gate, then the record, on a busy machine. */
export const FIRST_RENDER = { timeout: 10_000 };
