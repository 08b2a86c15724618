import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { PasswordHasher } from '../ports/auth';

/** `Algorithm.Argon2id`; the package declares its enum `const`, which isolated modules cannot read. */
const argon2id = 2 as Algorithm;

export type Argon2Options = {
  /** KiB per hash; 19 MiB by default (OWASP's argon2id baseline: m=19 MiB, t=2, p=1). */
  readonly memoryCost?: number;
  readonly timeCost?: number;
};

/** The PasswordHasher port on argon2id (`@node-rs/argon2`, native, off the event loop). */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly options: Argon2Options = {}) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: argon2id,
      memoryCost: this.options.memoryCost ?? 19_456,
      timeCost: this.options.timeCost ?? 2,
      parallelism: 1,
    });
  }

  /** The parameters come from the stored hash, so older hashes still verify after a cost change. */
  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }
}
