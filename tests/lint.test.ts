/** The lint rules that keep core and models pure and deterministic really fire. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.message);
}

describe('lint', () => {
  it('bans clocks, Math.random, approximated Math, ** and UI imports in core and models', async () => {
    const code = [
      "import { create } from 'zustand';",
      'export const a = Math.random() + Math.sin(1) + 2 ** 3 + Date.now() + String(create);',
    ].join('\n');
    for (const file of ['src/core/probe.ts', 'src/models/probe.ts']) {
      const messages = (await rulesHit(code, file)).join('\n');
      expect(messages).toMatch(/import is restricted/);
      expect(messages).toMatch(/Math\.random/);
      expect(messages).toMatch(/Math\.sin/);
      expect(messages).toMatch(/\*\* is approximated/);
      expect(messages).toMatch(/Date\.now/);
    }
  });

  it('allows the same code in the UI', async () => {
    expect(await rulesHit('export const a = Math.random() + Date.now();\n', 'src/ui/probe.ts')).toEqual([]);
  });

  it('keeps the benchmark peers (AgentScript, Flocc) out of the app', async () => {
    for (const file of ['src/core/probe.ts', 'src/models/probe.ts', 'src/worker/probe.ts', 'src/ui/probe.ts']) {
      expect((await rulesHit("import { Agent } from 'flocc';\nexport const a = Agent;\n", file)).join('\n')).toMatch(
        /Benchmark peers stay in bench/,
      );
      expect(
        (await rulesHit("import * as AS from 'agentscript/dist/agentscript2d.js';\nexport const a = AS;\n", file)).join(
          '\n',
        ),
      ).toMatch(/Benchmark peers stay in bench/);
    }
    expect(await rulesHit("import { Agent } from 'flocc';\nexport const a = Agent;\n", 'bench/peers/probe.ts')).toEqual(
      [],
    );
  });

  it('checks the rules of hooks in the UI', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function Probe({ on }: { on: boolean }) {',
      '  if (on) useState(0);',
      '  return null;',
      '}',
    ].join('\n');
    expect((await rulesHit(code, 'src/ui/components/Probe.tsx')).join('\n')).toMatch(/called conditionally/);
  });
});
