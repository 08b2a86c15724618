export {
  MockPaymentGateway,
  defaultCallTimeoutMs,
  type MockPaymentGatewayOptions,
} from './mock-payment-gateway';
export { readGatewayLedger, type GatewayLedger, type LedgerCharge, type LedgerRefund } from './ledger';
export { ensureMockGatewaySchema, mockGatewayTables } from './schema';
