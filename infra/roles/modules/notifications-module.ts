import { ContainerModule } from 'inversify';
import { loadUser } from '../../../command-side/identity';
import { bookingStreamId, bookingView, type BookingEvent } from '../../../domain/booking';
import {
  eventStreamId,
  evolve,
  initialEventState,
  type CatalogEvent,
  type EventState,
} from '../../../domain/catalog';
import {
  adminNotificationOperations,
  adminNotificationRoutes,
  NotificationReads,
} from '../../../query-side/notifications';
import { parseRelayedEvent } from '../../../sagas/payment';
import {
  MailTemplates,
  NotificationRecords,
  NotificationSender,
  NotificationSweeper,
  defaultNotificationRetry,
} from '../../../sagas/notifications';
import type { Config } from '../../config';
import { TOKENS } from '../../di';
import { integrationTopics } from '../../integration-relay';
import type { Logger } from '../../logging';
import { LogOnlyMailer, SmtpMailer } from '../../mail';
import type { BookingDirectory } from '../../ports/booking-directory';
import type { DocumentStore } from '../../ports/document-store';
import type { EventStore } from '../../ports/event-store';
import type { Metrics } from '../../ports/metrics';
import type { IntegrationBus, Subscription } from '../../ports/integration-bus';
import type { Mailer } from '../../ports/mailer';
import type { Recipients } from '../../ports/recipients';
import { DocumentTokens } from './document-tokens';
import { IntegrationTokens } from './integration-tokens';
import { NotificationTokens } from './notification-tokens';

/** The consumer group of the notifier: one copy of each event across its instances. */
export const notifierGroup = 'notifier';

/** Recipients from the identity streams (the user's address, name and locale). */
export const recipientsFromEventStore = (store: EventStore): Recipients => ({
  async find(userId) {
    const user = await loadUser(store, userId);
    return user && { email: user.email, name: user.name, locale: user.locale };
  },
});

/** How long a folded event is reused for mails: a wave of mails about one event reads its stream once a second. */
const eventFreshMs = 1_000;

/**
 * A booking with its event, show and zone, folded from the booking's and the event's streams. The
 * event's fold is kept for a second: after a sale tens of thousands of mails name the same event, and a
 * title changed a second ago may appear in a mail or two.
 */
export const bookingsFromEventStore = (
  store: EventStore,
  clock: () => number = Date.now,
): BookingDirectory => {
  const events = new Map<string, { readonly at: number; readonly state: Promise<EventState> }>();
  const eventState = (eventId: string): Promise<EventState> => {
    const now = clock();
    const known = events.get(eventId);
    if (known && now - known.at < eventFreshMs) return known.state;
    if (events.size >= 1_000) events.clear();
    const state = store
      .readStream(eventStreamId(eventId))
      .then((recorded) => (recorded as unknown as CatalogEvent[]).reduce(evolve, initialEventState));
    events.set(eventId, { at: now, state });
    state.catch(() => events.delete(eventId));
    return state;
  };
  return { find: (bookingId) => findBooking(store, eventState, bookingId) };
};

async function findBooking(
  store: EventStore,
  eventState: (eventId: string) => Promise<EventState>,
  bookingId: string,
): ReturnType<BookingDirectory['find']> {
  const bookingEvents = await store.readStream(bookingStreamId(bookingId));
  const booking = bookingView(bookingEvents as unknown as BookingEvent[], new Date());
  if (!booking) return undefined;
  const event = await eventState(booking.eventId);
  const show = event.exists ? event.shows.find((candidate) => candidate.id === booking.showId) : undefined;
  const zone = show?.zones.find((candidate) => candidate.id === booking.zoneId);
  return {
    bookingId,
    userId: booking.userId,
    eventTitle: event.exists ? event.details.name : booking.eventId,
    venue: event.exists ? event.details.venue : null,
    showStartsAt: show?.startsAt ?? (event.exists ? event.details.startsAt : booking.reservedAt),
    zoneName: zone?.name ?? booking.zoneId,
    quantity: booking.quantity,
    total: { amount: booking.totalPrice, currency: booking.currency },
    confirmationCode: booking.confirmationCode,
  };
}

