import type { ModelEntry } from '../../lib/api-types.js';
import { modelLabel } from '../../lib/format.js';

const TASK_ORDER = ['classification', 'regression', 'clustering'];

/** The catalogue as one select grouped by task type (it lists dozens of models), and the chosen model's description. */
export function ModelPicker({ models, value, onChange }: { models: ModelEntry[]; value: string; onChange: (modelType: string) => void }) {
  const tasks = [...new Set(models.map((m) => m.task_type))].sort((a, b) => rank(a) - rank(b));
  const chosen = models.find((m) => m.model_type === value);
  return (
    <div className="model-picker">
      <label className="field">
        <span className="field__label">Model</span>
        <select name="model_type" value={value} onChange={(e) => onChange(e.target.value)}>
          {tasks.map((task) => (
            <optgroup key={task} label={task.charAt(0).toUpperCase() + task.slice(1)}>
              {models
                .filter((model) => model.task_type === task)
                .map((model) => (
                  <option key={model.model_type} value={model.model_type}>
                    {modelLabel(model.model_type)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {chosen && (
        <div className="model-picker__summary">
          <div className="model-picker__tags">
            <span className="chip">{chosen.task_type}</span>
            <span className="chip">{chosen.family}</span>
            <span className="chip">{chosen.supports_feature_importance ? 'feature importance' : 'no feature importance'}</span>
          </div>
          <p>{chosen.description}</p>
        </div>
      )}
    </div>
  );
}

function rank(task: string): number {
  const index = TASK_ORDER.indexOf(task);
  return index === -1 ? TASK_ORDER.length : index;
}
