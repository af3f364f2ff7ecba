/**
 * Controls generated from the model's parameter schema: sliders for numbers, selects for
 * choices, checkboxes for switches, a JSON editor for lists and tables. Each shows whether
 * it applies live or at Setup, and marks a change not yet applied.
 */
import { useId, useState } from 'react';
import type { Model, ParamSection } from '../../core/model';
import { validateValue, type ParamSpec } from '../../core/params';
import { t, tModel } from '../../i18n';
import { useLiveValue } from '../liveValues';
import { setParam } from '../session';
import { useApp } from '../store';
import { parseJsonText } from '../../core/jsonDocument';
import { localSpec } from '../localSpec';
import { problemText } from '../problemText';

function formatNumber(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
  return value.toFixed(decimals);
}

function JsonEditor({ name, spec, value, label }: { name: string; spec: ParamSpec; value: unknown; label: string }) {
  const [text, setText] = useState(JSON.stringify(value));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <textarea
        aria-label={label}
        value={text}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseJsonText(e.target.value);
          if (!parsed.ok) return setError(t('param.invalidJson', { problem: parsed.message }));
          const checked = validateValue(spec, parsed.value, name);
          if (!checked.ok) return setError(problemText(checked.errors[0].message));
          setError(null);
          setParam(name, checked.value);
        }}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function Control({ model, name, spec }: { model: Model; name: string; spec: ParamSpec }) {
  const base = useApp((s) => s.params[name]);
  const applied = useApp((s) => s.appliedParams[name]);
  // A live parameter shows its value in the run (timed changes included); the others the next Setup's.
  const live = useLiveValue(model, name);
  const value = spec.apply === 'live' && base === applied ? live : base;
  const pending = JSON.stringify(base) !== JSON.stringify(applied);
  const label = tModel(model.id, `param.${name}.label`, spec.label);
  const descriptionId = useId();
  const describedBy = spec.description ? descriptionId : undefined;
  const badge = (
    <span className={`apply ${spec.apply}`} title={spec.apply === 'live' ? t('control.live') : t('control.needsSetup')}>
      {pending ? t('control.pendingSetup') : spec.apply === 'live' ? t('control.live') : t('control.needsSetup')}
    </span>
  );
  let input: React.ReactNode;
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const n = value as number;
      // A value set elsewhere (file, CLI) may lie outside the slider's range: widen it to show it.
      const min = Math.min(spec.uiMin, n);
      const max = Math.max(spec.uiMax, n);
      input = (
        <>
          <input
            type="range"
            aria-label={label}
            aria-describedby={describedBy}
            min={min}
            max={max}
            step={spec.step}
            value={n}
            aria-valuetext={`${formatNumber(n, spec.step)}${spec.unit ? ` ${spec.unit}` : ''}`}
            onChange={(e) =>
              setParam(name, spec.kind === 'int' ? Math.round(Number(e.target.value)) : Number(e.target.value))
            }
          />
          <span className="value" aria-hidden="true">
            {formatNumber(n, spec.step)}
            {spec.unit ? ` ${spec.unit}` : ''}
          </span>
        </>
      );
      break;
    }
    case 'choice':
      input = (
        <select
          aria-label={label}
          aria-describedby={describedBy}
          value={value as string}
          onChange={(e) => setParam(name, e.target.value)}
        >
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {tModel(model.id, `param.${name}.option.${o.value}`, o.label)}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      input = (
        <input
          type="checkbox"
          aria-label={label}
          aria-describedby={describedBy}
          checked={value as boolean}
          onChange={(e) => setParam(name, e.target.checked)}
        />
      );
      break;
    case 'text':
      input = (
        <input
          type="text"
          aria-label={label}
          aria-describedby={describedBy}
          value={value as string}
          maxLength={spec.maxLength}
          onChange={(e) => setParam(name, e.target.value)}
        />
      );
      break;
    default:
      // Lists: JSON text, checked by the shared validator.
      input = <JsonEditor name={name} spec={spec} value={value} label={label} />;
  }
  const description = spec.description ? tModel(model.id, `param.${name}.description`, spec.description) : null;
  return (
    // The description shows while the control has focus or the pointer is over it. A tap on a
    // slider does not focus it in every browser: a press anywhere on the control does.
    <div
      className={`param${pending ? ' pending' : ''}`}
      onPointerDown={(e) => {
        if (!e.currentTarget.contains(document.activeElement))
          e.currentTarget.querySelector<HTMLElement>('input, select, textarea')?.focus();
      }}
    >
      <div className="param-head">
        <span className="param-label" aria-hidden="true">
          {label}
        </span>
        {badge}
      </div>
      <div className="param-input">{input}</div>
      {description && (
        <p className="param-description" id={descriptionId}>
          {description}
        </p>
      )}
    </div>
  );
}

/** The model's sections, each with the names of its parameters; parameters in none go last, untitled. */
function sectionsOf(model: Model, names: readonly string[]): { section: ParamSection | null; names: string[] }[] {
  const taken = new Set<string>();
  const matches = (pattern: string, name: string) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
  const sections = (model.paramSections ?? []).map((section) => {
    const inSection = names.filter((n) => !taken.has(n) && section.params.some((p) => matches(p, n)));
    inSection.forEach((n) => taken.add(n));
    return { section, names: inSection };
  });
  const rest = names.filter((n) => !taken.has(n));
  return [...sections.filter((s) => s.names.length > 0), ...(rest.length ? [{ section: null, names: rest }] : [])];
}

export function ParamControls({ model }: { model: Model }) {
  // Tables have their own editors (TablesPanel).
  const names = Object.keys(model.params).filter((name) => model.params[name].kind !== 'table');
  const controls = (list: readonly string[]) =>
    list.map((name) => (
      <Control
        key={`${model.id}.${name}`}
        model={model}
        name={name}
        spec={localSpec(model, `param.${name}`, model.params[name])}
      />
    ));
  return (
    <div className="params">
      {sectionsOf(model, names).map(({ section, names: list }) =>
        section ? (
          <details key={`${model.id}.${section.title}`} className="param-section" open={section.open}>
            <summary>
              {tModel(model.id, `section.${section.title}`, section.title)}{' '}
              <span className="param-count">({list.length})</span>
            </summary>
            {controls(list)}
          </details>
        ) : (
          <div key={`${model.id}.rest`}>{controls(list)}</div>
        ),
      )}
    </div>
  );
}
