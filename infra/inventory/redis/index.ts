export { RedisInventoryActor } from './redis-inventory-actor';
export { createInventoryRedis, toInventoryError } from './connection';
export { LuaScript } from './lua-script';
