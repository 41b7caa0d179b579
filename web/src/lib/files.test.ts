import { describe, expect, it } from 'vitest';
import {
  diffAttachments,
  fileExtension,
  formatSize,
  imageFiles,
  mediaFilterFrom,
  mediaQuery,
  nextUploads,
  parseTags,
  percentOf,
  previewOf,
  queueProgress,
  reviewImageSources,
  uploadsToStart,
  type Upload,
  type UploadEvent,
} from './files';

describe('formatSize', () => {
  it('says small files in bytes, in words', () => {
    expect(formatSize(0, 'en')).toBe('0 bytes');
    expect(formatSize(840, 'en')).toBe('840 bytes');
  });

  it('uses decimal units, one decimal under ten', () => {
    expect(formatSize(1_234, 'en')).toBe('1.2 kB');
    expect(formatSize(12_345, 'en')).toBe('12 kB');
    expect(formatSize(5_200_000, 'en')).toBe('5.2 MB');
    expect(formatSize(104_857_600, 'en')).toBe('105 MB');
    expect(formatSize(3_000_000_000, 'en')).toBe('3 GB');
  });

  it('never says a thousand of a unit', () => {
    expect(formatSize(999_960, 'en')).toBe('1 MB');
  });

  it('speaks French', () => {
    expect(formatSize(1_234_567, 'fr').replace(/\s/g, ' ')).toBe('1,2 Mo');
  });
});

describe('fileExtension', () => {
  it('is short and upper case, or nothing', () => {
    expect(fileExtension('brief.v2.docx')).toBe('DOCX');
    expect(fileExtension('README')).toBeNull();
    expect(fileExtension('archive.backup-2024')).toBeNull();
  });
});

describe('percentOf', () => {
  it('is whole, between 0 and 100', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
  });
});

describe('previews', () => {
  it('shows raster images and PDFs, never SVG', () => {
    expect(previewOf('image/png')).toBe('image');
    expect(previewOf('image/jpeg')).toBe('image');
    expect(previewOf('application/pdf')).toBe('pdf');
    expect(previewOf('image/svg+xml')).toBeNull();
    expect(previewOf('image/tiff')).toBeNull();
    expect(previewOf('application/vnd.ms-excel')).toBeNull();
  });

  it('takes the images of a paste, leaving SVG and the rest', () => {
    const files = [
      new File(['a'], 'a.png', { type: 'image/png' }),
      new File(['b'], 'b.svg', { type: 'image/svg+xml' }),
      new File(['c'], 'c.pdf', { type: 'application/pdf' }),
    ];
    expect(imageFiles(files).map((f) => f.name)).toEqual(['a.png']);
  });
});

const run = (events: UploadEvent[], from: Upload[] = []) => events.reduce(nextUploads, from);
const add = (...names: string[]): UploadEvent => ({
  kind: 'add',
  uploads: names.map((name) => ({ key: name, name, size: 100 })),
});

