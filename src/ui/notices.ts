/**
 * Messages for the person at the keyboard: errors and notices about failures and degraded
 * states. One never silently replaces another (issue 18: the model-version notice was lost when
 * a link replaced open work): they queue in the store, show together in live regions, and each
 * is dismissed on its own. Their text quotes names from outside, so it is made safe here once.
 */
import { displayText } from '../core/safeText';
import { useApp, type Message } from './store';

/** Shows `message` after those already shown; the same text again moves to the end instead of showing twice. */
export function notify(message: Message): void {
  const shown: Message = { ...message, text: displayText(message.text, { max: 2000 }) };
  useApp.setState((s) => ({ messages: [...s.messages.filter((m) => m.text !== shown.text), shown] }));
}

export function dismissMessage(message: Message): void {
  useApp.setState((s) => ({ messages: s.messages.filter((m) => m !== message) }));
}
