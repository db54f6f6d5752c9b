import type { Site } from './site';

export const instagram: Site = {
  key: 'instagram',
  name: 'Instagram',
  settingsUrl: 'https://www.instagram.com/accounts/privacy_and_security/',
  hosts: ['www.instagram.com'],
};
