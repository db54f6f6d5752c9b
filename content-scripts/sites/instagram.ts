import type { Site } from './site';

export const instagram: Site = {
  key: 'instagram',
  name: 'Instagram',
  hosts: ['www.instagram.com'],
};
