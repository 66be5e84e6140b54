import { useState } from 'react';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import { FakeXhr } from '@/testing/fake-xhr';
import { aMedia } from '@/testing/media-fixtures';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import { BodyEditor } from './body-editor';
import { bodyContent, bodyText, bodyView } from './editor-test-kit';

const png = (name: string) => new File([new Uint8Array(100)], name, { type: 'image/png' });

function Harness() {
  const [body, setBody] = useState('Intro.');
  return <BodyEditor body={body} readOnly={false} previewDelayMs={0} onChange={setBody} />;
}

describe('the toolbar\'s "Insert image"', () => {
  beforeEach(async () => {
    await signInAs('AUTHOR');
    fakeApi().on('POST /api/posts/preview', json({ html: '<p>preview</p>' }));
    FakeXhr.reset();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    // The editor focuses itself for the insert; in a shadow root CodeMirror then reads the selection through
    // execCommand (a Safari workaround), which jsdom does not have. Chromium runs it for real (e2e).
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    delete (document as { execCommand?: unknown }).execCommand;
  });

  const chooser = () => screen.getByLabelText<HTMLInputElement>('Images to insert');
  const placeholders = () => [...bodyContent().querySelectorAll('[data-testid="image-upload"]')].map((el) => el.textContent);

  it('offers a hidden image chooser, and the chosen file uploads with a placeholder, then becomes Markdown at the cursor', async () => {
    const user = userEvent.setup();
    renderWithRealtime(<Harness />);
    await vi.waitFor(() => bodyView());
    expect(chooser()).toHaveAttribute('type', 'file');
    expect(chooser()).toHaveAttribute('accept', 'image/jpeg,image/png,image/gif,image/webp');
    expect(chooser()).toHaveAttribute('multiple');
    expect(chooser()).not.toBeVisible();
    bodyView().dispatch({ selection: { anchor: bodyView().state.doc.length } });

    await user.upload(chooser(), png('red-fox.png'));
    expect(FakeXhr.latest().url).toBe('/api/media');
    expect((FakeXhr.latest().body?.get('file') as File).name).toBe('red-fox.png');
    expect(placeholders()).toEqual(['Uploading red-fox.png… 0%']);
    expect(bodyText()).toBe('Intro.');

    FakeXhr.latest().respond(201, aMedia('m1'));
    await vi.waitFor(() => expect(bodyText()).toBe('Intro.\n![red fox](/media/m1/800.png)\n'));
    expect(placeholders()).toEqual([]);
    expect(screen.queryByTestId('upload-errors')).not.toBeInTheDocument();
  });

  it('a refused upload leaves no Markdown behind and shows the server\'s reason under the editor', async () => {
    const user = userEvent.setup();
    renderWithRealtime(<Harness />);
    await vi.waitFor(() => bodyView());

    await user.upload(chooser(), png('huge.png'));
    FakeXhr.latest().respond(413, { type: '/problems/payload-too-large', title: 'Too large', status: 413,
      detail: 'The file is larger than 10 MB.' });

    const alert = await screen.findByTestId('upload-errors');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/huge\.png was not uploaded: .*10 MB/);
    expect(bodyText()).toBe('Intro.');
    expect(placeholders()).toEqual([]);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('upload-errors')).not.toBeInTheDocument();
  });

  it('is reached with the arrow keys in the toolbar and opens the chooser with Enter', async () => {
    const user = userEvent.setup();
    renderWithRealtime(<Harness />);
    await vi.waitFor(() => bodyView());
    const opened = vi.spyOn(chooser(), 'click');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });

    within(toolbar).getByRole('button', { name: 'Bold' }).focus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(within(toolbar).getByRole('button', { name: 'Insert image' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledTimes(1);
    expect(FakeXhr.requests).toHaveLength(0);
  });

  it('keeps the "![alt text](https://)" template for an image on another site', async () => {
    const user = userEvent.setup();
    renderWithRealtime(<Harness />);
    await vi.waitFor(() => bodyView());
    bodyView().dispatch({ selection: { anchor: bodyView().state.doc.length } });

    await user.click(screen.getByRole('button', { name: 'Image by address' }));
    expect(bodyText()).toContain('![alt text](https://)');
    expect(FakeXhr.requests).toHaveLength(0);
  });

  it('is disabled, chooser too, when the body is read-only', async () => {
    renderWithRealtime(<BodyEditor body="Locked." readOnly onChange={() => {}} />);
    await vi.waitFor(() => bodyView());
    expect(screen.getByRole('button', { name: 'Insert image' })).toBeDisabled();
    expect(chooser()).toBeDisabled();
  });
});
