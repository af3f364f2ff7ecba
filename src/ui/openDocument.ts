/**
 * Documents into the app whatever they hold: a link (in the address bar, or reached by Back and
 * Forward) or a file opens a scenario in the sandbox or an experiment on its page. It sits above
 * the scenario and the experiment sessions so that neither has to import the other.
 */
import { isExperimentDocument } from '../core/experiment/schema';
import { decodeScenarioLink, fragmentOf } from '../core/scenarioLink';
import { t } from '../i18n';
import { openExperimentDocument } from './experiments/experimentSession';
import {
  addressShows,
  followScenario,
  linkOpened,
  loadScenario,
  offerWorkSetAside,
  restoreWork,
  setWorkAside,
} from './scenarioSession';
import { setup } from './session';
import { useApp, type Message } from './store';
import { parseJsonText } from '../core/jsonDocument';
import { displayText } from '../core/safeText';
import { notify } from './notices';

/** Largest file accepted, in bytes. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Opens a decoded document: an experiment on its page (its scenario in the sandbox), else a
 * scenario. Returns false, with an alert naming the problem, when it is neither; nothing changes then.
 */
function openDocument(document: unknown, source: string): boolean {
  return isExperimentDocument(document) ? openExperimentDocument(document, source) : loadScenario(document, source);
}

async function openLink(text: string): Promise<boolean> {
  const decoded = await decodeScenarioLink(text);
  if (!decoded.ok) {
    notify({
      kind: 'error',
      text: t('scenario.refused', { source: t('scenario.link'), problem: decoded.error.message }),
    });
    return false;
  }
  linkOpened(fragmentOf(text));
  return openDocument(decoded.document, t('scenario.link'));
}

export async function importFile(file: File): Promise<void> {
  const source = t('scenario.file', { name: displayText(file.name, { max: 80 }) });
  if (file.size > MAX_FILE_BYTES) {
    notify({
      kind: 'error',
      text: t('scenario.refused', { source, problem: t('scenario.fileTooLarge', { max: MAX_FILE_BYTES / 1024 }) }),
    });
    return;
  }
  const document = parseJsonText(await file.text());
  if (!document.ok) {
    notify({
      kind: 'error',
      text: t('scenario.refused', { source, problem: t('scenario.notJson', { problem: document.message }) }),
    });
    return;
  }
  if (openDocument(document.value, source)) notify({ kind: 'notice', text: t('scenario.opened', { source }) });
}

/**
 * Opens the link in the address bar if there is one (the work it displaces stays
 * restorable), else the work kept from last time, else the default scenario.
 */
export async function startSession(): Promise<void> {
  window.addEventListener('popstate', () => {
    const fragment = fragmentOf(location.hash);
    if (fragment && !addressShows(fragment)) void openLink(location.hash);
  });
  followScenario();
  let refusal: readonly Message[] = [];
  if (fragmentOf(location.hash)) {
    const setAside = setWorkAside();
    const opened = await openLink(location.hash);
    if (opened && setAside) offerWorkSetAside();
    if (opened) return;
    refusal = useApp.getState().messages;
  }
  if (!restoreWork()) setup();
  // Setup clears messages: say again why the link was not opened.
  for (const message of refusal) notify(message);
}
