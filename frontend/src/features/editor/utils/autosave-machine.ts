/**
 * Where the editor's text stands with the server, as an explicit state machine (docs/admin.md "Autosave"):
 *
 * - `restorable`: a copy kept on this device differs from the server's; nothing is saved or kept until the writer
 *   restores or discards it.
 * - `clean`: the fields say what the server has.
 * - `unsaved`: typed and not yet saved (a draft saves itself after a pause; a published post waits for Update).
 * - `saving`: a save is on its way.
 * - `offline`: the last save did not reach the server; the text is kept on the device and saved when it can be.
 * - `conflict`: someone else saved first (409); nothing is saved until the writer decides.
 * - `refused`: the server refused the text (validation); nothing is saved again until the text changes.
 *
 * The reducer is pure; timers and requests live in `useAutosave` and `usePostEditor`.
 */
export type SavePhase = 'restorable' | 'clean' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'refused';

export type FailureReason = 'offline' | 'conflict' | 'refused';

export interface AutosaveState {
  phase: SavePhase;
  /** Typed on while a save was on its way: that save's success leaves the editor unsaved, not clean. */
  editedWhileSaving: boolean;
}

export type AutosaveEvent =
  /** The fields changed; `dirty` tells whether they now differ from the server's copy. */
  | { type: 'changed'; dirty: boolean }
  | { type: 'save-started' }
  /** `dirty`: whether the fields still differ from the saved copy (typed on meanwhile). */
  | { type: 'saved'; dirty: boolean }
  | { type: 'failed'; reason: FailureReason }
  /** The writer took the server's version after a conflict (or the server's copy replaced clean fields). */
  | { type: 'reset' }
  /** The writer restored the copy kept on this device. */
  | { type: 'restored' }
  /** The writer discarded the copy kept on this device. */
  | { type: 'discarded' };

export function initialAutosaveState(restorable: boolean): AutosaveState {
  return { phase: restorable ? 'restorable' : 'clean', editedWhileSaving: false };
}

const at = (phase: SavePhase): AutosaveState => ({ phase, editedWhileSaving: false });

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'changed':
      switch (state.phase) {
        case 'restorable':
        case 'conflict':
          // Paused until the writer decides; the typed text is still kept by the editor and on the device.
          return state;
        case 'saving':
          return { ...state, editedWhileSaving: true };
        case 'offline':
          return event.dirty ? state : at('clean');
        default:
          return at(event.dirty ? 'unsaved' : 'clean');
      }
    case 'save-started':
      return state.phase === 'restorable' ? state : at('saving');
    case 'saved':
      return at(event.dirty || state.editedWhileSaving ? 'unsaved' : 'clean');
    case 'failed':
      return at(event.reason);
    case 'reset':
      return at('clean');
    case 'restored':
      return state.phase === 'restorable' ? at('unsaved') : state;
    case 'discarded':
      return state.phase === 'restorable' ? at('clean') : state;
  }
}

/** Whether a draft in this phase should be saved by itself (after the typing pause, or a retry when offline). */
export function wantsAutosave(phase: SavePhase): boolean {
  return phase === 'unsaved' || phase === 'offline';
}

/** The words the save-state line shows. `auto`: the post is a draft (saved by itself). */
export function saveStateText(phase: SavePhase, auto: boolean, isNew: boolean): string {
  switch (phase) {
    case 'restorable':
      return 'Unsaved changes on this device';
    case 'clean':
      return isNew ? 'Not saved yet' : 'Saved';
    case 'unsaved':
      if (isNew) return 'Unsaved changes — kept on this device until you save';
      return auto ? 'Unsaved changes' : 'Unsaved changes — kept on this device until you update';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — changes kept on this device';
    case 'conflict':
      return 'Conflict';
    case 'refused':
      return 'Not saved — see the messages';
  }
}
