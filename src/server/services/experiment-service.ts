import { randomUUID } from 'node:crypto';
import type { PageRequest } from '../../store/repositories/page.js';
import type { ExperimentsTable } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import { apiErrors } from '../errors.js';
import { nowIso, requireUuid } from './ids.js';

export type ExperimentView = Omit<ExperimentsTable, 'user_id'>;

export class ExperimentService {
  constructor(private readonly store: Store) {}

  async create(userId: string, name: string, description: string | null): Promise<ExperimentView> {
    const experiment = { id: randomUUID(), user_id: userId, name: name.trim(), description, created_at: nowIso() };
    if (!experiment.name) throw apiErrors.badRequest('body/name must not be blank');
    await this.store.experiments.insert(experiment);
    return toView(experiment);
  }

  async list(userId: string, page: PageRequest) {
    const result = await this.store.experiments.listByUser(userId, page);
    return { ...result, items: result.items.map(toView) };
  }

  /** The caller's experiment; 400 for a malformed id, 404 unknown, 403 someone else's. */
  async getOwned(userId: string, rawId: string): Promise<ExperimentsTable> {
    const id = requireUuid('experiment_id', rawId);
    const experiment = await this.store.experiments.findById(id);
    if (!experiment) throw apiErrors.notFound('Experiment', id);
    if (experiment.user_id !== userId) throw apiErrors.forbidden("You don't have permission to access this experiment");
    return experiment;
  }
}

export function toView({ user_id: _owner, ...view }: ExperimentsTable): ExperimentView {
  return view;
}
