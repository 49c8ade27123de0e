import type { AppError, ErrorCode } from '../../preload/contract/errors';

/**
 * An expected failure of the app itself (not a vendor's): its message is plain words for the user.
 * Anything else that reaches the IPC boundary is logged and answered with a generic `internal` error.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toAppError(): AppError {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}
