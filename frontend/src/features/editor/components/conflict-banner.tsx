import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { PostView } from '@/types/api';
import { useVersionEditor } from '../api/get-last-editor';

interface ConflictBannerProps {
  theirs: PostView;
  myText: string;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

/**
 * A save met a newer version (409): say whose, show their text, and let the user choose. The user's own text stays
 * in the fields (and on the device); nothing is saved until they choose Reload or Overwrite.
 */
export function ConflictBanner({ theirs, myText, busy, onReload, onOverwrite }: ConflictBannerProps) {
  const editor = useVersionEditor(theirs.id, theirs.version);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(myText);
      setCopied('Your text is on the clipboard.');
    } catch {
      setCopied('The clipboard is not available; select the text in Body and copy it.');
    }
  };
  return (
    <div role="alert" data-testid="conflict-banner" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p>
        <strong>{editor?.name ?? 'Someone'} changed this post</strong> while you were editing (now version {theirs.version}:
        “{theirs.title}”). Your text is kept below and has not been saved.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onReload} disabled={busy}>Reload</Button>
        <Button variant="danger" onClick={onOverwrite} disabled={busy}>Overwrite</Button>
        <Button variant="secondary" onClick={() => void copy()}>Copy my text</Button>
      </div>
      {copied && <p>{copied}</p>}
      <details>
        <summary className="cursor-pointer">Their text (version {theirs.version}); yours stays in the editor</summary>
        <pre data-testid="their-body" className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded-md border border-amber-200 bg-white p-2 text-xs text-slate-900">
          {theirs.body ?? ''}
        </pre>
      </details>
    </div>
  );
}
