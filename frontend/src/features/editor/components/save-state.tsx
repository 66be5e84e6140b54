/** "Saved" / "Saving…" / "Unsaved changes", as a polite live region. */
export function SaveState({ saving, dirty, saved }: { saving: boolean; dirty: boolean; saved: boolean }) {
  const text = saving ? 'Saving…' : dirty ? 'Unsaved changes' : saved ? 'Saved' : 'Not saved yet';
  return (
    <p role="status" data-testid="save-state" className={`text-sm ${dirty ? 'text-amber-700' : 'text-slate-600'}`}>
      {text}
    </p>
  );
}
