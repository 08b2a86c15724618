import type { UserLocale } from '../../../domain/identity';

/** Who gets a booking's e-mails. */
export type Recipient = { readonly email: string; readonly name: string; readonly locale: UserLocale };

/** The account of a user, or undefined when there is none (an adapter reads the identity streams). */
export type Recipients = { find(userId: string): Promise<Recipient | undefined> };
