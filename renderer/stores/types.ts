import type { AppError } from '../../preload/contract/errors';

/** Loading + error state of one action. */
export interface ActionState {
  pending: boolean;
  error: AppError | null;
}

export const IDLE: ActionState = { pending: false, error: null };
export const PENDING: ActionState = { pending: true, error: null };
