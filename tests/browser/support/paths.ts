import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** Screenshots and failure reports: .test-artifacts/browser/<test>/<step>.png (git-ignored). */
export const artifactsRoot = path.join(repoRoot, '.test-artifacts', 'browser');
