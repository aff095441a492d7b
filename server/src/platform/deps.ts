import type { Config } from './config.ts';
import type { Db, DialectName } from './db/connect.ts';

/** What every module's routes and services are given: no globals, so tests build as many apps as they like. */
export type Deps = {
  db: Db;
  dialect: DialectName;
  config: Config;
  /**
   * Printed on the console at start while set-up is pending: setting up from
   * another computer needs it, so a stranger on the LAN cannot claim a fresh
   * installation first.
   */
  setupToken: string;
};
