import { render } from 'preact';
import { PopupApp } from '../../popup-ui/PopupApp';
import { browserPopupApi } from '../../scan/popup-api';

// The language of the messages shown, which is what `lang` must name.
document.documentElement.lang = browserPopupApi.t('lang');
render(<PopupApp api={browserPopupApi} />, document.getElementById('root')!);
