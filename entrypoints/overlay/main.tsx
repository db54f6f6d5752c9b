import { browser } from 'wxt/browser';
import { render } from 'preact';
import { connectToHost } from '../../content-scripts/overlay/connection';
import { OverlayApp } from '../../content-scripts/overlay/OverlayApp';

// The language of the messages shown, which is what `lang` must name.
document.documentElement.lang = browser.i18n.getMessage('lang');
connectToHost(location.hash.slice(1), (request, decide) =>
  render(
    <OverlayApp request={request} decide={decide} t={(key, ...subs) => browser.i18n.getMessage(key as 'extName', subs)} />,
    document.getElementById('root')!,
  ),
);
