import mongoose from 'mongoose';
import {
  DocumentStoreUnavailableError,
  type Doc,
  type DocumentCollection,
  type DocumentStore,
} from '../../ports/document-store';
import { MongoCollection } from './mongo-collection';
import { redactUrl } from './mongo-errors';
import { detectServerTraits, SerialQueue, type ServerTraits } from './server-traits';

export type MongoDocumentStoreOptions = {
  /** A `mongodb://` URL (MONGO_URL). */
  readonly url: string;
  /** Database name; defaults to the one in the URL's path. */
  readonly dbName?: string;
  /** How long connecting may wait for a server before failing; short, so a wrong URL fails fast. */
  readonly serverSelectionTimeoutMs?: number;
};

const defaultServerSelectionTimeoutMs = 3_000;

/** The DocumentStore on MongoDB (or FerretDB), through a mongoose connection and its native driver. */
export class MongoDocumentStore implements DocumentStore {
  private readonly updateQueues = new Map<string, SerialQueue>();

  private constructor(
    private readonly connection: mongoose.Connection,
    private readonly db: mongoose.mongo.Db,
    readonly traits: ServerTraits,
  ) {}

  /** Connects and checks the server answers; rejects with DocumentStoreUnavailableError naming MONGO_URL. */
  static async connect(options: MongoDocumentStoreOptions): Promise<MongoDocumentStore> {
    const connection = mongoose.createConnection(options.url, {
      ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? defaultServerSelectionTimeoutMs,
    });
    try {
      await connection.asPromise();
      const db = connection.db;
      if (!db) throw new Error('connected without a database handle');
      return new MongoDocumentStore(connection, db, await detectServerTraits(db));
    } catch (error) {
      await connection.close(true).catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new DocumentStoreUnavailableError(
        `MongoDB is unreachable at MONGO_URL=${redactUrl(options.url)}: ${reason}`,
        error,
      );
    }
  }

  collection<T extends Doc = Doc>(name: string): DocumentCollection<T> {
    let queue = this.updateQueues.get(name);
    if (!queue) {
      queue = new SerialQueue();
      this.updateQueues.set(name, queue);
    }
    return new MongoCollection<T>(this.db.collection(name), this.traits, queue);
  }

  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
