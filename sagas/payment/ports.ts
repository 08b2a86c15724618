/** What the payment service logs through (infra/logging's Logger fits). */
export type PaymentLogger = {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

export const silentLogger: PaymentLogger = { info() {}, warn() {}, error() {} };
