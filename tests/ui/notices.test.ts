/** Messages queue: one never replaces another, the same one never shows twice, names come out safe, words follow the language. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale, t } from '../../src/i18n';
import { dismissMessage, notify, saySafely } from '../../src/ui/notices';
import { openLessonDocument } from '../../src/ui/lessons/lessonSession';
import { loadScenario } from '../../src/ui/scenarioSession';
import { resetToDefaults } from '../../src/ui/session';
import { useApp } from '../../src/ui/store';

const texts = () => useApp.getState().messages.map((m) => saySafely(m.say));
const labels = () => useApp.getState().messages.map((m) => m.action && saySafely(m.action.label));

beforeEach(() => useApp.setState({ messages: [] }));
afterEach(() => setLocale('en'));

describe('notify', () => {
  it('keeps every message, oldest first, until each is dismissed', () => {
    notify({ kind: 'notice', say: () => 'made with version 2' });
    notify({ kind: 'notice', say: () => 'the link replaced your work' });
    notify({ kind: 'error', say: () => 'the worker stopped' });
    expect(texts()).toEqual(['made with version 2', 'the link replaced your work', 'the worker stopped']);
    dismissMessage(useApp.getState().messages[1]);
    expect(texts()).toEqual(['made with version 2', 'the worker stopped']);
  });

  it('shows the same message once, moved to the end, and quotes names from outside safely', () => {
    notify({ kind: 'notice', say: () => 'a' });
    notify({ kind: 'notice', say: () => 'b' });
    notify({ kind: 'notice', say: () => 'a' });
    expect(texts()).toEqual(['b', 'a']);
    notify({ kind: 'error', say: () => 'The file \u202Egnp.json\u001b[2J could not be opened' });
    expect(texts().at(-1)).toBe('The file \\u{202E}gnp.json\\u{001B}[2J could not be opened');
  });

  it('keys each message by an id of its own, kept while it shows and new when it is said again', () => {
    notify({ kind: 'notice', say: () => 'a' });
    notify({ kind: 'notice', say: () => 'b' });
    const [a, b] = useApp.getState().messages;
    expect(a.id).not.toBe(b.id);
    notify({ kind: 'notice', say: () => 'a' });
    const [keptB, againA] = useApp.getState().messages;
    expect(keptB.id).toBe(b.id);
    expect([a.id, b.id]).not.toContain(againA.id);
  });
});

describe('a change of language', () => {
  it('says a notice and its button, notified in English, in Chinese', () => {
    resetToDefaults();
    expect(texts()).toEqual([t('control.resetDone')]);
    expect(labels()).toEqual(['Undo']);
    setLocale('zh-CN');
    expect(texts()).toEqual(['所有参数已恢复为默认值（按“初始化”生效）。']);
    expect(labels()).toEqual(['撤销']);
  });

  it('says an error in Chinese, its source and its problem too; the words from outside stay as they came', () => {
    notify({ kind: 'error', say: () => t('exp.workerReplaced', { reason: 'timeout after 30 s' }) });
    expect(loadScenario({ format: 'agora-scenario', version: 999 }, () => t('scenario.link'))).toBe(false);
    expect(texts()[1]).toMatch(/^The link could not be opened: .+ Your current scenario is unchanged\.$/);
    setLocale('zh-CN');
    expect(texts()).toEqual([
      '一个工作线程失败了（timeout after 30 s）；已替换它并重试它的运行。',
      // The problem itself is said in Chinese too (problemText reads the English one back).
      '无法打开链接：这个情景由更新版本的 Agora 生成（格式版本 999；本版本最多读取 2）。请更新。你当前的情景没有改变。',
    ]);
  });

  it('says why a lesson was refused in Chinese too, its problem ended as a sentence', () => {
    expect(openLessonDocument({ format: 'agora-lesson', version: 999 }, () => t('scenario.link'))).toBe(false);
    // A field's problem is ended as a sentence before the next one.
    expect(texts()).toEqual([
      'The link could not be opened: version: is 999, made by a newer Agora (this one reads up to 1); please update. ' +
        'Your current scenario is unchanged.',
    ]);
    setLocale('zh-CN');
    expect(texts()).toEqual([
      '无法打开链接：version: 是 999，由更新版本的 Agora 生成（本版本最多读取 1）；请更新。你当前的情景没有改变。',
    ]);
  });
});
