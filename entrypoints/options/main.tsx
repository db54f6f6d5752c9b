import { render } from 'preact';
import { OptionsApp } from '../../options-ui/OptionsApp';
import { browserOptionsApi } from '../../settings/options-api';

// The language of the messages shown, which is what `lang` must name.
document.documentElement.lang = browserOptionsApi.t('lang');
document.title = browserOptionsApi.t('optionsTitle');
render(<OptionsApp api={browserOptionsApi} />, document.getElementById('root')!);
