import type { Db } from './database.js';
import { DatasetRepository } from './repositories/datasets.js';
import { ExperimentRepository } from './repositories/experiments.js';
import { ModelRunRepository } from './repositories/model-runs.js';
import { TokenRepository } from './repositories/tokens.js';
import { UserRepository } from './repositories/users.js';

/** The repositories over one database connection. */
export interface Store {
  db: Db;
  users: UserRepository;
  tokens: TokenRepository;
  experiments: ExperimentRepository;
  datasets: DatasetRepository;
  runs: ModelRunRepository;
}

export function createStore(db: Db): Store {
  return {
    db,
    users: new UserRepository(db),
    tokens: new TokenRepository(db),
    experiments: new ExperimentRepository(db),
    datasets: new DatasetRepository(db),
    runs: new ModelRunRepository(db),
  };
}
