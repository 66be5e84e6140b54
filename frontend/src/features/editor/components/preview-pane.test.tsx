import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { fakeApi, json } from '@/testing/fake-api';
import { holdRemoteImages } from '../utils/remote-images';
import { POST_CONTENT_STYLESHEET, PreviewPane } from './preview-pane';

const pixel = 'https://tracker.example/pixel.png?who=reviewer';

function renderPreview(html: string) {
  const api = fakeApi();
  api.on('POST /api/posts/preview', json({ html }));
  render(
    <QueryClientProvider client={createQueryClient()}>
      <PreviewPane body="any" delayMs={0} />
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: 'Preview' });
}

describe('PreviewPane: remote images', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('holds back images from other sites until the editor asks for them', async () => {
    const user = userEvent.setup();
    const preview = renderPreview(`<p>Hi <img src="${pixel}" alt="pixel"> <img src="/media/own.png" alt="own"></p>`);
    const load = await screen.findByRole('button', { name: 'Load remote images' });
    expect(preview).toHaveTextContent('1 image from another site is not loaded');
    expect(preview.querySelector('img[src*="tracker.example"]')).toBeNull();
    expect(preview.querySelector('img[data-remote-src]')?.getAttribute('data-remote-src')).toBe(pixel);
    expect(preview.querySelector('img[alt="own"]')?.getAttribute('src')).toBe('/media/own.png');

    await user.click(load);
    expect(preview.querySelector('img[alt="pixel"]')?.getAttribute('src')).toBe(pixel);
    expect(screen.queryByRole('button', { name: 'Load remote images' })).not.toBeInTheDocument();
  });

  it('offers no control when every image is our own', async () => {
    const preview = renderPreview('<p><img src="/media/a.png" alt="a"></p>');
    await vi.waitFor(() => expect(preview.querySelector('img[alt="a"]')).not.toBeNull());
    expect(screen.queryByRole('button', { name: 'Load remote images' })).not.toBeInTheDocument();
  });
});

describe('PreviewPane: the public post style sheet', () => {
  afterEach(() => {
    cleanup();
    document.head.querySelectorAll('link').forEach((link) => link.remove());
  });

  it('shows the server HTML in the post-content box of the public style sheet, loaded once', async () => {
    const preview = renderPreview('<h1>Title</h1><pre><code class="language-java"><span class="tok-keyword">int</span> x;</code></pre>');
    await vi.waitFor(() => expect(preview.querySelector('h1')).not.toBeNull());
    const box = screen.getByTestId('preview-html');
    expect(box).toHaveClass('post-content', { exact: true });
    expect(box.querySelector('span.tok-keyword')).toHaveTextContent('int');
    cleanup();
    renderPreview('<p>again</p>');
    const links = [...document.head.querySelectorAll('link[rel="stylesheet"]')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([POST_CONTENT_STYLESHEET]);
    expect(POST_CONTENT_STYLESHEET).toBe('/site/post-content.css');
  });
});

describe('holdRemoteImages', () => {
  const origin = 'https://blog.example';

  it('holds absolute, protocol-relative and other-origin images and keeps same-origin ones', () => {
    const { html, held } = holdRemoteImages('<img src="https://a.example/x.png"><img src="//b.example/y.png">'
      + '<img src="http://blog.example/z.png"><img src="https://blog.example/ok.png"><img src="rel.png">', origin);
    expect(held).toBe(3);
    expect(html).not.toMatch(/ src="(https?:)?\/\/[ab]\.example/);
    expect(html).toContain('src="https://blog.example/ok.png"');
    expect(html).toContain('src="rel.png"');
  });

  it('leaves HTML without remote images untouched', () => {
    expect(holdRemoteImages('<p>text</p>', origin)).toEqual({ html: '<p>text</p>', held: 0 });
  });
});
