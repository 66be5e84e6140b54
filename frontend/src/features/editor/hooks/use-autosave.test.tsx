import { act, renderHook } from '@testing-library/react';
import { useReducer, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autosaveReducer, initialAutosaveState, type FailureReason } from '../utils/autosave-machine';
import { EMPTY_FIELDS } from '../utils/post-form';
import { useAutosave, type AutosaveTrigger } from './use-autosave';

type Outcome = 'saved' | FailureReason;

/**
 * The machine (pure reducer) driven by its timers (useAutosave), with a server the test answers by hand: each
 * save waits until the test settles it, so every in-between state can be looked at.
 */
function useHarness(restorable: boolean) {
  const [state, dispatch] = useReducer(autosaveReducer, restorable, initialAutosaveState);
  const [fields, setFields] = useState(EMPTY_FIELDS);
  const [saves] = useState<{ trigger: AutosaveTrigger; body: string; settle: (outcome: Outcome, dirty?: boolean) => void }[]>([]);
  const save = (trigger: AutosaveTrigger) => {
    dispatch({ type: 'save-started' });
    saves.push({
      trigger, body: fields.body,
      settle: (outcome, dirty = false) => dispatch(outcome === 'saved' ? { type: 'saved', dirty } : { type: 'failed', reason: outcome }),
    });
  };
  useAutosave({ enabled: true, phase: state.phase, fields, save, delayMs: 3_000, retryMs: 10_000 });
  const type = (body: string) => {
    setFields((now) => ({ ...now, body }));
    dispatch({ type: 'changed', dirty: body !== '' });
  };
  return { state, saves, type, dispatch };
}

describe('the autosave machine with its timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

  it('typing: saves once, 3 s after the last keystroke, and is clean when the save lands', async () => {
    const { result } = renderHook(() => useHarness(false));
    expect(result.current.state.phase).toBe('clean');
    act(() => result.current.type('H'));
    await advance(2_000);
    act(() => result.current.type('Hi'));
    await advance(2_000);
    expect(result.current.saves).toHaveLength(0);
    expect(result.current.state.phase).toBe('unsaved');
    await advance(1_000);
    expect(result.current.saves).toHaveLength(1);
    expect(result.current.saves[0]).toMatchObject({ trigger: 'pause', body: 'Hi' });
    expect(result.current.state.phase).toBe('saving');
    act(() => result.current.saves[0].settle('saved'));
    expect(result.current.state.phase).toBe('clean');
    await advance(30_000);
    expect(result.current.saves).toHaveLength(1);
  });

  it('saving: text typed while a save is on its way stays unsaved and is saved after the next pause', async () => {
    const { result } = renderHook(() => useHarness(false));
    act(() => result.current.type('one'));
    await advance(3_000);
    act(() => result.current.type('one two'));
    expect(result.current.state.phase).toBe('saving');
    act(() => result.current.saves[0].settle('saved'));
    expect(result.current.state.phase).toBe('unsaved');
    await advance(3_000);
    expect(result.current.saves.map((s) => s.body)).toEqual(['one', 'one two']);
  });

  it('offline: keeps the text, retries every 10 s and at once when the browser is back online', async () => {
    const { result } = renderHook(() => useHarness(false));
    act(() => result.current.type('kept'));
    await advance(3_000);
    act(() => result.current.saves[0].settle('offline'));
    expect(result.current.state.phase).toBe('offline');
    act(() => result.current.type('kept and more'));
    expect(result.current.state.phase).toBe('offline');
    await advance(9_000);
    expect(result.current.saves).toHaveLength(1);
    await advance(1_000);
    expect(result.current.saves).toHaveLength(2);
    expect(result.current.saves[1]).toMatchObject({ trigger: 'retry', body: 'kept and more' });
    act(() => result.current.saves[1].settle('offline'));

    act(() => window.dispatchEvent(new Event('online')));
    expect(result.current.saves).toHaveLength(3);
    act(() => result.current.saves[2].settle('saved'));
    expect(result.current.state.phase).toBe('clean');
  });

  it('conflict: autosave pauses, whatever is typed, until the writer decides', async () => {
    const { result } = renderHook(() => useHarness(false));
    act(() => result.current.type('mine'));
    await advance(3_000);
    act(() => result.current.saves[0].settle('conflict'));
    expect(result.current.state.phase).toBe('conflict');
    act(() => result.current.type('mine, still typing'));
    await advance(60_000);
    expect(result.current.saves).toHaveLength(1);
    expect(result.current.state.phase).toBe('conflict');

    // "Overwrite" is a save on purpose; "Reload" would be `reset`.
    act(() => result.current.dispatch({ type: 'reset' }));
    expect(result.current.state.phase).toBe('clean');
  });

  it('refused: the same text is not sent again; a change is', async () => {
    const { result } = renderHook(() => useHarness(false));
    act(() => result.current.type('bad'));
    await advance(3_000);
    act(() => result.current.saves[0].settle('refused'));
    await advance(30_000);
    expect(result.current.saves).toHaveLength(1);
    act(() => result.current.type('better'));
    await advance(3_000);
    expect(result.current.saves).toHaveLength(2);
  });

  it('restore: nothing is saved while the device copy is offered; restoring saves it after the pause', async () => {
    const { result } = renderHook(() => useHarness(true));
    expect(result.current.state.phase).toBe('restorable');
    act(() => result.current.type('ignored while undecided'));
    await advance(30_000);
    expect(result.current.saves).toHaveLength(0);
    expect(result.current.state.phase).toBe('restorable');

    act(() => {
      result.current.dispatch({ type: 'restored' });
      result.current.type('from the device');
    });
    expect(result.current.state.phase).toBe('unsaved');
    await advance(3_000);
    expect(result.current.saves.map((s) => s.body)).toEqual(['from the device']);
  });

  it('discarding the device copy leaves the editor clean and saves nothing', async () => {
    const { result } = renderHook(() => useHarness(true));
    act(() => result.current.dispatch({ type: 'discarded' }));
    expect(result.current.state.phase).toBe('clean');
    await advance(30_000);
    expect(result.current.saves).toHaveLength(0);
  });

  it('leaving the page with unsaved text saves at once (unless the browser is offline)', async () => {
    const { result, unmount } = renderHook(() => useHarness(false));
    act(() => result.current.type('last words'));
    act(() => window.dispatchEvent(new Event('pagehide')));
    expect(result.current.saves).toEqual([expect.objectContaining({ trigger: 'leave', body: 'last words' })]);
    act(() => result.current.saves[0].settle('offline'));
    const saves = result.current.saves;
    unmount();
    expect(saves.map((s) => s.trigger)).toEqual(['leave', 'leave']);
  });

  it('leaving while the browser says it is offline sends nothing (the text is on the device)', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { result } = renderHook(() => useHarness(false));
    act(() => result.current.type('last words'));
    act(() => window.dispatchEvent(new Event('pagehide')));
    expect(result.current.saves).toHaveLength(0);
    vi.restoreAllMocks();
  });
});
