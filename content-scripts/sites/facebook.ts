import type { Site } from './site';

export const facebook: Site = {
  key: 'facebook',
  name: 'Facebook',
  settingsUrl: 'https://www.facebook.com/settings/?tab=privacy',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  // The composer's audience button is named like "Edit privacy. Sharing with Public."
  audience: () =>
    document
      .querySelector('[role="dialog"] [aria-label^="Edit privacy."]')
      ?.getAttribute('aria-label')
      ?.match(/Sharing with (.+?)\.?$/)?.[1] ?? null,
};
