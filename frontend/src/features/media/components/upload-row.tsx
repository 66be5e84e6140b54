import { Button } from '@/components/ui/button';
import { formatBytes, isActive, type UploadEntry } from '../api/upload-media';

const labels: Record<UploadEntry['status'], string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  processing: 'Processing',
  done: 'Uploaded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One file being uploaded: an accessible progress bar while it is sent, then the outcome (the refusal in full). */
export function UploadRow({ entry, onCancel }: { entry: UploadEntry; onCancel: () => void }) {
  const percent = Math.round(entry.fraction * 100);
  const active = isActive(entry.status);
  return (
    <li data-testid="upload-row" data-status={entry.status} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="truncate font-medium">{entry.name}</span>
        <span className="shrink-0 text-slate-600">{formatBytes(entry.bytes)} · <span aria-live="polite">{labels[entry.status]}</span></span>
      </div>
      {active && (
        <div className="mt-2 flex items-center gap-2">
          <div role="progressbar" aria-label={`Uploading ${entry.name}`} aria-valuemin={0} aria-valuemax={100}
            aria-valuenow={percent} aria-valuetext={entry.status === 'processing' ? 'Sent, processing' : entry.status === 'waiting' ? 'Waiting' : `${percent}%`}
            className="h-2 flex-1 overflow-hidden rounded bg-slate-200">
            <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <Button variant="ghost" onClick={onCancel} aria-label={`Cancel ${entry.name}`}>Cancel</Button>
        </div>
      )}
      {entry.status === 'failed' && <p role="alert" className="mt-1 text-red-700">{entry.error}</p>}
    </li>
  );
}
