/** The page: model chooser, controls, the agent view with monitors, plots and the Info panel. */
import { useEffect, useId, useMemo, useState } from 'react';
import { t, tModel } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { findModel, MODELS } from '../models/registry';
import { AgentView } from './components/AgentView';
import { ConfirmDialog } from './components/ConfirmDialog';
import { Inspector } from './components/Inspector';
import { Clock, Monitors } from './components/Monitors';
import { ParamControls } from './components/ParamControls';
import { PlotPanel } from './components/PlotPanel';
import { RunControls } from './components/RunControls';
import { TimeSlider } from './components/TimeSlider';
import { ScenarioBar } from './components/ScenarioBar';
import { TablesPanel } from './components/TableEditor';
import { TimedChanges, VendorPanel } from './components/VendorPanel';
import { ViewLegend } from './components/ViewLegend';
import { LanguageChooser } from './components/LanguageChooser';
import { SeedField } from './components/SeedField';
import { comparedFrames } from './compare/comparedFrames';
import { ComparePanel, ForkButton } from './compare/ComparePanel';
import { ComparePlots } from './compare/ComparePlots';
import { useCompare } from './compare/compareStore';
import { ForkLevers } from './compare/ForkLevers';
import { ExperimentsPage } from './experiments/components/ExperimentsPage';
import { InterruptedBanner } from './experiments/components/InterruptedBanner';
import { openExperiments } from './experiments/experimentSession';
import { ExpectationsPage } from './expectations/ExpectationsPage';
import { LessonsButton } from './lessons/LessonGallery';
import { LessonPlayer } from './lessons/LessonPlayer';
import { Markdown } from './markdown';
import { importFile, startSession } from './openDocument';
import { installShortcuts, SHORTCUTS, VIEW_KEYS } from './shortcuts';
import { dismissMessage, saySafely } from './notices';
import { announceUpdate } from './offline';
import { useLanguage } from './language';
import { selectModel, showHelp, showPage, togglePresenter } from './session';
import { useApp } from './store';

function ShortcutRow({ keys, action }: { keys: string; action: MessageKey }) {
  return (
    <div className="help-row">
      <dt>
        <kbd>{keys}</kbd>
      </dt>
      <dd>{t(action)}</dd>
    </div>
  );
}

function ShortcutHelp() {
  const show = useApp((s) => s.showHelp);
  if (!show) return null;
  return (
    <div
      className="help-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="help-title"
      onClick={() => showHelp(false)}
    >
      <div className="help-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('shortcut.title')}</h2>
        <dl>
          {SHORTCUTS.map((s) => (
            <ShortcutRow key={s.keys} keys={s.keys} action={s.action} />
          ))}
        </dl>
        <h3>{t('shortcut.viewTitle')}</h3>
        <dl>
          {VIEW_KEYS.map((s) => (
            <ShortcutRow key={s.keys} keys={s.keys} action={s.action} />
          ))}
        </dl>
        <button type="button" autoFocus onClick={() => showHelp(false)}>
          {t('error.dismiss')}
        </button>
      </div>
    </div>
  );
}

/**
 * Every message at once, oldest first: an error is an alert, a notice a status, and the
 * surrounding live region announces each one added (a region mounted with its content is not
 * announced by every screen reader).
 */
