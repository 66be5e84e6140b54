import { useCallback, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { NetworkError, ProblemError } from '@/lib/problem-error';
import type { PostView } from '@/types/api';
import { useSavePost } from '../api/save-post';
import { autosaveReducer, initialAutosaveState, type FailureReason } from '../utils/autosave-machine';
import { dropDeviceCopy } from '../utils/device-copy';
import { errorsByField, fieldsOf, sameFields, toRequest, type PostFields } from '../utils/post-form';
import { useDeviceCopy } from './use-device-copy';

/** `auto`: after a typing pause or a retry; `leave`: the page is going away (sent with keepalive). */
export type SaveKind = 'manual' | 'auto' | 'leave' | 'overwrite';

/** A save that did not reach the application (no network, or a proxy in front saying it cannot reach it). */
function failureOf(caught: unknown): FailureReason {
  if (caught instanceof NetworkError) return 'offline';
  if (caught instanceof ProblemError && [502, 503, 504].includes(caught.status)) return 'offline';
  return 'refused';
}

/**
 * The editor's state: the fields as typed, the post version they started from (`base`, sent with every save),
 * the autosave machine's phase (utils/autosave-machine.ts), and what went wrong. A newer server copy (someone
 * else's change, a reload) replaces the fields only while they are clean: typed text is never thrown away
 * silently, and its save then meets the 409 conflict. Unsaved text is also kept on this device (useDeviceCopy).
 */
export function usePostEditor(post: PostView | null, userId: string | undefined) {
  const [base, setBase] = useState(post);
  const [fields, setFields] = useState(() => fieldsOf(post));
  const [seen, setSeen] = useState(post);
  const [conflict, setConflict] = useState<PostView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = useSavePost();
  const dirty = !sameFields(fields, fieldsOf(base));
  const device = useDeviceCopy(userId, post, fields, dirty, base?.version ?? null);
  const [machine, dispatch] = useReducer(autosaveReducer, device.offer !== null, initialAutosaveState);

  // "Adjusting state when a prop changes" (react.dev): take a newer server copy while nothing is typed.
  if (post !== seen) {
    setSeen(post);
    if (post && (!base || post.version > base.version) && !dirty && !conflict) {
      setBase(post);
      setFields(fieldsOf(post));
    }
  }

  // A restored device copy that started from an older version is saved against that version: if the post has been
  // saved since, the server answers 409 and the conflict banner shows both texts, instead of the copy overwriting
  // the newer save unseen.
  const restoredFrom = useRef<number | null>(null);
  const latest = useRef({ fields, base, conflict });
  useLayoutEffect(() => {
    latest.current = { fields, base, conflict };
  });

  const submit = useCallback(
    async (kind: SaveKind): Promise<PostView | undefined> => {
      const { fields: sent, base: from, conflict: theirs } = latest.current;
      const version = kind === 'overwrite' && theirs ? theirs.version : (restoredFrom.current ?? from?.version);
      // An autosave while the browser knows it is offline is not even tried (it could only fail, or hang).
      if ((kind === 'auto' || kind === 'leave') && navigator.onLine === false) {
        dispatch({ type: 'failed', reason: 'offline' });
        return undefined;
      }
      dispatch({ type: 'save-started' });
      try {
        const saved = await save.mutateAsync({
          id: from?.id, version, request: toRequest(sent), autosave: kind === 'auto' || kind === 'leave', keepalive: kind === 'leave',
        });
        restoredFrom.current = null;
        const now = latest.current.fields;
        setBase(saved);
        setConflict(null);
        setError(null);
        // The server normalises (tags, generated slug): show its copy unless the user typed on meanwhile.
        setFields(now === sent ? fieldsOf(saved) : now);
        latest.current = { fields: now === sent ? fieldsOf(saved) : now, base: saved, conflict: null };
        dispatch({ type: 'saved', dirty: now !== sent && !sameFields(now, fieldsOf(saved)) });
        // A new post moves to its own address (another editor instance): its device copy is saved now.
        if (!from && now === sent) dropDeviceCopy(device.key);
        return saved;
      } catch (caught) {
        if (caught instanceof ProblemError && caught.is('stale-version')) {
          const current = caught.extra<PostView>('currentPost');
          if (current) {
            restoredFrom.current = null;
            setConflict(current);
            setError(null);
            dispatch({ type: 'failed', reason: 'conflict' });
            return undefined;
          }
        }
        setError(caught);
        dispatch({ type: 'failed', reason: failureOf(caught) });
        return undefined;
      }
    },
    [save, device.key],
  );

  /** Conflict "Reload": take their version, discard mine. */
  const takeTheirs = useCallback(() => {
    const theirs = latest.current.conflict;
    if (!theirs) return;
    setBase(theirs);
    setFields(fieldsOf(theirs));
    setConflict(null);
    setError(null);
    dispatch({ type: 'reset' });
  }, []);

  /** After publish/unpublish/restore: the server's copy is the new base; typed text stays. */
  const rebase = useCallback((post: PostView) => {
    const now = latest.current.fields;
    const wasClean = sameFields(now, fieldsOf(latest.current.base));
    setBase(post);
    setFields(wasClean ? fieldsOf(post) : now);
    dispatch({ type: 'changed', dirty: !wasClean && !sameFields(now, fieldsOf(post)) });
  }, []);

  const update = useCallback((name: keyof PostFields, value: string) => {
    const next = { ...latest.current.fields, [name]: value };
    latest.current = { ...latest.current, fields: next };
    setFields(next);
    dispatch({ type: 'changed', dirty: !sameFields(next, fieldsOf(latest.current.base)) });
  }, []);

  /** Takes the text kept on this device (the offer after a reload); its differences from the server stay unsaved. */
  const restore = useCallback(() => {
    const copy = device.take();
    if (!copy) return;
    const serverVersion = latest.current.base?.version;
    restoredFrom.current = copy.baseVersion !== null && serverVersion !== undefined && copy.baseVersion < serverVersion
      ? copy.baseVersion : null;
    latest.current = { ...latest.current, fields: copy.fields };
    setFields(copy.fields);
    dispatch({ type: 'restored' });
  }, [device]);

  const discard = useCallback(() => {
    device.discard();
    dispatch({ type: 'discarded' });
  }, [device]);

  const fieldErrors = error instanceof ProblemError ? errorsByField(error.errors) : {};
  return {
    base, fields, dirty, conflict, error, fieldErrors, saving: save.isPending, phase: machine.phase,
    offer: device.offer, keptOnDevice: device.kept,
    update, submit, takeTheirs, rebase, setError, restore, discard,
  };
}

export type PostEditor = ReturnType<typeof usePostEditor>;
