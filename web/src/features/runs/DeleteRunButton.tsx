import { useState } from 'react';
import { useNavigation } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.js';
import { ErrorPanel } from '../../components/ui/states.js';
import { useSubmit } from '../../lib/use-submit.js';

/** Delete with confirmation; a run still training is stopped first, and the button says so. */
export function DeleteRunButton({ runId, experimentId, active }: { runId: string; experimentId: string; active: boolean }) {
  const api = useApi();
  const { navigate } = useNavigation();
  const [asking, setAsking] = useState(false);
  const label = active ? 'Stop and delete' : 'Delete run';
  const { busy, error, run: confirm, clearError } = useSubmit(async () => {
    await api.deleteRun(runId);
    navigate({ page: 'experiment', experimentId }, { replace: true });
  });

  return (
    <>
      <button type="button" className="button button--danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          title={active ? 'Stop and delete this run?' : 'Delete this run?'}
          confirmLabel={label}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setAsking(false);
            clearError();
          }}
        >
          <p>
            {active ? 'Training stops now. ' : ''}The run’s metrics, feature importance and model file are removed. This cannot be undone.
          </p>
          {error && <ErrorPanel error={error} />}
        </ConfirmDialog>
      )}
    </>
  );
}
