import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '@/lib/auth/auth-store';
import { NetworkError, ProblemError } from '@/lib/problem-error';
import { signInAs } from '@/testing/fake-api';
import { FakeXhr } from '@/testing/fake-xhr';
import { aMedia } from '@/testing/media-fixtures';
import { uploadMedia, type UploadProgress } from './upload-media';

const png = () => new File([new Uint8Array(1000)], 'cat.png', { type: 'image/png' });

describe('uploadMedia', () => {
  beforeEach(async () => {
    await signInAs('AUTHOR');
    FakeXhr.reset();
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });

  afterEach(() => {
    authStore.end(null);
    vi.unstubAllGlobals();
  });

  it('sends the file and alt text with the access token and reports the progress of the body', async () => {
    const progress: UploadProgress[] = [];
    const upload = uploadMedia(png(), { alt: 'A cat', onProgress: (p) => progress.push(p) });
    const xhr = FakeXhr.latest();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/media');
    expect(xhr.headers.Authorization).toBe('Bearer t');
    expect((xhr.body!.get('file') as File).name).toBe('cat.png');
    expect(xhr.body!.get('alt')).toBe('A cat');

    xhr.progress(300, 1200);
    xhr.progress(1200, 1200);
    xhr.respond(201, aMedia('m1'));

    await expect(upload).resolves.toMatchObject({ id: 'm1' });
    expect(progress.map((p) => p.fraction)).toEqual([0, 0.25, 1]);
    expect(progress[1]).toMatchObject({ loaded: 300, total: 1200 });
  });

  it('leaves the alt part out when there is no alt text', async () => {
    const upload = uploadMedia(png());
    const xhr = FakeXhr.latest();
    expect(xhr.body!.has('alt')).toBe(false);
    xhr.respond(201, aMedia('m1'));
    await upload;
  });

  it('turns a refusal into a typed problem with its extra members', async () => {
    const upload = uploadMedia(png());
    FakeXhr.latest().respond(413, { type: '/problems/media-too-large', title: 'Image too large', status: 413,
      detail: 'The file is over 10 MB.', maxBytes: 10_485_760 });
    const error = await upload.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(413);
    expect((error as ProblemError).is('media-too-large')).toBe(true);
    expect((error as ProblemError).extra<number>('maxBytes')).toBe(10_485_760);
  });

  it('keeps a non-JSON error page readable', async () => {
    const upload = uploadMedia(png());
    const xhr = FakeXhr.latest();
    xhr.status = 502;
    xhr.responseText = '<html>Bad gateway</html>';
    xhr.onload?.();
    await expect(upload).rejects.toMatchObject({ status: 502, title: '<html>Bad gateway</html>' });
  });

  it('refreshes the token once on a 401 and sends the file again', async () => {
    const refresh = vi.spyOn(authStore, 'refresh').mockResolvedValue(true);
    const upload = uploadMedia(png());
    FakeXhr.latest().respond(401, { type: '/problems/unauthorized', title: 'Unauthorized', status: 401 });
    await vi.waitFor(() => expect(FakeXhr.requests).toHaveLength(2));
    FakeXhr.latest().respond(201, aMedia('m2'));
    await expect(upload).resolves.toMatchObject({ id: 'm2' });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh cannot help', async () => {
    vi.spyOn(authStore, 'refresh').mockResolvedValue(false);
    const end = vi.spyOn(authStore, 'end');
    const upload = uploadMedia(png());
    FakeXhr.latest().respond(401, { title: 'Unauthorized', status: 401 });
    await expect(upload).rejects.toMatchObject({ status: 401 });
    expect(FakeXhr.requests).toHaveLength(1);
    expect(end).toHaveBeenCalled();
  });

  it('says when the server cannot be reached', async () => {
    const upload = uploadMedia(png());
    FakeXhr.latest().fail();
    await expect(upload).rejects.toBeInstanceOf(NetworkError);
  });

  it('cancels the request when the signal aborts', async () => {
    const controller = new AbortController();
    const upload = uploadMedia(png(), { signal: controller.signal });
    controller.abort();
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXhr.latest().aborted).toBe(true);
  });
});
