/** A determinate bar for a share from 0 to 100 (run progress, upload progress). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, percent));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped)}>
      <div className="progress__fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
