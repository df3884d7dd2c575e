/**
 * The boundary every transport passes through: an unknown method or a payload that does
 * not match the contract is refused here, before the service (and so the database) is
 * touched. Errors leave as `{ code, message }` data.
 */
import { contract, isMethodName } from '../shared/api';
import type { SourcebenchApi } from '../shared/api';
import type { ErrorData } from '../shared/errors';
import { ApiError } from '../shared/errors';
import { storageProblem } from './store/project';

export type Reply = { ok: true; value: unknown } | { ok: false; error: ErrorData };

export function validate(method: unknown, payload: unknown): { method: keyof SourcebenchApi; input: unknown } {
  if (!isMethodName(method)) {
    throw new ApiError('unknown_method', `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}`);
  }
  const parsed = contract[method].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'payload';
    throw new ApiError('invalid_request', `${method}: ${where}: ${issue.message}`);
  }
  return { method, input: parsed.data };
}

export async function dispatch(service: SourcebenchApi, method: unknown, payload: unknown): Promise<Reply> {
  try {
    const call = validate(method, payload);
    const fn = service[call.method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await fn.call(service, call.input) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
    // A write the disk refused: each statement is its own transaction or part of one, so nothing was half-written.
    const problem = storageProblem(err);
    if (problem === 'disk_full')
      return { ok: false, error: { code: 'disk_full', message: 'The disk is full: the change was not saved, and the project was left as it was' } };
    if (problem === 'read_only') {
      return {
        ok: false,
        error: {
          code: 'read_only',
          message: 'The project cannot be written (its file or folder is read-only): the change was not saved, and the project was left as it was',
        },
      };
    }
    return { ok: false, error: { code: 'internal', message: (err as Error)?.message ?? String(err) } };
  }
}
