// The action panel of any procedure (a case, a lead, and the procedures to come): one button per
// action the reader may take in the current state, as the API's `availability` says. An action
// whose precondition fails is shown disabled, its reason in a tooltip and in the button's
// accessible description ("调查人员不得少于 2 人（回避者不计）"); actions of other states are not shown.
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { ActionAvailability } from '../types/procedure';

export interface ProcedureActionsProps<A extends string> {
  availability: readonly ActionAvailability<A>[];
  /** The action's name on its button (a locale label). */
  labelOf(action: A): string;
  onAction(action: A): void;
  icons?: Partial<Record<A, ReactNode>>;
  /** The action that moves the procedure forward now: the primary button. */
  primary?: A;
  /** Actions shown as dangerous (a refusal, a dismissal). */
  danger?: readonly A[];
  /** Actions listed last, in this order of precedence (the forward steps); the rest come first. */
  forward?: ReadonlySet<A>;
  testIdPrefix?: string;
}

/** The actions to show: those available, and those of this state blocked by a precondition. */
export function shownActions<A extends string>(
  availability: readonly ActionAvailability<A>[],
  forward?: ReadonlySet<A>,
): ActionAvailability<A>[] {
  const shown = availability.filter((a) => a.available || a.blocked === 'precondition');
  if (!forward) return shown;
  return [...shown.filter((a) => !forward.has(a.action)), ...shown.filter((a) => forward.has(a.action))];
}

/** The reasons an action is not open, as one sentence list. */
export function reasonText(a: Pick<ActionAvailability, 'reasons'>): string {
  return a.reasons.map((r) => r.message).join('；');
}

export default function ProcedureActions<A extends string>({
  availability,
  labelOf,
  onAction,
  icons,
  primary,
  danger,
  forward,
  testIdPrefix = 'action-',
}: ProcedureActionsProps<A>) {
  return (
    <>
      {shownActions(availability, forward).map((a) => {
        const button = (
          <Button
            key={a.action}
            icon={icons?.[a.action]}
            type={a.available && a.action === primary ? 'primary' : 'default'}
            danger={danger?.includes(a.action)}
            disabled={!a.available}
            aria-description={a.available ? undefined : reasonText(a)}
            onClick={() => onAction(a.action)}
            data-testid={`${testIdPrefix}${a.action}`}
            data-blocked={a.available ? undefined : 'true'}
          >
            {labelOf(a.action)}
          </Button>
        );
        return a.available ? (
          button
        ) : (
          <Tooltip key={a.action} title={reasonText(a)}>
            {/* A disabled button fires no mouse events: the span carries the tooltip. */}
            <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
          </Tooltip>
        );
      })}
    </>
  );
}
