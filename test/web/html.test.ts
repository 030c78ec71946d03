import { describe, expect, it } from 'vitest';
import { escapeText, html, isLocalPath, link, trusted } from '../../src/web/html.js';

describe('html templates', () => {
  it('escape every interpolated text, in content and in attribute values', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    const page = html`<h1 title="${title}">${title}</h1>`.text;
    expect(page).toBe(
      '<h1 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</h1>',
    );
    // A value cannot close the attribute it is in, single or double quoted.
    expect(html`<a title="${"' onmouseover='x"}"></a>`.text).not.toContain("' onmouseover");
    expect(html`<a title="${'" onmouseover="x'}"></a>`.text).not.toContain('" onmouseover');
  });

  it('drop control characters, terminal escapes and direction overrides, as the chat renderers do', () => {
    expect(escapeText('a\u0007b\u001b[31mc\u202ed\u2066e\u0085f\nline')).toBe('ab[31mcdef\nline');
  });

  it('nest markup made here, lists and nothing', () => {
    const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${null}${undefined}${false}${0}</ul>`;
    expect(list.text).toBe('<ul><li>&lt;a&gt;</li><li>b</li>0</ul>');
    expect(html`${trusted('<br>')}`.text).toBe('<br>');
  });

  it('link only to http(s) addresses and our own paths', () => {
    expect(link('javascript:alert(1)', 'x').text).toBe('x');
    expect(link('data:text/html,<script>', 'x').text).toBe('x');
    expect(link('file:///etc/passwd', 'x').text).toBe('x');
    expect(link('//evil.example/', 'x').text).toBe('x');
    expect(link('/\\evil.example/', 'x').text).toBe('x');
    expect(link(null, '<b>').text).toBe('&lt;b&gt;');
    expect(link('/speakers/mike+pompeo', 'Mike').text).toBe('<a href="/speakers/mike+pompeo">Mike</a>');
    expect(link('https://example.com/a?b=1&c="2"', 'Ex').text).toBe(
      '<a href="https://example.com/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer nofollow ugc">Ex</a>',
    );
    expect(isLocalPath('/ok')).toBe(true);
    expect(isLocalPath('//host')).toBe(false);
    expect(isLocalPath('https://x')).toBe(false);
  });
});
