export { demoAccounts, seedDemo, type DemoSeedDeps } from './demo-seed';
