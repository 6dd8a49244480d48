import type { HyperparameterEntry } from '../../lib/api-types.js';
import { fieldOptions, isFixed, isToggle, showsNumberInput, type FieldState } from './hyperparameter-form.js';

interface Props {
  def: HyperparameterEntry;
  state: FieldState;
  error: string | undefined;
  onChange: (state: FieldState) => void;
}

/** One generated hyperparameter input: a checkbox, a number box, a select of forms, a select plus a number box, or a fixed value. */
export function HyperparameterField({ def, state, error, onChange }: Props) {
  const id = `hp-${def.name}`;
  if (isToggle(def)) {
    return (
      <div className="field field--toggle">
        <label className="checkbox">
          <input id={id} name={def.name} type="checkbox" checked={state.option === 'true'} onChange={(e) => onChange({ option: String(e.target.checked), text: '' })} />
          <span className="field__label mono">{def.name}</span>
        </label>
        <span className="field__hint">{def.description}</span>
      </div>
    );
  }
  const options = fieldOptions(def);
  const numeric = showsNumberInput(state);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label mono" htmlFor={id}>
        {def.name}
      </label>
      <div className="field__row">
        {isFixed(def) && (
          <select id={id} name={def.name} value={state.option} disabled>
            <option value={options[0].key}>{options[0].label}</option>
          </select>
        )}
        {options.length > 1 && (
          <select
            id={numeric ? undefined : id}
            aria-label={`${def.name} form`}
            value={state.option}
            onChange={(e) => onChange({ option: e.target.value, text: state.text })}
          >
            {options.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        )}
        {numeric && (
          <input
            id={id}
            name={def.name}
            inputMode="decimal"
            value={state.text}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ option: state.option, text: e.target.value })}
          />
        )}
      </div>
      {error ? <span className="field__error">{error}</span> : <span className="field__hint">{def.description}</span>}
    </div>
  );
}
