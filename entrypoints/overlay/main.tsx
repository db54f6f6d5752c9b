import { t } from '../../messaging/i18n';
import { render } from 'preact';
import { connectToHost } from '../../content-scripts/overlay/connection';
import { OverlayApp } from '../../content-scripts/overlay/OverlayApp';

// The language of the messages shown, which is what `lang` must name.
document.documentElement.lang = t('lang');
connectToHost(location.hash.slice(1), (request, decide) =>
  render(
    <OverlayApp request={request} decide={decide} t={t} />,
    document.getElementById('root')!,
  ),
);
