import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import type { Role } from '@/types/api';
import { fakeApi, json, signInAs } from '@/testing/fake-api';
import { FakeSocket } from '@/testing/fake-socket';
import { FakeXhr } from '@/testing/fake-xhr';
import { aMedia, aMediaEvent, aMediaPage, ana, bob } from '@/testing/media-fixtures';
import { renderWithRealtime } from '@/testing/render-with-realtime';
import { LiveMediaSync } from './live-media-sync';
import { MediaPage } from './media-page';

const png = (name: string) => new File([new Uint8Array(2048)], name, { type: 'image/png' });
const cards = () => screen.queryAllByTestId('media-card');
const altOf = (card: HTMLElement) => within(card).getByTestId('media-alt').textContent;

describe('MediaPage', () => {
  let api: ReturnType<typeof fakeApi>;

  async function renderPage(role: Role = 'AUTHOR', items = [aMedia('a', { alt: 'Harbour', uploadedBy: bob })]) {
    await signInAs(role, ana.id, ana.name);
    api = fakeApi();
    api.on('GET /api/media', json(aMediaPage(items)));
    const view = renderWithRealtime(<><LiveMediaSync /><MediaPage /></>, { route: '/media' });
    if (items.length > 0) await screen.findAllByTestId('media-card');
    act(() => {
      view.latest().open();
      view.latest().receive({ type: 'ready', audience: 'staff', position: 1, epoch: 'e', protocol: 1 });
    });
    return view;
  }

  beforeEach(() => {
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeXhr.reset();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });

  afterEach(() => {
    cleanup();
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('shows the narrowest rendition of each image, lazily, with its size and alt text', async () => {
    await renderPage();
    const img = within(cards()[0]).getByRole('img', { name: 'Harbour' });
    expect(img).toHaveAttribute('src', '/media/a/320.png');
    expect(img).toHaveAttribute('width', '320');
    expect(img).toHaveAttribute('height', '240');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(api.callsTo('GET /api/media')[0].params.get('page')).toBe('0');
  });

  it('asks for my uploads only when "Only my uploads" is ticked', async () => {
    await renderPage();
    await userEvent.click(screen.getByLabelText('Only my uploads'));
    await vi.waitFor(() => expect(api.callsTo('GET /api/media').at(-1)!.params.get('uploadedBy')).toBe(ana.id));
  });

  it('uploads several files with a progress bar each, and shows each refusal by the file', async () => {
    await renderPage();
    await userEvent.upload(screen.getByLabelText('Choose images…'), [png('one.png'), png('two.svg')]);
    expect(FakeXhr.requests).toHaveLength(2);
    const [one, two] = FakeXhr.requests;

    act(() => one.progress(512, 2048));
    const bar = screen.getByRole('progressbar', { name: 'Uploading one.png' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('progressbar', { name: 'Uploading two.svg' })).toHaveAttribute('aria-valuenow', '0');

    act(() => two.respond(415, { type: '/problems/unsupported-image-format', title: 'Unsupported image format',
      status: 415, detail: 'Only JPEG, PNG, GIF and WebP images are accepted.' }));
    const rows = screen.getAllByTestId('upload-row');
    expect(await within(rows[1]).findByRole('alert')).toHaveTextContent('Unsupported image format. Only JPEG, PNG, GIF and WebP');
    expect(rows[1]).toHaveAttribute('data-status', 'failed');

    act(() => one.progress(2048, 2048));
    expect(screen.getByRole('progressbar', { name: 'Uploading one.png' })).toHaveAttribute('aria-valuenow', '100');
    expect(rows[0]).toHaveAttribute('data-status', 'processing');
    act(() => one.respond(201, aMedia('new', { alt: null })));
    await vi.waitFor(() => expect(rows[0]).toHaveAttribute('data-status', 'done'));
    expect(cards().map((card) => card.dataset.mediaId)).toEqual(['new', 'a']);
  });

  it('says the limit when a file is too large, and why a picture is refused', async () => {
    await renderPage();
    await userEvent.upload(screen.getByLabelText('Choose images…'), [png('huge.png'), png('bomb.png')]);
    act(() => {
      FakeXhr.requests[0].respond(413, { type: '/problems/media-too-large', title: 'File too large', status: 413, maxBytes: 10 * 1024 * 1024 });
      FakeXhr.requests[1].respond(422, { type: '/problems/image-too-large', title: 'Image too large', status: 422,
        detail: 'The image has 2500000000 pixels; at most 40000000 are accepted.' });
    });
    const rows = screen.getAllByTestId('upload-row');
    expect(await within(rows[0]).findByRole('alert')).toHaveTextContent('images of at most 10 MB are accepted');
    expect(await within(rows[1]).findByRole('alert')).toHaveTextContent('at most 40000000 are accepted');
    expect(cards()).toHaveLength(1);
  });

  it('sends three files at a time and starts the next when one ends; a waiting or running upload can be cancelled', async () => {
    await renderPage();
    await userEvent.upload(screen.getByLabelText('Choose images…'), ['1', '2', '3', '4', '5'].map((n) => png(`${n}.png`)));
    const rows = screen.getAllByTestId('upload-row');
    expect(FakeXhr.requests).toHaveLength(3);
    expect(rows.map((row) => row.dataset.status)).toEqual(['uploading', 'uploading', 'uploading', 'waiting', 'waiting']);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel 5.png' }));
    expect(rows[4]).toHaveAttribute('data-status', 'cancelled');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel 2.png' }));
    expect(FakeXhr.requests[1].aborted).toBe(true);
    await vi.waitFor(() => expect(rows[1]).toHaveAttribute('data-status', 'cancelled'));
    await vi.waitFor(() => expect(FakeXhr.requests).toHaveLength(4));
    expect((FakeXhr.latest().body!.get('file') as File).name).toBe('4.png');
    expect(rows[3]).toHaveAttribute('data-status', 'uploading');

    act(() => FakeXhr.requests[0].respond(201, aMedia('one')));
    await vi.waitFor(() => expect(rows[0]).toHaveAttribute('data-status', 'done'));
    expect(FakeXhr.requests).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Clear finished uploads' }));
    expect(screen.getAllByTestId('upload-row').map((row) => row.textContent)).toEqual([
      expect.stringContaining('3.png'), expect.stringContaining('4.png')]);
  });

  it('uploads files dropped anywhere on the page, and ignores a drag of text', async () => {
    await renderPage();
    const dropped = fireEvent.drop(cards()[0], { dataTransfer: { files: [png('dropped.png')], types: ['Files'] } });
    expect(dropped).toBe(false); // default prevented: the browser does not leave the app to show the file
    expect(FakeXhr.requests).toHaveLength(1);
    expect((FakeXhr.latest().body!.get('file') as File).name).toBe('dropped.png');
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [], types: ['text/plain'] } });
    expect(FakeXhr.requests).toHaveLength(1);
  });

  it('edits the alt text and shows the server\'s answer', async () => {
    await renderPage('EDITOR');
    api.on('PATCH /api/media/a', json(aMedia('a', { alt: 'Harbour at dawn', version: 2, uploadedBy: bob })));
    await userEvent.click(screen.getByRole('button', { name: "Edit alt text of 'Harbour'" }));
    const field = screen.getByLabelText('Alt text');
    await userEvent.clear(field);
    await userEvent.type(field, 'Harbour at dawn');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(altOf(cards()[0])).toBe('Harbour at dawn'));
    expect(api.callsTo('PATCH /api/media/a')[0].body).toEqual({ alt: 'Harbour at dawn' });
  });

  it('shows a refused alt text by the field and keeps the old one', async () => {
    await renderPage('ADMIN');
    api.on('PATCH /api/media/a', json({ type: '/problems/validation', title: 'Invalid request', status: 400,
      errors: [{ field: 'alt', message: 'at most 500 characters' }] }, 400));
    await userEvent.click(screen.getByRole('button', { name: "Edit alt text of 'Harbour'" }));
    await userEvent.type(screen.getByLabelText('Alt text'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at most 500 characters');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(altOf(cards()[0])).toBe('Harbour');
  });

  it('offers editing and deleting only to the uploader, ADMIN and EDITOR', async () => {
    await renderPage('AUTHOR', [aMedia('a', { alt: 'Theirs', uploadedBy: bob }), aMedia('b', { alt: 'Mine', uploadedBy: ana })]);
    expect(within(cards()[0]).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(within(cards()[1]).getByRole('button', { name: "Delete 'Mine'" })).toBeInTheDocument();
  });

  it('deletes an unused image after confirmation', async () => {
    await renderPage('AUTHOR', [aMedia('a', { alt: 'Mine', uploadedBy: ana })]);
    api.on('DELETE /api/media/a', new Response(null, { status: 204 }));
    await userEvent.click(screen.getByRole('button', { name: "Delete 'Mine'" }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this image?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(cards()).toHaveLength(0));
    expect(api.callsTo('DELETE /api/media/a')[0].params.get('force')).toBeNull();
  });

  it('shows the posts using an image when the server refuses the delete, and lets an editor force it', async () => {
    await renderPage('EDITOR');
    api.on('DELETE /api/media/a', json({ type: '/problems/media-in-use', title: 'Image in use', status: 409,
      usedBy: [{ id: 'p1', title: 'Hello' }, { id: 'p2', title: 'Draft two' }] }, 409), new Response(null, { status: 204 }));
    await userEvent.click(screen.getByRole('button', { name: "Delete 'Harbour'" }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const usedBy = await within(dialog).findByRole('list', { name: 'Used by' });
    expect(within(usedBy).getAllByRole('link').map((link) => link.textContent)).toEqual(['Hello', 'Draft two']);
    expect(cards()).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete anyway' }));
    await vi.waitFor(() => expect(cards()).toHaveLength(0));
    expect(api.callsTo('DELETE /api/media/a').map((call) => call.params.get('force'))).toEqual([null, 'true']);
  });

  it('does not offer an author to force the delete of an image in use', async () => {
    await renderPage('AUTHOR', [aMedia('a', { alt: 'Mine', uploadedBy: ana, usedBy: [{ id: 'p1', title: 'Hello' }] })]);
    await userEvent.click(screen.getByRole('button', { name: "Delete 'Mine'" }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('link', { name: 'Hello' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: 'Delete anyway' })).not.toBeInTheDocument();
    expect(dialog).toHaveTextContent('only an admin or editor can delete an image in use');
  });

  it('shows another admin\'s upload, alt change and delete live, without a request', async () => {
    const { latest } = await renderPage();
    act(() => latest().receive({ type: 'event', position: 2, event: aMediaEvent('media-created', aMedia('b', { alt: 'Fresh', uploadedBy: bob }), bob) }));
    await vi.waitFor(() => expect(cards().map((card) => card.dataset.mediaId)).toEqual(['b', 'a']));
    act(() => latest().receive({ type: 'event', position: 3, event: aMediaEvent('media-updated', aMedia('a', { alt: 'Harbour, night', version: 2, uploadedBy: bob }), bob) }));
    await vi.waitFor(() => expect(altOf(cards()[1])).toBe('Harbour, night'));
    act(() => latest().receive({ type: 'event', position: 4, event: aMediaEvent('media-deleted', aMedia('b', { version: 2 }), bob) }));
    await vi.waitFor(() => expect(cards().map((card) => card.dataset.mediaId)).toEqual(['a']));
    expect(api.callsTo('GET /api/media')).toHaveLength(1);
  });
});
