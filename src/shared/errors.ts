/** Error codes that cross every transport as `{ code, message }` data. */
export type ErrorCode =
  | 'invalid_request'
  | 'unknown_method'
  | 'not_found'
  | 'empty_file'
  | 'binary_file'
  | 'bad_encoding'
  | 'too_large'
  | 'unsupported_format'
  | 'read_failed'
  | 'encrypted'
  | 'damaged_file'
  | 'not_a_project'
  | 'newer_version'
  | 'damaged_project'
  | 'project_exists'
  | 'project_locked'
  | 'project_busy'
  | 'write_failed'
  | 'disk_full'
  | 'read_only'
  | 'unauthorized'
  | 'forbidden'
  | 'internal';

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export class ApiError extends Error implements ErrorData {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' && value !== null && typeof (value as ErrorData).code === 'string' && typeof (value as ErrorData).message === 'string'
  );
}
