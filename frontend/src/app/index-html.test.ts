import { describe, expect, it } from 'vitest';
import html from '../../index.html?raw';

/**
 * The server sends the admin app with `script-src 'self'; style-src 'self'` (docs/admin.md): the page Vite builds
 * from index.html must not need inline script or style, or the app would not start.
 */
describe('index.html under the admin Content-Security-Policy', () => {
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('loads every script from a file', () => {
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.getAttribute('src')).toBeTruthy();
      expect(script.textContent?.trim()).toBe('');
    }
  });

  it('has no inline style or event handler', () => {
    expect(doc.querySelectorAll('style, [style]')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
