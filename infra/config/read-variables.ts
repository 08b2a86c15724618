import { InvalidValue, type Variable } from './variable';
import { variables, type VariableName, type VariableValues } from './variables';

export type Env = Readonly<Record<string, string | undefined>>;

/** Shows a bad value without leaking secrets: passwords are hidden, URL credentials masked. */
function shown(variable: Variable<unknown>, raw: string): string {
  if (variable.secret) return '(value hidden)';
  return JSON.stringify(raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@'));
}

/** Reads every variable; returns the values and one problem line per bad variable. */
export function readVariables(env: Env): { values: VariableValues; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(variables) as [VariableName, Variable<unknown>][]) {
    const raw = env[name]?.trim();
    if (!raw) {
      values[name] = variable.fallback;
      continue;
    }
    try {
      values[name] = variable.parse(raw);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      problems.push(`${name} ${error.message}, got ${shown(variable, raw)}`);
      values[name] = variable.fallback;
    }
  }
  return { values: values as VariableValues, problems };
}
