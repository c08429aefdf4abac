/** The one way views build buttons, so an id and the meaning it is shown with never disagree. */
import { encodeAction, verbIntent, type Action } from '../actions.js';
import type { Button } from './reply.js';

/**
 * A button for `action`, meaning what its verb means (Respond a call to act, Close a step not to
 * take lightly) unless the view says more: a slot button passes the answer it shows.
 */
export function actionButton(action: Action, label: string, overrides: Pick<Button, 'intent' | 'disabled'> = {}): Button {
  const button: Button = { id: encodeAction(action), label };
  const intent = overrides.intent ?? verbIntent(action.verb);
  if (intent) button.intent = intent;
  if (overrides.disabled !== undefined) button.disabled = overrides.disabled;
  return button;
}
