/** Where a held-back image keeps its address until the editor asks for remote images. */
export const HELD_SRC = 'data-remote-src';

/**
 * The preview HTML with every image from another origin held back: its `src` moves to `data-remote-src`, so the
 * browser requests nothing from that host (a contributor's tracking pixel cannot tell who reviewed the post, or
 * when). Images of this origin stay. The HTML is parsed with DOMParser, whose documents load nothing.
 */
export function holdRemoteImages(html: string, origin: string): { html: string; held: number } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let held = 0;
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (src !== null && isRemote(src, origin)) {
      img.setAttribute(HELD_SRC, src);
      img.removeAttribute('src');
      img.removeAttribute('srcset');
      held++;
    }
  }
  return { html: held === 0 ? html : doc.body.innerHTML, held };
}

function isRemote(src: string, origin: string): boolean {
  try {
    return new URL(src, origin).origin !== origin;
  } catch {
    return true; // an address the browser cannot resolve either: nothing to lose by holding it
  }
}
