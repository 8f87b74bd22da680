/** What every route needs: settings, the store, the model catalog and the run pool. */
import type { ServerConfig } from './config.js';
import type { UserKeyOf } from './limits.js';
import type { ModelCatalog } from './model-catalog.js';
import type { ResultsPool } from './results-pool.js';
import type { RunPool } from './run-pool.js';
import type { Store } from './store.js';

export interface AppContext {
  config: ServerConfig;
  store: Store;
  catalog: ModelCatalog;
  pool: RunPool;
  /** IO and CGE results (their own threads, cache and CGE limit). */
  results: ResultsPool;
  /** Whom a request counts against in the run queues. */
  userKey: UserKeyOf;
}
