import type { Site } from './site';

export const x: Site = {
  key: 'x',
  name: 'X',
  settingsUrl: 'https://x.com/settings/audience_and_tagging',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com'],
};
