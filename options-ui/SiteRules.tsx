import { MASK_STYLES, METADATA_POLICIES, MODES, SENSITIVITIES, type SiteRule } from '../settings/schema';
import type { Translate } from '../messaging/translate';

interface Props {
  /** The host that names the site in the page (`data-site`). */
  host: string;
  name: string;
  rule: SiteRule;
  onChange: (rule: SiteRule) => void;
  t: Translate;
  /** For sites the user added: whether the browser grants access, and the actions on it. */
  added?: { access: boolean; grant: () => void; remove: () => void };
}

/** Message keys cannot hold a hyphen ("fewer-alarms"). */
const key = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, '_')}`;

/** One site's rule: a fieldset of labelled controls, saved as soon as one changes. */
export function SiteRules({ host, name, rule, onChange, t, added }: Props) {
  const id = (setting: string) => `${host}-${setting}`;
  const choice = <K extends 'mode' | 'metadata' | 'maskStyle' | 'sensitivity'>(setting: K, values: readonly SiteRule[K][], prefix: string) => (
    <div class="field">
      <label for={id(setting)}>{t(`setting_${setting}`)}</label>
      <select id={id(setting)} data-setting={setting} value={rule[setting]} onChange={(e) => onChange({ ...rule, [setting]: e.currentTarget.value })}>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(key(prefix, value))}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset class={rule.mode === 'off' ? 'site off' : 'site'} data-site={host}>
      <legend>{name}</legend>
      {added && !added.access && (
        <p class="warning">
          {t('siteNoAccess')}{' '}
          <button type="button" data-action="grant" onClick={added.grant}>
            {t('siteGrant')}
          </button>
        </p>
      )}
      {choice('mode', MODES, 'mode')}
      {choice('metadata', METADATA_POLICIES, 'metadata')}
      {choice('maskStyle', MASK_STYLES, 'style')}
      {choice('sensitivity', SENSITIVITIES, 'sensitivity')}
      <div class="field check">
        <input
          type="checkbox"
          id={id('warnFaces')}
          data-setting="warnFacesWithoutMetadata"
          checked={rule.warnFacesWithoutMetadata}
          onChange={(e) => onChange({ ...rule, warnFacesWithoutMetadata: e.currentTarget.checked })}
        />
        <label for={id('warnFaces')}>{t('setting_warnFaces')}</label>
      </div>
      {added && (
        <button type="button" class="remove" data-action="remove-site" onClick={added.remove}>
          {t('siteRemove', name)}
        </button>
      )}
    </fieldset>
  );
}
