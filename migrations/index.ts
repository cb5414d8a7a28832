import { InitialRegister1795690000000 } from './1795690000000-initial-register';

/** Every migration, in order. The API, the tests and the CLI run exactly this list. */
export const MIGRATIONS = [InitialRegister1795690000000];
