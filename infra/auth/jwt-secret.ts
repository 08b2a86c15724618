import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minimumSecretLength } from './jwt-access-tokens';

export type JwtSecretSource = {
  readonly secret: string;
  readonly source: 'JWT_SECRET' | 'generated' | 'file';
  readonly file?: string;
};

export const jwtSecretFileName = 'jwt-secret';

async function readSecretFile(file: string): Promise<string | undefined> {
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length < minimumSecretLength) {
      throw new Error(
        `JWT_SECRET: ${file} holds fewer than ${minimumSecretLength} characters; delete it or set JWT_SECRET`,
      );
    }
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The key that signs access tokens: `JWT_SECRET` when set; otherwise (embedded mode) the one kept in
 * `<DATA_DIR>/jwt-secret`, generated on first start with mode 0600, so tokens survive restarts.
 * Two processes starting together on one DATA_DIR agree: only one creates the file (`wx`).
 */
export async function resolveJwtSecret(config: {
  jwtSecret: string | undefined;
  dataDir: string;
}): Promise<JwtSecretSource> {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'JWT_SECRET' };
  const file = path.resolve(config.dataDir, jwtSecretFileName);
  const existing = await readSecretFile(file);
  if (existing) return { secret: existing, source: 'file', file };
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return { secret, source: 'generated', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { secret: (await readSecretFile(file))!, source: 'file', file };
  }
}
