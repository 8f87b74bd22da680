/**
 * The app's state and the actions on it: which model is open, lever settings, saved scenarios,
 * charts, and the runs behind them. Views subscribe to topics and redraw what changed.
 */
import type { ModelBundle, ModelSummary, Scenario } from '../server/api-types.js';
import { api } from './api.js';
import { announce } from './dom.js';
import { currentLang, fmt, fmtShare, localized, t } from './i18n.js';
import { LabelIndex } from './labels.js';
import { isFractionUnit, translateUnit } from './units.js';
import { clampSettings, clampValue } from './lever-bounds.js';
import { storeSettings } from './settings-store.js';
import { defaultCharts, indicatorsFor, type Indicator } from './indicators.js';
import { buildLevers, changedSettings, type Lever, type LeverGroup } from './levers.js';
import { ModelClient, ModelLoadError, type Series } from './model/model-client.js';
import type { ModelFacts } from './model/protocol.js';
import type { BandResult } from './model/ensemble-bands.js';
import type { DominanceSummary } from './model/protocol.js';
import type { DiagramView } from '../sd/ir/diagram.js';

export type Topic = 'models' | 'model' | 'settings' | 'current' | 'baseline' | 'overlays' | 'scenarios' | 'charts' | 'bands';

export const MAX_OVERLAYS = 3;

export class AppState {
  models: ModelSummary[] = [];
  defaultId = '';
  modelId = '';
  bundle: ModelBundle | undefined;
  facts: ModelFacts | undefined;
  /** Display labels of variables and elements (the model's labels.json), es/en. */
  labels = new LabelIndex();
  loadError: ModelLoadError | Error | undefined;
  loading = false;
  /**
   * Why the last run with the current settings failed (e.g. a stock became NaN), if it did: the
   * error itself, so the page can show the Spanish it carries (error-text.ts), not only its English.
   */
  runError: Error | undefined;
  groups: LeverGroup[] = [];
  levers: Lever[] = [];
  /** Lever settings that differ from the model's defaults. */
  settings: Record<string, number> = {};
  charts: string[] = [];
  indicators: Indicator[] = [];
  scenarios: Scenario[] = [];
  overlay: string[] = [];
  /** The saved scenario the current settings came from, if any. */
  activeScenario: Scenario | undefined;
  baseline: Series | undefined;
  current: Series | undefined;
  overlays = new Map<string, Series>();
  /** Counts live runs drawn (superseded slider positions are never run); the latency benchmark waits on it. */
  drawSeq = 0;

  /** Uncertainty bands around the current scenario (when the model's profile names uncertain parameters). */
  bandsOn = false;
  bands: BandResult | undefined;
  /** The lever settings the bands were computed for (a settingsKey). */
  private bandsSettings = '';
  /** Why the last bands failed, as runError. */
  bandsError: Error | undefined;

  private readonly client = new ModelClient();
  /** A second worker for ensembles, so that bands never hold up a slider's run. */
  private bandClient: ModelClient | undefined;
  private bandClientModel = '';
  private bandTimer: ReturnType<typeof setTimeout> | undefined;
  private bandToken = 0;
  private readonly listeners = new Map<Topic, Set<() => void>>();
  private loadToken = 0;

  on(topic: Topic, f: () => void): () => void {
    if (!this.listeners.has(topic)) this.listeners.set(topic, new Set());
    this.listeners.get(topic)!.add(f);
    return () => this.listeners.get(topic)!.delete(f);
  }

  emit(topic: Topic): void {
    for (const f of [...(this.listeners.get(topic) ?? [])]) f();
  }

  async loadModels(): Promise<void> {
    const r = await api.models();
    this.models = r.models;
    this.defaultId = r.defaultId;
    this.emit('models');
  }

  /** Opens a model (compiling it in the worker) with optional initial lever settings. */
  async openModel(id: string, settings: Record<string, number> = {}, scenario?: Scenario): Promise<void> {
    const token = ++this.loadToken;
    this.loading = true;
    this.loadError = undefined;
    this.modelId = id;
    this.facts = undefined;
    this.baseline = this.current = undefined;
    this.overlays.clear();
    this.overlay = [];
    this.bandsOn = false;
    this.bands = undefined;
    this.emit('model');
    try {
      const [bundle, labels] = await Promise.all([api.model(id), api.labels(id).catch(() => ({}))]);
      this.labels = new LabelIndex(labels);
      const facts = await this.client.load(bundle.text, bundle.file, bundle.sheets);
      if (token !== this.loadToken) return;
      this.bundle = bundle;
      this.facts = facts;
      this.rebuildLevers();
      this.settings = this.checkedSettings(settings);
      this.activeScenario = scenario;
      this.charts = defaultCharts(facts.variables, facts.outputNames, bundle.profile);
      this.indicators = indicatorsFor(facts.outputNames, bundle.profile, this.charts);
      this.scenarios = (await api.scenarios(id)).scenarios;
    } catch (e) {
      if (token !== this.loadToken) return;
      this.loadError = e as Error;
    } finally {
      if (token === this.loadToken) {
        this.loading = false;
        this.emit('model');
      }
    }
    if (token === this.loadToken && this.facts) {
      this.emit('scenarios');
      this.settingsChanged();
      await this.rerunAll();
    }
  }

