import type { ServiceIdentifier } from 'inversify';
import type { SystemReport } from '../../metrics';

/** What the admin queries module binds. */
export const AdminTokens = {
  /** This process's figures for the System page, with its ring of counter snapshots. */
  SystemReport: Symbol('SystemReport') as ServiceIdentifier<SystemReport>,
} as const;
