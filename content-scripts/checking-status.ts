const STYLE = `
  div { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; padding: 10px 16px;
        border-radius: 999px; background: #1f2933; color: #fff; font: 14px/1.3 system-ui, sans-serif;
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }
`;

/**
 * A small "checking your photos" notice while the analysis runs, so a held photo is never a
 * silent wait. It says nothing about the photos, and sits under a closed shadow root all the same.
 * Returns the function that removes it.
 */
export function showCheckingStatus(text: string): () => void {
  const host = document.createElement('photo-guard-status');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  status.textContent = text;
  shadow.append(style, status);
  document.documentElement.append(host);
  return () => host.remove();
}
