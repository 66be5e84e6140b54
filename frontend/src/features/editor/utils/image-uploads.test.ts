import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { signInAs } from '@/testing/fake-api';
import { FakeXhr } from '@/testing/fake-xhr';
import { aMedia } from '@/testing/media-fixtures';
import { altFromName, imageUploads, uploadImages } from './image-uploads';

const png = (name: string) => new File([new Uint8Array(100)], name, { type: 'image/png' });

describe('images pasted or dropped into the body', () => {
  let view: EditorView;
  let errors: string[];

  beforeEach(async () => {
    await signInAs('AUTHOR');
    FakeXhr.reset();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    errors = [];
    view = new EditorView({
      parent: document.body,
      state: EditorState.create({ doc: 'Intro.\n', extensions: imageUploads((message) => errors.push(message)) }),
    });
  });

  afterEach(() => {
    view.destroy();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  const placeholders = () => [...view.dom.querySelectorAll('[data-testid="image-upload"]')].map((el) => el.textContent);

  it('shows a placeholder with progress at the cursor, then inserts the image Markdown on its own line', async () => {
    const done = uploadImages(view, [png('red-fox.png')], view.state.doc.length, () => {});
    expect(placeholders()).toEqual(['Uploading red-fox.png… 0%']);
    expect(view.state.doc.toString()).toBe('Intro.\n');
    FakeXhr.latest().progress(50, 100);
    expect(placeholders()).toEqual(['Uploading red-fox.png… 50%']);

    FakeXhr.latest().respond(201, aMedia('m1'));
    await done;
    expect(view.state.doc.toString()).toBe('Intro.\n![red fox](/media/m1/800.png)\n');
    expect(placeholders()).toEqual([]);
  });

  it('uploads several files at once, each in its own place, in order', async () => {
    const done = uploadImages(view, [png('one.png'), png('two.png')], view.state.doc.length, () => {});
    expect(placeholders()).toHaveLength(2);
    expect(FakeXhr.requests).toHaveLength(1);
    FakeXhr.latest().respond(201, aMedia('m1'));
    await vi.waitFor(() => expect(FakeXhr.requests).toHaveLength(2));
    expect(placeholders()).toEqual(['Uploading two.png… 0%']);
    FakeXhr.latest().respond(201, aMedia('m2'));
    await done;
    expect(view.state.doc.toString()).toBe('Intro.\n![one](/media/m1/800.png)\n![two](/media/m2/800.png)\n');
  });

  it('keeps the placeholder in place while the writer types before it', async () => {
    const done = uploadImages(view, [png('cat.png')], view.state.doc.length, () => {});
    view.dispatch({ changes: { from: 0, insert: 'Title\n\n' } });
    FakeXhr.latest().respond(201, aMedia('m1'));
    await done;
    expect(view.state.doc.toString()).toBe('Title\n\nIntro.\n![cat](/media/m1/800.png)\n');
  });

  it('a refused upload leaves no Markdown behind and says why', async () => {
    const done = uploadImages(view, [png('huge.png')], 3, (message) => errors.push(message));
    FakeXhr.latest().respond(413, { type: '/problems/payload-too-large', title: 'Too large', status: 413,
      detail: 'The file is larger than 10 MB.' });
    await done;
    expect(view.state.doc.toString()).toBe('Intro.\n');
    expect(placeholders()).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^huge\.png was not uploaded: .*10 MB/)]);
  });

  it('makes alt text from the file name', () => {
    expect(altFromName('my-holiday_photo.final.jpg')).toBe('my holiday photo.final');
    expect(altFromName('[x].png')).toBe('x');
    expect(altFromName('.png')).toBe('image');
  });
});
