/**
 * Errors that mean "the request was wrong", raised anywhere below HTTP and turned into
 * problem+json by the http layer. Anything else is a bug and becomes a 500.
 */
export type ProblemKind =
  'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthorized' | 'too_many' | 'unavailable';

export interface FieldProblem {
  /** Where in the request, e.g. body/destination/address or query/cursor. */
  field: string;
  message: string;
}

export class RequestProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'RequestProblem';
  }

  static invalid(field: string, message: string): RequestProblem {
    return new RequestProblem('invalid', `${field}: ${message}`, [{ field, message }]);
  }

  static notFound(field: string, message: string): RequestProblem {
    return new RequestProblem('not_found', `${field}: ${message}`, [{ field, message }]);
  }

  static conflict(field: string, message: string): RequestProblem {
    return new RequestProblem('conflict', `${field}: ${message}`, [{ field, message }]);
  }

  /** The store did not answer within the budget: nothing was acknowledged, so a retry is safe. */
  static unavailable(message: string, retryAfterSeconds: number): RequestProblem {
    const problem = new RequestProblem('unavailable', message, [
      { field: 'store', message: 'did not answer in time' },
    ]);
    problem.retryAfterSeconds = retryAfterSeconds;
    return problem;
  }

  retryAfterSeconds: number | undefined;
}
