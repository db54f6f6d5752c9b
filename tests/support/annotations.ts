import { readFileSync } from 'node:fs';

export interface AnnotatedPhoto {
  file: string;
  width: number;
  height: number;
  faces: number[][];
}

export const annotatedPhotos = (): AnnotatedPhoto[] =>
  JSON.parse(readFileSync('tests/fixtures/photos/annotations.json', 'utf8')) as AnnotatedPhoto[];
