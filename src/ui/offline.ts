/**
 * Offline use (issue 17): registers the service worker that vite-plugin-pwa generates (it
 * precaches every built file, see vite.config.ts) and tells the person, quietly and once, when a
 * visit runs a new version. A new version's service worker takes over in the background while
 * the old page keeps running (its simulation and experiment workers run from the Blob copies
 * workerScripts.ts kept, so the swap of cached files cannot break them); the page is not reloaded
 * under the person's work, and the next visit runs the new version. In the dev server the
 * plugin's register is a no-op, so nothing is ever cached there.
 */
import { registerSW } from 'virtual:pwa-register';
import { t } from '../i18n';
import { notify } from './notices';

/** Set when a new version took over during a visit; the next visit says so once and clears it. */
const UPDATED_KEY = 'agora.updated';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Whether this visit is the first of a new version; read before this visit's worker can set the note. */
let updated = false;

/** Registers the service worker (at start-up, before the page needs the network again). */
export function startOfflineSupport(): void {
  const store = storage();
  updated = store?.getItem(UPDATED_KEY) != null;
  store?.removeItem(UPDATED_KEY);
  registerSW({
    immediate: true,
    // Instead of reloading the page (the plugin's default), leave a note for the next visit.
    onNeedReload: () => {
      try {
        storage()?.setItem(UPDATED_KEY, '1');
      } catch {
        // Storage refused: the new version still runs next time, only without the notice.
      }
    },
  });
}

/** Says that a new version runs; after the session's first Setup, which clears the notices. */
export function announceUpdate(): void {
  if (updated) notify({ kind: 'notice', say: () => t('offline.updated') });
  updated = false;
}
