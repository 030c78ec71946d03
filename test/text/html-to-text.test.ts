import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, htmlToText, measureHtml } from '../../src/text/html-to-text.js';

describe('htmlToText', () => {
  it('makes a paragraph of each block and joins inline elements', () => {
    const html =
      '<h1>Title</h1><p>Hello <b>wor</b>ld, <a href="/x">a link</a>.</p>' +
      '<ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote><figure><figcaption>cap</figcaption></figure>';
    expect(htmlToText(html)).toBe('Title\n\nHello world, a link.\n\none\n\ntwo\n\nquoted\n\ncap');
  });

  it('breaks paragraphs at <br> and table rows, and keeps table cells apart', () => {
    expect(htmlToText('line one<br>line two<br/>three')).toBe('line one\n\nline two\n\nthree');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>')).toBe('a b\n\nc');
  });

  it('collapses whitespace inside a paragraph and trims the result', () => {
    expect(htmlToText('  <div>\n  lots \t of\n\n  space&nbsp;&nbsp;here  </div>\n ')).toBe(
      'lots of space here',
    );
    expect(htmlToText('<pre>  code\n  block  </pre>')).toBe('code block');
  });

  it('drops script, style, noscript, head, svg and comments', () => {
    const html =
      '<head><title>Not text</title><meta name="x" content="y"></head>' +
      '<script>var s = "</p>never shown";</script><style>p { color: red }</style>' +
      '<p>Shown<noscript>enable JS</noscript> text<!-- a <p> comment --></p>' +
      '<svg><title>icon</title><text>svg text</text></svg><template><p>later</p></template>';
    expect(htmlToText(html)).toBe('Shown text');
  });

  it('decodes named, numeric and legacy character references', () => {
    expect(
      htmlToText('AT&amp;T &eacute;t&eacute; &#8217; &#x1F600; &#150; &copy 2020 &unknown; x &lt; y'),
    ).toBe('AT&T été ’ 😀 – © 2020 &unknown; x < y');
    expect(decodeHtmlEntities('&quot;quoted&quot; &#0; &#x110000;')).toBe('"quoted" \ufffd \ufffd');
  });

  it('reads attribute values containing ">" and a lone "<" in text', () => {
    expect(htmlToText('<a title="a>b" data-x=\'c>d\'>link</a> and 1 < 2')).toBe('link and 1 < 2');
  });

  it('survives unclosed tags, comments and scripts', () => {
    expect(htmlToText('<p>unclosed <b>bold <i>italic<p>next')).toBe('unclosed bold italic\n\nnext');
    expect(htmlToText('text<!-- never closed <p>hidden')).toBe('text');
    expect(htmlToText('before<script>never closed <p>hidden')).toBe('before');
    expect(htmlToText('<div class="unterminated')).toBe('');
  });

  it('keeps the text of CDATA sections that feeds leave in content', () => {
    expect(htmlToText('<![CDATA[<raw> text]]> tail')).toBe('<raw> text tail');
  });

  it('runs in linear time on hostile input', () => {
    const n = 200_000;
    const inputs = [
      '<div>'.repeat(n) + 'deep' + '</div>'.repeat(n),
      '<b>'.repeat(n) + 'unclosed',
      '<a title="'.repeat(n),
      '<'.repeat(n),
      '&#'.repeat(n),
      '<!--'.repeat(n),
      '<p>word '.repeat(n),
    ];
    const started = Date.now();
    for (const input of inputs) htmlToText(input);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(htmlToText('<div>'.repeat(n) + 'deep')).toBe('deep');
  });
});

describe('measureHtml', () => {
  it('counts elements and nesting as a parser would', () => {
    expect(measureHtml('<div><p>a<p>b<br><img src=x></div><div><span>c</span></div>')).toEqual({
      elements: 7,
      depth: 2,
    });
    expect(measureHtml('<div><b><i>unclosed</div>' + '<div></div>'.repeat(3)).depth).toBe(3);
    expect(measureHtml('<b>'.repeat(1000)).depth).toBe(1000);
  });
});
