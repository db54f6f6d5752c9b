import { describe, expect, it } from 'vitest';
import { backgroundUrl, isUiArt, largestCandidate, largestVariant, photoKey } from '../../scan/photo-source';

describe('photoKey', () => {
  it('gives one key to a photo shown at several sizes', () => {
    expect(photoKey('https://pbs.twimg.com/media/GaBc123?format=jpg&name=small')).toBe(photoKey('https://pbs.twimg.com/media/GaBc123?format=jpg&name=900x900'));
    expect(photoKey('https://scontent-cdg4-1.cdninstagram.com/v/t51.29350-15/4_5_n.jpg?stp=dst-jpg_s640x640&oh=a')).toBe(
      photoKey('https://scontent-cdg4-2.cdninstagram.com/v/t51.29350-15/4_5_n.jpg?stp=dst-jpg_s1080x1080&oh=b'),
    );
    expect(photoKey('https://example.org/a.jpg?w=300')).toBe(photoKey('https://example.org/a.jpg?w=1200'));
  });

  it('tells different photos apart', () => {
    expect(photoKey('https://pbs.twimg.com/media/A1?name=small')).not.toBe(photoKey('https://pbs.twimg.com/media/A2?name=small'));
    expect(photoKey('https://example.org/a.jpg')).not.toBe(photoKey('https://example.org/b.jpg'));
  });
});

describe('isUiArt', () => {
  it('skips avatars, emoji and interface art', () => {
    for (const url of [
      'https://pbs.twimg.com/profile_images/1/abc_normal.jpg',
      'https://abs-0.twimg.com/emoji/v2/svg/1f600.svg',
      'https://static.xx.fbcdn.net/rsrc.php/v3/yX/r/icon.png',
      'https://scontent-cdg4-1.xx.fbcdn.net/v/t39.30808-1/123_n.jpg?stp=cp0',
      'https://scontent-cdg4-1.cdninstagram.com/v/t51.2885-19/44_n.jpg',
    ]) {
      expect(isUiArt(url), url).toBe(true);
    }
  });

  it('keeps posted photos', () => {
    expect(isUiArt('https://pbs.twimg.com/media/GaBc123?format=jpg&name=900x900')).toBe(false);
    expect(isUiArt('https://scontent-cdg4-1.xx.fbcdn.net/v/t39.30808-6/123_n.jpg')).toBe(false);
  });
});

describe('srcset, backgrounds and sizes', () => {
  it('picks the widest srcset candidate', () => {
    expect(largestCandidate('a.jpg 640w, https://cdn.example/b.jpg 1080w, c.jpg 320w', 'https://example.org/p/')).toEqual({
      url: 'https://cdn.example/b.jpg',
      width: 1080,
    });
    expect(largestCandidate('', 'https://example.org/')).toBeNull();
  });

  it('reads the URL of a background image', () => {
    expect(backgroundUrl('url("https://pbs.twimg.com/media/X?format=jpg&name=small")', 'https://x.com/')).toBe(
      'https://pbs.twimg.com/media/X?format=jpg&name=small',
    );
    expect(backgroundUrl("url(/img/a.jpg)", 'https://example.org/page')).toBe('https://example.org/img/a.jpg');
    expect(backgroundUrl('none', 'https://example.org/')).toBeNull();
  });

  it("asks X for its largest size of a photo", () => {
    expect(largestVariant('https://pbs.twimg.com/media/X?format=jpg&name=small')).toBe('https://pbs.twimg.com/media/X?format=jpg&name=large');
    expect(largestVariant('https://example.org/a.jpg?name=small')).toBe('https://example.org/a.jpg?name=small');
  });
});

describe('onImageHost', () => {
  it("matches the guarded sites' image hosts and nothing else", async () => {
    const { onImageHost } = await import('../../scan/image-hosts');
    expect(onImageHost('https://pbs.twimg.com/media/X?name=large')).toBe(true);
    expect(onImageHost('https://scontent-cdg4-1.cdninstagram.com/v/a.jpg')).toBe(true);
    expect(onImageHost('https://scontent.xx.fbcdn.net/v/a.jpg')).toBe(true);
    for (const url of ['https://fbcdn.net.evil.example/a.jpg', 'https://evil.example/?https://pbs.twimg.com/', 'http://pbs.twimg.com/media/X', 'https://x.com/a.jpg']) {
      expect(onImageHost(url), url).toBe(false);
    }
  });
});
