export { roles, type Role, type RoleModule } from './roles';
export { runCli, usage, type CliIo } from './run-cli';
