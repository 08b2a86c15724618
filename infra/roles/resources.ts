import type { Logger } from '../logging';

/** What a process opened, closed in reverse order; a failing close is logged and the rest still close. */
export class Resources {
  private readonly stack: { name: string; close: () => Promise<void> }[] = [];

  constructor(private readonly logger: Logger) {}

  add(name: string, close: () => Promise<void>): void {
    this.stack.push({ name, close });
  }

  async closeAll(): Promise<void> {
    for (let entry = this.stack.pop(); entry; entry = this.stack.pop()) {
      try {
        await entry.close();
        this.logger.debug('closed', { resource: entry.name });
      } catch (error) {
        this.logger.error('close failed', { resource: entry.name, error });
      }
    }
  }
}
