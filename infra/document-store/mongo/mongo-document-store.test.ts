import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { DocumentStoreUnavailableError } from '../../ports/document-store';
import { describeDocumentStoreContract } from '../../ports/document-store/contract';
import { redactUrl } from './mongo-errors';
import { MongoDocumentStore } from './mongo-document-store';

function testMongoUrl(): string {
  const url = process.env.TEST_MONGO_URL;
  if (!url) {
    throw new Error(
      'TEST_MONGO_URL is not set: start the test servers with `npm run services up` and source .services/env, or run `npm test`',
    );
  }
  return url;
}

describeDocumentStoreContract('MongoDB wire protocol (mongoose driver)', {
  open: () =>
    MongoDocumentStore.connect({ url: testMongoUrl(), dbName: `contract_${randomBytes(5).toString('hex')}` }),
  async close(store) {
    await store.dropDatabase();
    await store.close();
  },
});

describe('MongoDocumentStore', () => {
  it('fails fast naming MONGO_URL when no server answers', async () => {
    const started = Date.now();
    await assert.rejects(
      MongoDocumentStore.connect({ url: 'mongodb://127.0.0.1:1/rush', serverSelectionTimeoutMs: 1_000 }),
      (error: unknown) =>
        error instanceof DocumentStoreUnavailableError &&
        error.code === 'SERVICE_UNAVAILABLE' &&
        /MONGO_URL=mongodb:\/\/127\.0\.0\.1:1\/rush/.test(error.message),
    );
    assert.ok(Date.now() - started < 5_000, 'gave up within seconds');
  });

  it('says when the server accepted a TTL index only as a plain index (FerretDB)', async () => {
    const store = await MongoDocumentStore.connect({
      url: testMongoUrl(),
      dbName: `ttl_${randomBytes(5).toString('hex')}`,
    });
    try {
      const result = await store
        .collection('counters')
        .ensureIndexes([{ fields: { minute: 1 }, expireAfterSeconds: 60 }]);
      assert.deepEqual(result, { expiresDocuments: store.traits.kind === 'mongodb' });
    } finally {
      await store.dropDatabase();
      await store.close();
    }
  });

  it('keeps passwords out of the URL it names', () => {
    assert.equal(redactUrl('mongodb://rush:s3cret@db:27017/rush'), 'mongodb://rush:***@db:27017/rush');
    assert.equal(redactUrl('mongodb://db:27017/rush'), 'mongodb://db:27017/rush');
  });
});
