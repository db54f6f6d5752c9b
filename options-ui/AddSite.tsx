import { useState } from 'preact/hooks';
import type { Translate } from '../messaging/translate';

interface Props {
  /** Adds the host; resolves with an error message to show, or null when it was added. */
  add: (input: string) => Promise<string | null>;
  t: Translate;
}

export function AddSite({ add, t }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = await add(input);
    setError(problem);
    if (!problem) setInput('');
  };
  return (
    <form class="add-site" onSubmit={submit}>
      <h2 id="add-site-title">{t('addSiteHeading')}</h2>
      <p id="add-site-help">{t('addSiteHelp')}</p>
      <label for="add-site-host">{t('addSiteLabel')}</label>
      <div class="row">
        <input
          id="add-site-host"
          data-setting="new-site"
          type="text"
          inputMode="url"
          placeholder="school.example.org"
          aria-describedby="add-site-help add-site-error"
          aria-invalid={error ? 'true' : 'false'}
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <button type="submit" data-action="add-site">
          {t('addSiteButton')}
        </button>
      </div>
      <p id="add-site-error" class="error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}