/**
 * E-mail notifications: a consumer of the bookings and payments topics claims one notification
 * document per (booking, type) and sends it; a sweeper retries failed sends with backoff until they are
 * sent or `failed`. Admin routes list them and put a failed one back in the queue. Load after the
 * integration bus and the document store.
 */
export const notificationsModule = new ContainerModule(({ bind }) => {
  bind(NotificationTokens.Mailer)
    .toResolvedValue(
      (config: Config, logger: Logger): Mailer =>
        config.notifications.smtpUrl
          ? new SmtpMailer({
              url: config.notifications.smtpUrl,
              from: config.notifications.mailFrom,
              connections: config.notifications.smtpConnections,
            })
          : new LogOnlyMailer(logger.child({ component: 'mailer' })),
      [TOKENS.Config, TOKENS.Logger],
    )
    .inSingletonScope();
  bind(NotificationTokens.Records)
    .toResolvedValue((store: DocumentStore) => new NotificationRecords(store), [DocumentTokens.Store])
    .inSingletonScope();
  bind(NotificationTokens.Sender)
    .toResolvedValue(
      (
        config: Config,
        logger: Logger,
        store: EventStore,
        records: NotificationRecords,
        mailer: Mailer,
        metrics: Metrics,
      ) =>
        new NotificationSender({
          records,
          mailer,
          templates: MailTemplates.load(),
          recipients: recipientsFromEventStore(store),
          bookings: bookingsFromEventStore(store),
          retry: {
            ...defaultNotificationRetry,
            attempts: config.notifications.retryAttempts,
            baseDelayMs: config.notifications.retryBaseMs,
          },
          leaseMs: 60_000,
          concurrency: config.notifications.concurrency,
          clock: () => new Date(),
          logger: logger.child({ component: 'notifier' }),
          metrics,
        }),
      [
        TOKENS.Config,
        TOKENS.Logger,
        TOKENS.EventStore,
        NotificationTokens.Records,
        NotificationTokens.Mailer,
        TOKENS.Metrics,
      ],
    )
    .inSingletonScope();
  bind(TOKENS.BackgroundService).toResolvedValue(
    (
      config: Config,
      logger: Logger,
      bus: IntegrationBus,
      records: NotificationRecords,
      sender: NotificationSender,
      mailer: Mailer,
    ) => {
      let subscription: Subscription | undefined;
      const log = logger.child({ component: 'notifier' });
      const sweeper = new NotificationSweeper(sender, config.notifications.sweepIntervalMs, log);
      const topics = integrationTopics(config.bus.topicPrefix);
      return {
        name: 'notifier',
        start: async () => {
          await records.ensureIndexes();
          subscription = await bus.subscribe({
            groupId: notifierGroup,
            topics: [topics.bookings, topics.payments],
            // Redelivered events find their notification claimed (unique per booking and type).
            handler: async (message) => {
              await sender.handle(parseRelayedEvent(message.value));
            },
            retry: {
              attempts: config.bus.retryAttempts,
              initialDelayMs: config.bus.retryBaseMs,
              maxDelayMs: 30_000,
            },
          });
          sweeper.start();
        },
        stop: async () => {
          await subscription?.stop();
          await sweeper.stop();
          await sender.settled();
          await mailer.close();
        },
      };
    },
    [
      TOKENS.Config,
      TOKENS.Logger,
      IntegrationTokens.Bus,
      NotificationTokens.Records,
      NotificationTokens.Sender,
      NotificationTokens.Mailer,
    ],
  );
  bind(TOKENS.ApiRoute).toResolvedValue(
    (records: NotificationRecords) => ({
      path: '',
      handler: adminNotificationRoutes(new NotificationReads(records.collection), (id) =>
        records.retry(id, new Date()),
      ),
      operations: adminNotificationOperations,
    }),
    [NotificationTokens.Records],
  );
});
