// Any procedure's actions as the API serves them (the engine's actionAvailability,
// src/core/workflow/engine.ts): each action the reader could take, available now or not, and why.
import type { Blocked } from '../../../src/core/workflow/engine';

export type { Blocked };

export interface ActionAvailability<A extends string = string> {
  action: A;
  /** The action's name in Chinese, from the procedure's declaration. */
  label: string;
  available: boolean;
  blocked: Blocked | null;
  reasons: { path: string; message: string }[];
}
