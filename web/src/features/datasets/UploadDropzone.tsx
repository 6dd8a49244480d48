import { useRef, useState, type DragEvent } from 'react';
import { useApi } from '../../app/session.js';
import { ProgressBar } from '../../components/ui/ProgressBar.js';
import { ErrorPanel } from '../../components/ui/states.js';
import { asApiError, type ApiError } from '../../lib/api-error.js';
import type { DatasetBody } from '../../lib/api-types.js';
import { formatBytes } from '../../lib/format.js';
import { uploadDataset } from '../../lib/upload.js';

type UploadState = { phase: 'idle' } | { phase: 'uploading'; file: File; share: number } | { phase: 'failed'; error: ApiError };

/** Drop a CSV (or click to choose one): it is uploaded with a progress bar and profiled by the server. */
export function UploadDropzone({ onUploaded }: { onUploaded: (dataset: DatasetBody) => void }) {
  const api = useApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });

  const upload = async (file: File) => {
    setState({ phase: 'uploading', file, share: 0 });
    try {
      const name = file.name.replace(/\.[^.]*$/, '') || file.name;
      const dataset = await uploadDataset(api, file, name, (share) => setState({ phase: 'uploading', file, share }));
      setState({ phase: 'idle' });
      onUploaded(dataset);
    } catch (caught) {
      setState({ phase: 'failed', error: asApiError(caught) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void upload(file);
  };

  const uploading = state.phase === 'uploading';
  return (
    <div>
      <div
        className={`dropzone${dragging ? ' dropzone--over' : ''}${uploading ? ' dropzone--busy' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onClick={() => !uploading && inputRef.current?.click()}
        role="button"
        tabIndex={0}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === ' ') && !uploading) inputRef.current?.click();
        }}
      >
        <input
          ref={inputRef}
          type="file"
          name="file"
          accept=".csv,text/csv"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
        {uploading ? (
          <div className="dropzone__progress">
            <div>
              Uploading <strong>{state.file.name}</strong> ({formatBytes(state.file.size)})
              {state.share >= 1 && ' — profiling columns…'}
            </div>
            <ProgressBar percent={state.share * 100} label="Upload progress" />
          </div>
        ) : (
          <>
            <svg viewBox="0 0 24 24" width="30" height="30" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
              <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
            </svg>
            <div>
              <strong>Drop a CSV file here</strong> or click to choose one
            </div>
            <div className="muted">A header row, then one row per example.</div>
          </>
        )}
      </div>
      {state.phase === 'failed' && <ErrorPanel error={state.error} />}
    </div>
  );
}
