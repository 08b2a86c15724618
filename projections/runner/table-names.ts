import type { SqlProjection, TableNames } from '../../infra/log-follower';

// Leaves room for the `_g<generation>` suffix and index suffixes within PostgreSQL's 63 characters.
const logicalNamePattern = /^[a-z_][a-z0-9_]{0,39}$/;

export function assertValidTableName(name: string): void {
  if (!logicalNamePattern.test(name)) {
    throw new TypeError(`Projection table name ${JSON.stringify(name)} must match ${logicalNamePattern}`);
  }
}

export function physicalTableName(logical: string, generation: number): string {
  return `${logical}_g${generation}`;
}

export function tableNamesFor(projection: SqlProjection, generation: number): TableNames {
  const owned = new Set(projection.tables);
  return {
    generation,
    get(logical: string): string {
      if (!owned.has(logical)) {
        throw new TypeError(`Projection ${projection.name} does not own a table named ${logical}`);
      }
      return physicalTableName(logical, generation);
    },
  };
}
