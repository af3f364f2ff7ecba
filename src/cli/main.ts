/** The Node entry of Agora's CLI: argv → exit code. Logging goes to stderr, results to stdout. */
import { webcrypto } from 'node:crypto';
import { displayText } from '../core/safeText';
import { HELP, parseArgs, UsageError } from './args';
import { compareCommand } from './compareCommand';
import { modelsCommand } from './modelsCommand';
import { runCommand, type Output } from './runCommand';
import { expectationsCommand } from './expectationsCommand';
import { reportCommand } from './reportCommand';
import { mergeCommand, sweepCommand } from './sweepCommand';

const out: Output = {
  stdout: (text) => process.stdout.write(text + '\n'),
  // Messages quote names and values from outside: no control sequence reaches the terminal.
  stderr: (text) => process.stderr.write(displayText(text, { multiline: true }) + '\n'),
};

function drawSeed(): number {
  return webcrypto.getRandomValues(new Uint32Array(1))[0];
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') out.stdout(HELP);
    else if (command.command === 'models') modelsCommand(command.json, out);
    else if (command.command === 'sweep') await sweepCommand(command, out);
    else if (command.command === 'merge') mergeCommand(command, out);
    else if (command.command === 'expectations') await expectationsCommand(command, out);
    else if (command.command === 'report') reportCommand(command, out);
    else if (command.command === 'compare') await compareCommand(command, out);
    else await runCommand(command, out, drawSeed);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      out.stderr(`agora: ${e.message}`);
      return 2;
    }
    out.stderr(`agora: internal error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
