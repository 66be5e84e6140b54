import { saveStateText, type SavePhase } from '../utils/autosave-machine';

const tone: Record<SavePhase, string> = {
  restorable: 'text-amber-800',
  clean: 'text-slate-600',
  unsaved: 'text-amber-800',
  saving: 'text-slate-600',
  offline: 'text-amber-800',
  conflict: 'text-red-700',
  refused: 'text-red-700',
};

/** Where the text stands ("Saving…", "Saved", "Offline — changes kept on this device", "Conflict", …), always shown. */
export function SaveState({ phase, auto, isNew, keptOnDevice }: { phase: SavePhase; auto: boolean; isNew: boolean; keptOnDevice: boolean }) {
  let text = saveStateText(phase, auto, isNew);
  // The browser refused to store the copy (storage full or disabled): do not promise it.
  if (!keptOnDevice && phase !== 'clean') text = `${text.replace(/ — .*$/, '')} — not kept on this device (browser storage unavailable)`;
  return (
    <p role="status" data-testid="save-state" data-phase={phase} className={`text-sm ${tone[phase]}`}>{text}</p>
  );
}
