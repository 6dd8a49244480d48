import { useApi } from '../../app/session.js';
import { Loaded } from '../../components/ui/states.js';
import type { TrainingMetadata } from '../../lib/api-types.js';
import { useResource } from '../../lib/use-resource.js';
import { ImportanceSection } from './ImportanceSection.js';
import { MetricCards } from './MetricCards.js';
import { TrainingDetails } from './TrainingDetails.js';

/** A finished run: metric cards, what it was trained on and with, and feature importance. */
export function CompletedRun({ runId, durationSeconds }: { runId: string; durationSeconds: number }) {
  const api = useApi();
  const { resource, reload } = useResource(() => api.runMetrics(runId), [runId]);
  return (
    <Loaded resource={resource} onRetry={reload} loadingLabel="Loading metrics…">
      {(result) => {
        const metadata = result.training_metadata as TrainingMetadata;
        return (
          <>
            <MetricCards metrics={result.metrics} warnings={result.metric_warnings} />
            <div className="layout-split layout-split--wide-left">
              <ImportanceSection runId={runId} classes={metadata.classes} />
              <TrainingDetails metadata={metadata} durationSeconds={durationSeconds} />
            </div>
          </>
        );
      }}
    </Loaded>
  );
}
