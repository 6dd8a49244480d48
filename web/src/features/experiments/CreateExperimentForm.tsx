import { useState, type FormEvent } from 'react';
import { useNavigation } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { ErrorPanel } from '../../components/ui/states.js';
import { useSubmit } from '../../lib/use-submit.js';

export function CreateExperimentForm() {
  const api = useApi();
  const { navigate } = useNavigation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, run } = useSubmit(async () => {
    const experiment = await api.createExperiment(name.trim(), description.trim() || null);
    navigate({ page: 'experiment', experimentId: experiment.id });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span className="field__label">Name</span>
        <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Iris species" />
      </label>
      <label className="field">
        <span className="field__label">
          Description <span className="muted">(optional)</span>
        </span>
        <textarea name="description" rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {error && <ErrorPanel error={error} />}
      <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
        {busy ? 'Creating…' : 'Create experiment'}
      </button>
    </form>
  );
}
