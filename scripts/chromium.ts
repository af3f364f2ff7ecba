/**
 * Which Chromium the browser tests and the UI benchmark launch, and with which flags:
 * $AGORA_CHROMIUM, else Debian's package, else Playwright's own download
 * (`npx playwright install chromium` on a machine with internet).
 */
import { existsSync } from 'node:fs';

export const chromiumPath: string | undefined =
  process.env.AGORA_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const chromiumArgs: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
