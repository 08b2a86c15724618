import type { Overrides } from './harness';
import type { LoadGeneratorName } from './load-plan';
import { scenarios, type Scenario, type ScenarioName } from './scenarios';

/** `--generator`: one load generator, or both (each measurement once under each, baseline included). */
export type GeneratorChoice = LoadGeneratorName | 'both';
export const generatorChoices: readonly GeneratorChoice[] = ['autocannon', 'wrk', 'both'];

/** Scenarios measured under both load generators unless `--generator` says otherwise. */
const underBothByDefault: readonly ScenarioName[] = ['max', 'fixed-0.7', 'sold-out-0.5'];

/**
 * The load generators of one scenario: the choice, by default both for `max` (the headline) and issue
 * 13's rate scenarios (autocannon's own queueing shows in their latency on a small machine; wrk paced
 * by its script gives the comparison), autocannon elsewhere.
 */
export function generatorsFor(scenario: Scenario, choice: GeneratorChoice | undefined): LoadGeneratorName[] {
  const chosen = choice ?? (underBothByDefault.includes(scenario.name) ? 'both' : 'autocannon');
  return chosen === 'both' ? ['autocannon', 'wrk'] : [chosen];
}

/**
 * The scenarios in the order they run: scenarios offered a share of the baseline's `max` rate need
 * that rate from the same run, so `max` runs first (added when it was not asked for).
 */
export function orderScenarios(
  names: readonly ScenarioName[],
  baseline: boolean,
  overrides?: Overrides,
): ScenarioName[] {
  const relative = names.filter((name) => scenarios[name].rateOfBaselineMax !== undefined);
  if (relative.length === 0 || overrides?.overallRate !== undefined) return [...names];
  if (!baseline) {
    throw new Error(
      `${relative.join(', ')} offer a share of the baseline's max rate: use --baseline on or --rate`,
    );
  }
  return ['max', ...names.filter((name) => name !== 'max')];
}

/** The baseline's `max` rate measured so far in this run, per load generator. */
export type BaselineMax = Partial<Record<LoadGeneratorName, number>>;

/** Where a relative scenario's offered rate came from. */
export type RateReference = { readonly generator: LoadGeneratorName; readonly baselineMaxRps: number };

/**
 * The scenario with its offered rate for this run: `rateOfBaselineMax` × the baseline's `max` rate
 * measured under autocannon, under wrk when only wrk measured it. One rate for both load generators,
 * so their rows compare at the same offered load; autocannon's `max` because autocannon, whose own CPU
 * limits its `max`, has to offer that rate too.
 */
export function withOfferedRate(
  scenario: Scenario,
  baselineMax: BaselineMax,
  overrides?: Overrides,
): { scenario: Scenario; reference?: RateReference } {
  if (scenario.rateOfBaselineMax === undefined || overrides?.overallRate !== undefined) return { scenario };
  const generator = baselineMax.autocannon !== undefined ? 'autocannon' : 'wrk';
  const baselineMaxRps = baselineMax[generator];
  if (baselineMaxRps === undefined || baselineMaxRps <= 0) {
    throw new Error(`${scenario.name}: no baseline max rate measured earlier in this run`);
  }
  const overallRate = Math.max(1, Math.round(scenario.rateOfBaselineMax * baselineMaxRps));
  return { scenario: { ...scenario, overallRate }, reference: { generator, baselineMaxRps } };
}
