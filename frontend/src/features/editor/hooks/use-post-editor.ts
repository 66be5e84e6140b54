import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { ProblemError } from '@/lib/problem-error';
import type { PostView } from '@/types/api';
import { useSavePost } from '../api/save-post';
import { errorsByField, fieldsOf, sameFields, toRequest, type PostFields } from '../utils/post-form';

export type SaveKind = 'manual' | 'auto' | 'overwrite';

/**
 * The editor's state: the fields as typed, the post version they started from (`base`, sent with every save),
 * and what went wrong. A newer server copy (someone else's change, a reload) replaces the fields only while
 * they are clean: typed text is never thrown away silently, and its save then meets the 409 conflict.
 */
export function usePostEditor(post: PostView | null) {
  const [base, setBase] = useState(post);
  const [fields, setFields] = useState(() => fieldsOf(post));
  const [seen, setSeen] = useState(post);
  const [conflict, setConflict] = useState<PostView | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The fields a save was refused for: autosave does not send the same refused text again.
  const [refused, setRefused] = useState<PostFields | null>(null);
  const save = useSavePost();

  const dirty = !sameFields(fields, fieldsOf(base));
  // "Adjusting state when a prop changes" (react.dev): take a newer server copy while nothing is typed.
  if (post !== seen) {
    setSeen(post);
    if (post && (!base || post.version > base.version) && !dirty && !conflict) {
      setBase(post);
      setFields(fieldsOf(post));
    }
  }

  const latest = useRef({ fields, base, conflict });
  useLayoutEffect(() => {
    latest.current = { fields, base, conflict };
  });

  const submit = useCallback(
    async (kind: SaveKind): Promise<PostView | undefined> => {
      const { fields: sent, base: from, conflict: theirs } = latest.current;
      const version = kind === 'overwrite' && theirs ? theirs.version : from?.version;
      try {
        const saved = await save.mutateAsync({ id: from?.id, version, request: toRequest(sent) });
        setBase(saved);
        setConflict(null);
        setError(null);
        // The server normalises (tags, generated slug): show its copy unless the user typed on meanwhile.
        setFields((now) => (now === sent ? fieldsOf(saved) : now));
        return saved;
      } catch (caught) {
        if (caught instanceof ProblemError && caught.is('stale-version')) {
          const current = caught.extra<PostView>('currentPost');
          if (current) {
            setConflict(current);
            setError(null);
            return undefined;
          }
        }
        setError(caught);
        setRefused(sent);
        return undefined;
      }
    },
    [save],
  );

  /** Conflict "Reload": take their version, discard mine. */
  const takeTheirs = useCallback(() => {
    const theirs = latest.current.conflict;
    if (!theirs) return;
    setBase(theirs);
    setFields(fieldsOf(theirs));
    setConflict(null);
    setError(null);
  }, []);

  /** After publish/unpublish/restore: the server's copy is the new base; typed text stays. */
  const rebase = useCallback((post: PostView) => {
    setBase(post);
    setFields((now) => (sameFields(now, fieldsOf(latest.current.base)) ? fieldsOf(post) : now));
  }, []);

  const update = useCallback((name: keyof PostFields, value: string) => {
    setFields((now) => ({ ...now, [name]: value }));
  }, []);

  const fieldErrors = error instanceof ProblemError ? errorsByField(error.errors) : {};
  return {
    base, fields, dirty, conflict, error, fieldErrors, saving: save.isPending, refused: refused === fields,
    update, submit, takeTheirs, rebase, setError,
  };
}

export type PostEditor = ReturnType<typeof usePostEditor>;
