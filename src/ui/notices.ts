/**
 * Messages for the person at the keyboard: errors and notices about failures and degraded
 * states. One never silently replaces another (issue 18: the model-version notice was lost when
 * a link replaced open work): they queue in the store, show together in live regions, and each
 * is dismissed on its own. A message keeps how to say it, not its words, so a change of language
 * says it anew; its text quotes names from outside, so it is made safe here, where it is said.
 */
import { displayText } from '../core/safeText';
import { useApp, type Message, type ShownMessage, type Wording } from './store';

/** Says `wording` in the locale on display, with names from outside in it made safe. */
export const saySafely = (wording: Wording): string => displayText(wording(), { max: 2000 });

let lastId = 0;

/** Shows `message` after those already shown; the same text again moves to the end instead of showing twice. */
export function notify(message: Message): void {
  const shown: ShownMessage = { ...message, id: ++lastId };
  const said = saySafely(shown.say);
  useApp.setState((s) => ({ messages: [...s.messages.filter((m) => saySafely(m.say) !== said), shown] }));
}

export function dismissMessage(message: ShownMessage): void {
  useApp.setState((s) => ({ messages: s.messages.filter((m) => m !== message) }));
}
