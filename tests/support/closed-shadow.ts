import type { Page } from '@playwright/test';

interface DomNode {
  nodeName: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const textOf = (node: DomNode): string =>
  node.nodeName === 'STYLE'
    ? ''
    : (node.nodeName === '#text' ? (node.nodeValue ?? '') : '') +
      [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('') + (node.nodeName === 'P' ? '\n' : '');

/**
 * The text inside a closed shadow root, as a user sees it. Page scripts (and Playwright's
 * locators) cannot reach into it; the DevTools protocol can.
 */
export async function closedShadowText(page: Page, hostTag: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined =>
      node.nodeName === hostTag.toUpperCase() ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
    const host = find(root);
    return host ? textOf(host).replace(/\s*\n\s*/g, '\n').trim() : null;
  } finally {
    await cdp.detach();
  }
}
