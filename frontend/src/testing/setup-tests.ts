import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // The editor keeps unsaved text in localStorage; each test starts with none.
  window.localStorage.clear();
});

// jsdom lays nothing out, so Range has no geometry; CodeMirror measures text ranges (the body editor) and gets an
// empty layout instead of a TypeError. Real layout is tested in the browser (e2e/tests/editor-*.spec.js).
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const empty = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON: () => ({}) });
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = empty as () => DOMRect;
}