function Messages() {
  const messages = useApp((s) => s.messages);
  return (
    <div className="banners" aria-live="polite">
      {messages.map((message) => (
        // Message text reaches the page only as React text children: inert, never markup.
        // Said at each render: the interface is drawn anew on a change of language, and so is each message.
        <div key={message.id} className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <span>{saySafely(message.say)}</span>
          {message.action && (
            <button
              type="button"
              onClick={() => {
                dismissMessage(message);
                message.action!.run();
              }}
            >
              {saySafely(message.action.label)}
            </button>
          )}
          <button type="button" onClick={() => dismissMessage(message)}>
            {t('error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

/** The interface, drawn in the locale on display (App draws it anew on a change of language). */
function Interface() {
  const modelId = useApp((s) => s.modelId);
  const appliedParams = useApp((s) => s.appliedParams);
  const model = findModel(modelId)!;
  // Texts a model draws on the canvas go through the translation layer like every other text.
  const portrayal = useMemo(() => {
    const p = model.portrayal(appliedParams);
    return {
      ...p,
      layers: p.layers.map((l) => ({
        ...l,
        label: tModel(model.id, `layer.${l.agents}`, l.label),
        grouping: l.grouping && { ...l.grouping, label: tModel(model.id, `grouping.${l.agents}`, l.grouping.label) },
      })),
      annotations: p.annotations?.map((a) => ({ ...a, text: tModel(model.id, `annotation.${a.text}`, a.text) })),
      legend: p.legend?.map((g) => ({
        ...g,
        title: tModel(model.id, `legend.${g.title}`, g.title),
        items: g.items.map((i) => ({ ...i, text: tModel(model.id, `legend.${i.text}`, i.text) })),
      })),
    };
  }, [model, appliedParams]);
  const modelSelectId = useId();
  const title = tModel(model.id, 'title', model.title);

  const [dragging, setDragging] = useState(false);
  const presenter = useApp((s) => s.presenter);
  const page = useApp((s) => s.page);
  const comparing = useCompare((s) => s.active);

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}${presenter ? ' presenter' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void importFile(file);
      }}
    >
      {dragging && <div className="drop-hint">{t('scenario.dropHere')}</div>}
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <button type="button" className="header-button" aria-pressed={presenter} onClick={togglePresenter}>
          {t('control.presenter')}
        </button>
        <button type="button" className="header-button" onClick={() => showHelp(true)}>
          {t('control.shortcuts')}
        </button>
        <button
          type="button"
          className="header-button"
          aria-pressed={page === 'experiments'}
          onClick={page === 'experiments' ? () => showPage('sandbox') : openExperiments}
        >
          {t('exp.open')}
        </button>
        <button
          type="button"
          className="header-button"
          aria-pressed={page === 'expectations'}
          onClick={() => showPage(page === 'expectations' ? 'sandbox' : 'expectations')}
        >
          {t('expect.open')}
        </button>
        <LessonsButton />
        <ScenarioBar />
        {/* A label and its chooser wrap to the next line together. */}
        <span className="header-field">
          <label htmlFor={modelSelectId} className="model-select">
            {t('control.model')}
          </label>
          <select id={modelSelectId} value={modelId} onChange={(e) => selectModel(e.target.value)}>
            {MODELS.map((m) => (
              <option key={m.id} value={m.id}>
                {tModel(m.id, 'title', m.title)}
              </option>
            ))}
          </select>
        </span>
        <LanguageChooser />
      </header>
      <Messages />
      <InterruptedBanner />
      <ShortcutHelp />
      <ConfirmDialog />
      {page === 'sandbox' && <LessonPlayer />}
      {page === 'expectations' ? (
        <ExpectationsPage />
      ) : page === 'experiments' ? (
        <ExperimentsPage />
      ) : (
        <main className="layout">
          <section className="panel controls" aria-labelledby="controls-heading">
            <h2 id="controls-heading">{t('panel.controls')}</h2>
            <RunControls />
            {/* The clock, the levers and the monitors beside Go: on a projector and a tablet without scrolling. */}
            <Clock />
            <VendorPanel model={model} />
            <ForkLevers model={model} />
            <Monitors />
            <TimedChanges model={model} />
            <SeedField />
            <h2>{t('panel.parameters')}</h2>
            <ParamControls model={model} />
          </section>
          <section className="panel view" aria-labelledby="view-heading">
            <h2 id="view-heading">{title}</h2>
            <ComparePanel model={model} />
            <AgentView
              modelId={model.id}
              portrayal={portrayal}
              label={t('view.label', { title })}
              frames={comparing ? comparedFrames : undefined}
            />
            <TimeSlider />
            <ForkButton />
            {portrayal.legend && <ViewLegend legend={portrayal.legend} />}
            <Inspector model={model} />
          </section>
          <section className="panel side" aria-labelledby="plots-heading">
            <h2 id="plots-heading">{t('panel.plots')}</h2>
            <ComparePlots model={model} />
            <PlotPanel model={model} />
            <h2 id="info-heading">{t('panel.info')}</h2>
            {/* Focusable: it scrolls, and the keyboard must scroll it too (axe: scrollable-region-focusable). */}
            <article className="info" aria-labelledby="info-heading" tabIndex={0}>
              {model.guide && <Markdown source={tModel(model.id, 'guide', model.guide)} />}
              <Markdown source={tModel(model.id, 'info', model.info)} />
            </article>
          </section>
        </main>
      )}
      {page === 'sandbox' && <TablesPanel model={model} />}
    </div>
  );
}

/**
 * The page. A change of language mounts the interface anew (its key), so that every text, the
 * canvas's included, is made again in the new locale; the session started here and the run, the
 * scenario and the plots' data, which live in stores outside React, go on untouched.
 */
export function App() {
  const locale = useLanguage((s) => s.locale);
  useEffect(() => {
    void startSession().then(announceUpdate);
    return installShortcuts();
  }, []);
  return <Interface key={locale} />;
}
