import type { Doc, Filter } from '../../ports/document-store';

/** Whether a stored document matches; `compileSimpleFilter` builds one for the filters it understands. */
export type DocumentTest = (doc: Doc) => boolean;

type Scalar = string | number | boolean | null;
type ValueTest = (value: unknown) => boolean;

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A field name read from the top level: no path, no operator. */
const isTopLevelField = (field: string) => !field.includes('.') && !field.startsWith('$');

/** MongoDB's equality on a scalar: `null` also matches a missing field; an array matches by an element. */
function equalsScalar(target: Scalar): ValueTest {
  const equal = (value: unknown) => value === target || (target === null && value === undefined);
  return (value) => equal(value) || (Array.isArray(value) && value.some(equal));
}

/** `$lt` and friends on numbers or strings: only values of the same kind compare, as in MongoDB. */
function compares(operator: string, target: unknown): ValueTest | undefined {
  if (typeof target !== 'number' && typeof target !== 'string') return undefined;
  if (typeof target === 'number' && !Number.isFinite(target)) return undefined;
  const kind = typeof target;
  const holds: Record<string, (value: number | string) => boolean> = {
    $lt: (value) => value < target,
    $lte: (value) => value <= target,
    $gt: (value) => value > target,
    $gte: (value) => value >= target,
  };
  const test = holds[operator];
  if (!test) return undefined;
  const one = (value: unknown) => typeof value === kind && test(value as number | string);
  return (value) => one(value) || (Array.isArray(value) && value.some(one));
}

function operatorTest(operator: string, operand: unknown): ValueTest | undefined {
  switch (operator) {
    case '$eq':
      return isScalar(operand) ? equalsScalar(operand) : undefined;
    case '$ne': {
      if (!isScalar(operand)) return undefined;
      const equal = equalsScalar(operand);
      return (value) => !equal(value);
    }
    case '$in': {
      if (!Array.isArray(operand) || !operand.every(isScalar)) return undefined;
      const tests = operand.map(equalsScalar);
      return (value) => tests.some((test) => test(value));
    }
    case '$exists':
      return typeof operand === 'boolean' ? (value) => (value !== undefined) === operand : undefined;
    default:
      return compares(operator, operand);
  }
}

/** The test of one field's condition: a scalar (equality) or an object of operators. */
function fieldTest(condition: unknown): ValueTest | undefined {
  if (isScalar(condition)) return equalsScalar(condition);
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.entries(condition);
  if (operators.length === 0 || operators.some(([operator]) => !operator.startsWith('$'))) return undefined;
  const tests: ValueTest[] = [];
  for (const [operator, operand] of operators) {
    const test = operatorTest(operator, operand);
    if (!test) return undefined;
    tests.push(test);
  }
  return (value) => tests.every((test) => test(value));
}

/**
 * A plain function for the filters the read models and the notifier use: top-level fields compared
 * with scalars (equality, `$eq`, `$ne`, `$in`, `$lt`, `$lte`, `$gt`, `$gte`, `$exists`) and `$and` /
 * `$or` of such filters. Undefined for anything else (paths, dates, objects, other operators), which
 * mingo then evaluates. Compiling a mingo query costs far more than matching one document with it,
 * and most calls test one document. `simple-filter.test.ts` checks the answers against mingo's.
 */
export function compileSimpleFilter(filter: Filter): DocumentTest | undefined {
  const tests: DocumentTest[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' || field === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) return undefined;
      const parts: DocumentTest[] = [];
      for (const part of condition) {
        const test = isPlainObject(part) ? compileSimpleFilter(part) : undefined;
        if (!test) return undefined;
        parts.push(test);
      }
      tests.push(
        field === '$and'
          ? (doc) => parts.every((test) => test(doc))
          : (doc) => parts.some((test) => test(doc)),
      );
      continue;
    }
    if (!isTopLevelField(field)) return undefined;
    const test = fieldTest(condition);
    if (!test) return undefined;
    tests.push((doc) => test(doc[field]));
  }
  return (doc) => tests.every((test) => test(doc));
}
