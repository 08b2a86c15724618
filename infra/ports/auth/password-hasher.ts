/** Slow, salted password hashing (argon2id); `verify` answers false for a wrong password, never throws for it. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
