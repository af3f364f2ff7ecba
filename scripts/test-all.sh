#!/usr/bin/env bash
# Every test of the project: static checks, unit and property tests, the production build and
# the browser tests. Runs every step even when one fails, then prints `N passed, N failed`
# counted from the runners' JSON reports, and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
mkdir -p .reports
rm -f .reports/*.json .reports/failed-steps

step() {
  local name=$1
  shift
  echo "── $name"
  if ! "$@"; then
    echo "$name" >> .reports/failed-steps
    echo "── $name FAILED"
  fi
}

# Browser for the Playwright tests: $AGORA_CHROMIUM, else Debian's Chromium, else Playwright's own.
if [ -z "${AGORA_CHROMIUM:-}" ] && [ -x /usr/bin/chromium ]; then
  export AGORA_CHROMIUM=/usr/bin/chromium
fi
if [ -z "${AGORA_CHROMIUM:-}" ]; then
  step "install Playwright's Chromium" npx playwright install chromium
fi

step typecheck npm run -s typecheck
step format npm run -s format:check
step lint npm run -s lint
step "import cycles" npm run -s cycles
step "unused files, exports and dependencies" npm run -s unused
step "unit and property tests" npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
step build npm run -s build
step "browser tests" npx playwright test

node scripts/summarize-tests.mjs .reports
