/** One entry of a validation problem's `errors` list. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * An RFC 9457 problem answered by the API (`application/problem+json`). Extra members (such as `currentPost`
 * on a 409 stale-version) stay available in `body`.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: FieldError[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `Request failed (${status})`;
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    super(detail ?? title);
    this.name = 'ProblemError';
    this.status = status;
    this.type = typeof body.type === 'string' ? body.type : 'about:blank';
    this.title = title;
    this.detail = detail;
    this.instance = typeof body.instance === 'string' ? body.instance : undefined;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    this.body = body;
  }

  /** An extra member of the problem, e.g. `problem.extra<Post>('currentPost')`. */
  extra<T>(name: string): T | undefined {
    return this.body[name] as T | undefined;
  }

  /** True when the problem's `type` ends with this name, e.g. `is('stale-version')`. */
  is(name: string): boolean {
    return this.type === `/problems/${name}` || this.type.endsWith(`/${name}`);
  }
}

/** The request never got an answer (server down, network gone). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Cannot reach the server. Check your connection and try again.', { cause });
    this.name = 'NetworkError';
  }
}

/** A sentence a person can read, for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ProblemError) {
    if (error.errors.length > 0) {
      return error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    }
    return error.detail ? `${error.title}. ${error.detail}` : error.title;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return 'Something went wrong.';
}
