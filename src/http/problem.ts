import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { RequestProblem, type FieldProblem, type ProblemKind } from '../errors.js';
import { isStoreUnavailable } from '../store/store-errors.js';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: readonly FieldProblem[];
}

const STATUS: Record<ProblemKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  too_many: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problemBody(status: number, detail: string, errors?: readonly FieldProblem[]): Problem {
  return {
    type: `https://caveat.dev/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: readonly FieldProblem[],
) {
  const body = problemBody(status, detail, errors);
  return reply.status(status).type('application/problem+json').send(body);
}

/** Every error leaves as problem+json naming the field; only bugs become 500s. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | RequestProblem, request, reply) => {
    if (error instanceof RequestProblem) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, STATUS[error.kind], error.message, error.errors);
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      // ajv's summary of a bad key ("property name must be valid") repeats the precise issue.
      const issues = error.validation.filter((issue) => issue.keyword !== 'propertyNames');
      const errors = issues.map((issue) => {
        const params = issue.params as Record<string, unknown>;
        // A key refused by propertyNames: ajv names the key beside the issue, not in its path.
        const badName = 'propertyName' in issue && typeof issue.propertyName === 'string';
        const child =
          typeof params.missingProperty === 'string'
            ? `/${params.missingProperty}`
            : typeof params.additionalProperty === 'string'
              ? `/${params.additionalProperty}`
              : badName
                ? `/${String(issue.propertyName)}`
                : '';
        const field = `${where}${issue.instancePath}${child}`;
        const message =
          typeof params.additionalProperty === 'string'
            ? 'is not a known field'
            : badName
              ? `is not an allowed name: it ${issue.message ?? 'is invalid'}`
              : (issue.message ?? 'is invalid');
        return { field, message: typeof params.missingProperty === 'string' ? 'is required' : message };
      });
      const unique = errors.filter(
        (e, i) => errors.findIndex((o) => o.field === e.field && o.message === e.message) === i,
      );
      // A campaign spec that does not match the content shape is well-formed JSON whose content is
      // not a campaign: 422 naming the path, as the spec rules answer; anything else is a bad request.
      const specOnly = unique.length > 0 && unique.every((e) => e.field.startsWith('body/spec/'));
      return sendProblem(
        reply,
        specOnly ? 422 : 400,
        unique.map((e) => `${e.field} ${e.message}`).join('; '),
        unique,
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 500 && isStoreUnavailable(error)) {
      request.log.warn({ err: error }, 'store unavailable');
      reply.header('retry-after', '2');
      return sendProblem(reply, 503, 'store: unavailable; the request was not acknowledged, retry shortly', [
        { field: 'store', message: 'is unavailable' },
      ]);
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(
        reply,
        500,
        'Something went wrong on our side; the request changed nothing it did not report.',
      );
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, 413, 'body: is larger than this endpoint accepts', [
        { field: 'body', message: 'too large' },
      ]);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(reply, 415, 'content-type: send application/json', [
        { field: 'headers/content-type', message: 'must be application/json' },
      ]);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      const message = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'is empty' : 'is not valid JSON';
      return sendProblem(reply, 400, `body: ${message}`, [{ field: 'body', message }]);
    }
    if (status === 429) {
      // @fastify/rate-limit's own text ("Rate limit exceeded, retry in 1 minute") is for developers;
      // a person reads this, and Retry-After (set by the plugin) says the same to programs.
      const seconds = Number(reply.getHeader('retry-after'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? waitInWords(seconds) : 'a minute';
      return sendProblem(
        reply,
        429,
        `Too many requests from your address. Please wait ${wait} and try again.`,
        [{ field: 'request', message: `too many requests; wait ${wait}` }],
      );
    }
    return sendProblem(reply, status, `body: ${error.message}`, [{ field: 'body', message: error.message }]);
  });
  app.setNotFoundHandler((request, reply) => {
    const route = `${request.method} ${request.url.split('?')[0]}`;
    // The path itself is what is wrong: it names no route (or none for this method).
    return sendProblem(reply, 404, `No route ${route}`, [{ field: 'params', message: 'names no route' }]);
  });
}

function waitInWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
