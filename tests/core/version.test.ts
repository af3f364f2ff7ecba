import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../src/core/version';

it('the version written into results is package.json’s', () => {
  expect(APP_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
});
