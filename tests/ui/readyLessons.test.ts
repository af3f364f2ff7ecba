import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READY_LESSONS, readyLessonProblems, TEACHING_ORDER } from '../../src/ui/lessons/readyLessons';

const DIR = 'lessons';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const FIXTURE = 'first-look-at-the-market.json';
const fixture = () => read(`tests/fixtures/lessons/${FIXTURE}`);

describe('ready lessons', () => {
  it.each(files)('%s is a valid lesson named after its id, every text in zh-CN too', (file) => {
    expect(readyLessonProblems(file, read(`${DIR}/${file}`))).toEqual([]);
  });

  it('are all in the app, in the teaching order, which places every one of them', () => {
    expect(READY_LESSONS.map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
    expect([...TEACHING_ORDER].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    expect(READY_LESSONS.map((l) => l.id)).toEqual(TEACHING_ORDER);
  });

  it('the check passes the fixture and names what keeps a lesson from being ready', () => {
    expect(readyLessonProblems(FIXTURE, fixture())).toEqual([]);
    expect(readyLessonProblems('another-name.json', fixture())).toEqual([
      'another-name.json: id "first-look-at-the-market" is not the file\'s name',
    ]);
    const english = fixture() as { steps: { reveal?: Record<string, string> }[] };
    delete english.steps[1].reveal!['zh-CN'];
    expect(readyLessonProblems(FIXTURE, english)).toEqual([`${FIXTURE}: steps[1].reveal: has no zh-CN text`]);
    expect(readyLessonProblems(FIXTURE, { ...fixture(), steps: [] })).toEqual([
      `${FIXTURE}: steps: must hold 1 to 30 steps`,
    ]);
  });
});
