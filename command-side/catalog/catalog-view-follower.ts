import { eventCategory } from '../../domain/catalog';
import type { Page } from '../../infra/log-follower';
import type { EventStore } from '../../infra/ports/event-store';
import { LogFollower, type FollowerOptions } from '../shared';
import type { CatalogView } from './catalog-view';

/** Feeds the in-memory catalog view from the event store (catalog events only). */
export class CatalogViewFollower extends LogFollower {
  constructor(
    store: EventStore,
    readonly view: CatalogView,
    options: FollowerOptions = {},
  ) {
    super(store, 'The catalog view', { categories: [eventCategory] }, options);
  }

  protected applyPage(page: Page): void {
    this.view.apply(page.events, page.next.checkpoint);
  }
}
