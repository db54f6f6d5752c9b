import { exportSettings, importSettings } from '../settings/transfer';
import type { Settings } from '../settings/schema';
import type { Translate } from '../messaging/translate';

interface Props {
  settings: Settings;
  /** Applies settings read from a file (which says so). */
  restore: (imported: Settings) => Promise<void>;
  reset: () => Promise<void>;
  /** Says why a file changed nothing. */
  say: (message: string) => void;
  t: Translate;
}

/** Export to a JSON file, import one (checked in full before anything changes), reset. */
export function Backup({ settings, restore, reset, say, t }: Props) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(settings)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'photo-guard-settings.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const checked = importSettings(await file.text());
    if (checked.ok) await restore(checked.value);
    else say(t('importFailed', checked.error));
  };
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupHeading')}</h2>
      <div class="row">
        <button type="button" data-action="export" onClick={download}>
          {t('exportButton')}
        </button>
        <label class="button" for="import-file">
          {t('importButton')}
        </label>
        <input id="import-file" class="visually-hidden" type="file" accept="application/json,.json" data-action="import" onChange={(e) => void upload(e.currentTarget)} />
        <button type="button" data-action="reset" onClick={() => void reset()}>
          {t('resetButton')}
        </button>
      </div>
    </section>
  );
}