  /** A variable's name for readers: the profile's indicator label, the labels file, else the name as written. */
  displayName(name: string): string {
    const ind = this.indicators.find((i) => i.name === name);
    return (ind && localized(ind.label)) || this.labels.variable(name, currentLang()) || name;
  }

  /** The variable's units as written in the model. */
  rawUnits(name: string): string {
    const key = name.replace(/\[.*$/, '').toLowerCase().replace(/[_\s]+/g, ' ').trim();
    return this.facts?.variables.find((v) => v.key === key)?.units ?? '';
  }

  /** Whether a variable is shown as a percentage (the labels file says so). */
  isPercent(name: string): boolean {
    return this.labels.percent(name);
  }

  /** The units for readers: "%" for percentages, else translated (MSoles/Year → millones de soles/año). */
  displayUnits(name: string): string {
    const raw = this.rawUnits(name);
    if (this.isPercent(name) && (isFractionUnit(raw) || raw === '')) return '%';
    return translateUnit(raw, currentLang());
  }

  /** A value of the variable for readers: a percentage for rates and shares, else four significant digits. */
  formatValue(name: string, x: number | undefined): string {
    return this.isPercent(name) ? fmtShare(x) : fmt(x);
  }

  /** Labels depend on the language: rebuilt on a switch. */
  rebuildLevers(): void {
    if (!this.facts || !this.bundle) return;
    this.groups = buildLevers(this.facts.parameters, this.facts.variables, this.bundle.profile, {
      policy: t('modelLevers'),
      other: t('otherConstants'),
      label: (l) => localized(l.label) || undefined,
      fallbackLabel: (name) => this.labels.variable(name, currentLang()),
      units: (u) => translateUnit(u, currentLang()),
      help: (l) => localized(l.help) || undefined,
      group: (l) => localized(l.group) || undefined,
    });
    this.levers = this.groups.flatMap((g) => g.levers);
  }

  /** No run of the main worker is running or waiting. */
  get idle(): boolean {
    return this.client.idle;
  }

  lever(name: string): Lever | undefined {
    return this.levers.find((l) => l.name === name);
  }

  value(name: string): number {
    return this.settings[name] ?? this.lever(name)?.defaultValue ?? NaN;
  }

  /** Series the runs keep: charts and indicators. */
  columns(): string[] {
    return [...new Set([...this.charts, ...this.indicators.map((i) => i.name)])];
  }

  setLever(name: string, value: number): void {
    const l = this.lever(name);
    if (!l || Number.isNaN(value)) return;
    value = clampValue(l, value);
    if (value === l.defaultValue) delete this.settings[name];
    else this.settings[name] = value;
    this.settingsChanged();
    void this.runCurrent();
  }

  resetAll(): void {
    this.settings = {};
    this.settingsChanged();
    void this.runCurrent();
  }

  applySettings(settings: Record<string, number>, scenario?: Scenario): void {
    this.settings = changedSettings(this.levers, this.checkedSettings(settings));
    this.activeScenario = scenario;
    this.settingsChanged();
    void this.runCurrent();
  }

  /** Settings from outside (share link, stored, scenario) kept to known levers within range, saying what changed. */
  private checkedSettings(settings: Record<string, number>): Record<string, number> {
    const r = clampSettings(this.levers, settings);
    if (r.clamped.length > 0) announce(t('settingsClamped', { list: r.clamped.map((c) => `${c.label} ${fmt(c.given)} → ${fmt(c.value)}`).join('; ') }), 'error');
    if (r.unknown.length > 0) announce(t('settingsUnknown', { list: r.unknown.join(', ') }), 'error');
    return r.settings;
  }

  /** Every change of the settings is kept in local storage (a reload restores it) and announced. */
  private settingsChanged(): void {
    storeSettings(this.modelId, this.settings);
    this.emit('settings');
  }

  async runCurrent(): Promise<void> {
    if (!this.facts) return;
    const modelId = this.modelId;
    try {
      const r = await this.client.runLive({ ...this.settings }, this.columns());
      if (!r || modelId !== this.modelId) return;
      this.current = r;
      this.runError = undefined;
      this.drawSeq++;
      this.emit('current');
      if (this.bandsOn) this.scheduleBands();
    } catch (e) {
      if (modelId !== this.modelId) return;
      this.runError = e as Error;
      this.emit('current');
    }
  }

  async rerunAll(): Promise<void> {
    if (!this.facts) return;
    const modelId = this.modelId;
    try {
      const base = await this.client.run({}, this.columns());
      if (modelId !== this.modelId) return;
      this.baseline = base;
      this.emit('baseline');
      await this.runCurrent();
      await this.refreshOverlays(true);
    } catch (e) {
      // Runs dropped because another model was opened are expected; anything else is shown.
      if (modelId !== this.modelId) return;
      this.runError = e as Error;
      this.emit('current');
    }
  }

  async refreshOverlays(all = false): Promise<void> {
    const cols = this.columns();
    if (all) this.overlays.clear();
    for (const id of [...this.overlays.keys()]) if (!this.overlay.includes(id)) this.overlays.delete(id);
    for (const id of this.overlay) {
      if (this.overlays.has(id)) continue;
      const s = this.scenarios.find((x) => x.id === id);
      if (!s) continue;
      const known = new Set(this.levers.map((l) => l.name));
      const params = Object.fromEntries(Object.entries(s.params).filter(([k]) => known.has(k)));
      this.overlays.set(id, await this.client.run(params, cols));
    }
    this.emit('overlays');
  }

  toggleOverlay(id: string, on: boolean): boolean {
    if (on && !this.overlay.includes(id)) {
      if (this.overlay.length >= MAX_OVERLAYS) return false;
      this.overlay.push(id);
    } else if (!on) this.overlay = this.overlay.filter((x) => x !== id);
    void this.refreshOverlays();
    return true;
  }

  addChart(name: string): boolean {
    const out = this.facts?.outputNames.find((n) => n.toLowerCase() === name.trim().toLowerCase());
    if (!out || this.charts.includes(out)) return false;
    this.charts = [...this.charts, out];
    this.afterChartsChanged();
    return true;
  }

  removeChart(name: string): void {
    this.charts = this.charts.filter((c) => c !== name);
    this.afterChartsChanged();
  }

  private afterChartsChanged(): void {
    if (this.bundle && this.facts) this.indicators = indicatorsFor(this.facts.outputNames, this.bundle.profile, this.charts);
    this.emit('charts');
    void this.rerunAll();
  }

  /** A run with every output (exports) or chosen columns (explorer). */
  runWith(params: Record<string, number>, columns?: string[]): Promise<Series> {
    return this.client.run(params, columns);
  }

  /** Loop dominance over a run with these settings (the explorer's loops tab). */
  loopDominance(params: Record<string, number>): Promise<DominanceSummary> {
    return this.client.dominance(params);
  }

  /** The automatic diagram of one of the model's groups (laid out in the worker). */
  layoutGroup(group: number): Promise<DiagramView> {
    return this.client.layout(group);
  }

  // Uncertainty bands ------------------------------------------------------------------------

  get bandsAvailable(): boolean {
    return !!this.bundle?.uncertainty;
  }

  /** Bands computed for the settings on screen now (not for the ones before the last slider move). */
  get bandsCurrent(): BandResult | undefined {
    return this.bands && this.bandsSettings === settingsKey(this.settings) ? this.bands : undefined;
  }

  setBands(on: boolean): void {
    this.bandsOn = on && this.bandsAvailable;
    this.bands = undefined;
    this.bandsError = undefined;
    this.emit('bands');
    if (this.bandsOn) this.scheduleBands(0);
  }

  /** Bands follow the sliders once they rest for a moment (an ensemble costs tens of runs). */
  private scheduleBands(delayMs = 250): void {
    clearTimeout(this.bandTimer);
    this.bandTimer = setTimeout(() => void this.computeBands(), delayMs);
  }

  private async computeBands(): Promise<void> {
    const bundle = this.bundle;
    const u = bundle?.uncertainty;
    if (!bundle || !u || !this.bandsOn) return;
    const token = ++this.bandToken;
    try {
      this.bandClient ??= new ModelClient();
      if (this.bandClientModel !== bundle.id) {
        await this.bandClient.load(bundle.text, bundle.file, bundle.sheets);
        this.bandClientModel = bundle.id;
      }
      const settings = settingsKey(this.settings);
      const r = await this.bandClient.bands({ params: { ...this.settings }, columns: this.columns(), vary: u.parameters, runs: u.runs, seed: u.seed, percentiles: [5, 95] });
      if (token !== this.bandToken || !this.bandsOn || bundle !== this.bundle) return;
      this.bands = r;
      this.bandsSettings = settings;
      this.bandsError = undefined;
    } catch (e) {
      if (token !== this.bandToken) return;
      this.bands = undefined;
      this.bandsError = e as Error;
    }
    this.emit('bands');
  }

  // Scenarios -------------------------------------------------------------------------------

  async reloadScenarios(): Promise<void> {
    this.scenarios = (await api.scenarios(this.modelId)).scenarios;
    this.overlay = this.overlay.filter((id) => this.scenarios.some((s) => s.id === id));
    this.emit('scenarios');
    await this.refreshOverlays(true);
  }

  async saveScenario(name: string, description: string): Promise<Scenario> {
    const s = await api.createScenario({ modelId: this.modelId, name, description, params: { ...this.settings } });
    this.activeScenario = s;
    await this.reloadScenarios();
    this.emit('settings');
    return s;
  }

  async updateActiveScenario(): Promise<Scenario | undefined> {
    if (!this.activeScenario) return undefined;
    const s = await api.updateScenario(this.activeScenario.id, { params: { ...this.settings } });
    this.activeScenario = s;
    await this.reloadScenarios();
    return s;
  }

  loadScenario(s: Scenario): void {
    this.applySettings(s.params, s);
  }
}

/** Settings compared by value, whatever order the levers were moved in. */
function settingsKey(settings: Record<string, number>): string {
  return JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
