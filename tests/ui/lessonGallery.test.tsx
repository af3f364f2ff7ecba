import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../src/i18n';
import { LessonGallery } from '../../src/ui/lessons/LessonGallery';

// The gallery shows the ready lessons of the model on display: here the fixture (cloud market) and a k-means one.
vi.mock('../../src/ui/lessons/readyLessons', async (importOriginal) => {
  const fixture = JSON.parse(readFileSync('tests/fixtures/lessons/first-look-at-the-market.json', 'utf8'));
  const other = { ...fixture, id: 'centroids', model: 'k-means', title: { en: 'Where centroids go' } };
  return { ...(await importOriginal<object>()), READY_LESSONS: [fixture, other] };
});

// The gallery alone: the actions behind its buttons (and the sandbox they drive) stay out of this test.
vi.mock('../../src/ui/openDocument', () => ({ importFile: vi.fn() }));
vi.mock('../../src/ui/lessons/lessonSession', async () => {
  const { localText } = await import('../../src/core/lesson');
  const { getLocale } = await import('../../src/i18n');
  return {
    openReadyLesson: vi.fn(),
    showGallery: vi.fn(),
    say: (text: { en: string }) => localText(text, getLocale()),
  };
});

describe('the lesson gallery', () => {
  afterEach(() => setLocale('en'));

  it('lists the ready lessons of the model on display, each with its summary, steps and teacher notes', () => {
    const html = renderToStaticMarkup(<LessonGallery />);
    expect(html).toContain('Lessons for Cloud pricing market');
    expect(html).toContain('<h3>A first look at the market</h3>');
    expect(html).toContain('4 steps');
    expect(html).toContain('aria-label="Start lesson: A first look at the market"');
    expect(html).toContain('<strong>5 minutes</strong>');
    expect(html).not.toContain('Where centroids go');
    expect(html).not.toContain('No ready lesson');
  });

  it('reads in Chinese when the page does', () => {
    setLocale('zh-CN');
    const html = renderToStaticMarkup(<LessonGallery />);
    expect(html).toContain('<h3>初识市场</h3>');
    expect(html).toContain('共 4 步');
    expect(html).toContain('打开课程文件');
  });
});
