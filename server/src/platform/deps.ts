import type { Config } from './config.ts';
import type { Db, DialectName } from './db/connect.ts';

/** What every module's routes and services are given: no globals, so tests build as many apps as they like. */
export type Deps = {
  db: Db;
  dialect: DialectName;
  config: Config;
};
