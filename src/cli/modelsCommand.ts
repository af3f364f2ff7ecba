/** `agora models`: the library's models and their parameters, for people and scripts. */
import type { ParamSpec } from '../core/params';
import { MODELS } from '../models/registry';
import type { Output } from './runCommand';

function describeSpec(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return `${spec.kind} ${spec.min}…${spec.max}`;
    case 'choice':
      return `one of ${spec.options.map((o) => o.value).join('|')}`;
    default:
      return spec.kind;
  }
}

export function modelsCommand(json: boolean, out: Output): void {
  if (json) {
    out.stdout(JSON.stringify(MODELS.map((m) => ({ id: m.id, version: m.version, title: m.title, params: m.params }))));
    return;
  }
  for (const m of MODELS) {
    out.stdout(`${m.id} (v${m.version}) — ${m.title}: ${m.summary}`);
    for (const [name, spec] of Object.entries(m.params)) {
      const when = spec.apply === 'live' ? 'live' : 'at Setup';
      out.stdout(
        `  ${name.padEnd(20)} ${describeSpec(spec).padEnd(24)} default ${JSON.stringify(spec.default)}, applies ${when} — ${spec.label}`,
      );
    }
  }
}
