import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown, parseBlocks } from '../../src/ui/markdown';

describe('parseBlocks', () => {
  it('splits headings, paragraphs, lists and tables', () => {
    const blocks = parseBlocks(
      '# Title\n\nSome text\ncontinued.\n\n- a\n- b\n  more b\n\n1. one\n2. two\n\n| x | y |\n|---|:-:|\n| 1 | 2 |\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'Some text continued.' },
      { kind: 'list', ordered: false, items: ['a', 'b more b'] },
      { kind: 'list', ordered: true, items: ['one', 'two'] },
      { kind: 'table', header: ['x', 'y'], rows: [['1', '2']] },
    ]);
  });

  it('joins the lines of Chinese text without a space, and Chinese and other text with one', () => {
    expect(parseBlocks('客户从云厂商\n购买产品，\n365 天后\n续约，第\n2 年')).toEqual([
      { kind: 'paragraph', text: '客户从云厂商购买产品，365 天后续约，第 2 年' },
    ]);
    expect(parseBlocks('- 供应冲击\n  使库存变薄')).toEqual([
      { kind: 'list', ordered: false, items: ['供应冲击使库存变薄'] },
    ]);
  });
});

describe('Markdown', () => {
  it('renders emphasis and code, and escapes markup in the text', () => {
    const html = renderToStaticMarkup(<Markdown source={'**bold** *it* `code` <script>alert(1)</script>'} />);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('renders a table with header cells', () => {
    const html = renderToStaticMarkup(<Markdown source={'| a | b |\n|---|---|\n| 1 | 2 |'} />);
    expect(html).toBe(
      '<table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });
});