describe('the upload queue', () => {
  it('queues the files of a drop, each once', () => {
    const queue = run([add('a.png', 'b.pdf'), add('b.pdf', 'c.jpg')]);
    expect(queue.map((u) => [u.key, u.state])).toEqual([
      ['a.png', 'queued'],
      ['b.pdf', 'queued'],
      ['c.jpg', 'queued'],
    ]);
  });

  it('follows each upload: progress, done, failed', () => {
    const queue = run([
      add('a', 'b'),
      { kind: 'start', key: 'a' },
      { kind: 'progress', key: 'a', loaded: 40 },
      { kind: 'start', key: 'b' },
      { kind: 'progress', key: 'b', loaded: 500 },
      { kind: 'failed', key: 'b', error: 'too large' },
    ]);
    expect(queue[0]).toMatchObject({ state: 'uploading', loaded: 40 });
    expect(queue[1]).toMatchObject({ state: 'failed', loaded: 100, error: 'too large' });
    const finished = nextUploads(queue, { kind: 'done', key: 'a' });
    expect(finished[0]).toMatchObject({ state: 'done', loaded: 100 });
  });

  it('ignores progress that comes after the end, and a failure after a cancel', () => {
    const queue = run([
      add('a'),
      { kind: 'start', key: 'a' },
      { kind: 'cancelled', key: 'a' },
      { kind: 'progress', key: 'a', loaded: 90 },
      { kind: 'failed', key: 'a', error: 'abort' },
    ]);
    expect(queue[0]).toMatchObject({ state: 'cancelled', loaded: 0 });
    expect(queue[0]).not.toHaveProperty('error');
  });

  it('retries a failed upload from the start', () => {
    const queue = run([
      add('a'),
      { kind: 'start', key: 'a' },
      { kind: 'progress', key: 'a', loaded: 60 },
      { kind: 'failed', key: 'a', error: 'network' },
      { kind: 'retry', key: 'a' },
    ]);
    expect(queue[0]).toEqual({ key: 'a', name: 'a', size: 100, loaded: 0, state: 'queued' });
  });

  it('starts no more than the parallel uploads allowed, oldest first', () => {
    let queue = run([add('a', 'b', 'c', 'd')]);
    expect(uploadsToStart(queue, 2)).toEqual(['a', 'b']);
    queue = run([{ kind: 'start', key: 'a' }], queue);
    expect(uploadsToStart(queue, 2)).toEqual(['b']);
    queue = run([{ kind: 'start', key: 'b' }], queue);
    expect(uploadsToStart(queue, 2)).toEqual([]);
    queue = run([{ kind: 'done', key: 'a' }], queue);
    expect(uploadsToStart(queue, 2)).toEqual(['c']);
  });

  it('sums what is still on its way, and clears what is finished', () => {
    const queue = run([
      add('a', 'b', 'c'),
      { kind: 'start', key: 'a' },
      { kind: 'done', key: 'a' },
      { kind: 'start', key: 'b' },
      { kind: 'progress', key: 'b', loaded: 30 },
    ]);
    expect(queueProgress(queue)).toEqual({ active: 2, loaded: 30, total: 200 });
    expect(nextUploads(queue, { kind: 'clear_finished' }).map((u) => u.key)).toEqual(['b', 'c']);
    expect(nextUploads(queue, { kind: 'dismiss', key: 'c' }).map((u) => u.key)).toEqual(['a', 'b']);
  });
});

describe('the library filters', () => {
  it('leave out what is empty', () => {
    expect(mediaQuery({ q: '  ', tag: '', kind: '' })).toBe('');
    expect(mediaQuery({ q: 'visual ', tag: '#agency', kind: 'image' })).toBe(
      'q=visual&tag=agency&kind=image',
    );
  });

  it('come back from the URL, unknown kinds left out', () => {
    expect(mediaFilterFrom(new URLSearchParams('q=a&kind=pdf'))).toEqual({
      q: 'a',
      tag: '',
      kind: 'pdf',
    });
    expect(mediaFilterFrom(new URLSearchParams('kind=zip')).kind).toBe('');
  });

  it('read typed tags without # and without repeats', () => {
    expect(parseTags(' visual, #LinkedIn,, linkedin , agency brief ')).toEqual([
      'visual',
      'LinkedIn',
      'agency brief',
    ]);
  });
});

describe('reviewImageSources', () => {
  it("points the text's uploaded images at the link's routes, leaving other images", () => {
    expect(
      reviewImageSources(
        'Intro ![Visual](/api/v1/media/m_1/file) and ![x](https://cdn.example/a.png)',
        's/ecret',
      ),
    ).toBe(
      'Intro ![Visual](/api/v1/review/s%2Fecret/media/m_1/file) and ![x](https://cdn.example/a.png)',
    );
  });
});

describe('diffAttachments', () => {
  const file = (id: string, version: number, name = `${id}.png`) => ({
    attachment_id: id,
    media_id: `m-${id}`,
    version,
    sha256: `${id}-${version}`,
    name,
  });

  it('finds the files added, replaced by a new version, and removed', () => {
    expect(
      diffAttachments(
        [file('a', 1), file('b', 1), file('c', 2)],
        [file('d', 1), file('a', 2), file('c', 2)],
      ),
    ).toEqual([
      { kind: 'added', name: 'd.png', version: 1 },
      { kind: 'changed', name: 'a.png', from: 1, to: 2 },
      { kind: 'removed', name: 'b.png', version: 1 },
    ]);
  });

  it('sees nothing when only the name or the order changed', () => {
    expect(
      diffAttachments([file('a', 1), file('b', 1)], [file('b', 1), file('a', 1, 'new.png')]),
    ).toEqual([]);
  });
});
