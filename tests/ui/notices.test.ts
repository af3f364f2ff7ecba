/** Messages queue: one never replaces another, the same one never shows twice, names come out safe. */
import { beforeEach, describe, expect, it } from 'vitest';
import { dismissMessage, notify } from '../../src/ui/notices';
import { useApp } from '../../src/ui/store';

const texts = () => useApp.getState().messages.map((m) => m.text);

beforeEach(() => useApp.setState({ messages: [] }));

describe('notify', () => {
  it('keeps every message, oldest first, until each is dismissed', () => {
    notify({ kind: 'notice', text: 'made with version 2' });
    notify({ kind: 'notice', text: 'the link replaced your work' });
    notify({ kind: 'error', text: 'the worker stopped' });
    expect(texts()).toEqual(['made with version 2', 'the link replaced your work', 'the worker stopped']);
    dismissMessage(useApp.getState().messages[1]);
    expect(texts()).toEqual(['made with version 2', 'the worker stopped']);
  });

  it('shows the same message once, moved to the end, and quotes names from outside safely', () => {
    notify({ kind: 'notice', text: 'a' });
    notify({ kind: 'notice', text: 'b' });
    notify({ kind: 'notice', text: 'a' });
    expect(texts()).toEqual(['b', 'a']);
    notify({ kind: 'error', text: 'The file \u202Egnp.json\u001b[2J could not be opened' });
    expect(texts().at(-1)).toBe('The file \\u{202E}gnp.json\\u{001B}[2J could not be opened');
  });
});
