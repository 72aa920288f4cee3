// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/import/blogger/html-to-markdown.ts';

const BIG = 'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s1600/oom.png';
const SMALL = 'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s320/oom.png';

const cases: { name: string; html: string; markdown: string }[] = [
  { name: 'headings', html: '<h2>Why?</h2><p>Because.</p><h3 style="text-align: left;">How</h3>', markdown: '## Why?\n\nBecause.\n\n### How\n' },
  {
    name: 'nested lists',
    html: '<ul><li>cap the jobs<ul><li>memory.max = 4G</li><li>swap off</li></ul></li><li>done</li></ul><ol><li>one</li><li>two</li></ol>',
    markdown: '- cap the jobs\n  - memory.max = 4G\n  - swap off\n- done\n\n1. one\n2. two\n',
  },
  {
    name: 'links with titles',
    html: '<a href="https://man7.org/linux/man-pages/man5/nfs.5.html" title="nfs(5)">the page</a>',
    markdown: '[the page](https://man7.org/linux/man-pages/man5/nfs.5.html "nfs(5)")\n',
  },
  { name: 'javascript: links keep only their text', html: '<a href="javascript:void(0)">click</a>', markdown: 'click\n' },
  {
    name: 'images keep their alt',
    html: '<img src="https://example.org/a.png" alt="A chart" title="Cases">',
    markdown: '![A chart](https://example.org/a.png "Cases")\n',
  },
  {
    name: "Blogger's separator image is one image at full size",
    html: `<div class="separator" style="clear: both; text-align: center;"><a href="${BIG}" style="margin-left: 1em; margin-right: 1em;"><img alt="dmesg" border="0" height="240" src="${SMALL}" width="320" /></a></div>`,
    markdown: `![dmesg](${BIG})\n`,
  },
  {
    name: 'an image linking to a page stays a linked image',
    html: '<a href="https://example.org/post"><img src="https://example.org/a.png" alt="a"></a>',
    markdown: '[![a](https://example.org/a.png)](https://example.org/post)\n',
  },
  {
    name: 'caption tables become an image and its caption',
    html: `<table class="tr-caption-container"><tbody><tr><td><a href="${BIG}"><img src="${SMALL}"></a></td></tr><tr><td class="tr-caption">Scores</td></tr></tbody></table>`,
    markdown: `![Scores](${BIG})\n\n_Scores_\n`,
  },
  { name: '<pre> as a fenced block, <br> as new lines', html: '<pre>free -m<br>vmstat 5</pre>', markdown: '```\nfree -m\nvmstat 5\n```\n' },
  {
    name: '<pre><code class="language-x"> keeps the language',
    html: '<pre><code class="language-c">int main(void) {\n  return 0;\n}</code></pre>',
    markdown: '```c\nint main(void) {\n  return 0;\n}\n```\n',
  },
  { name: "SyntaxHighlighter's brush names the language", html: '<pre class="brush: shell">ls -l</pre>', markdown: '```bash\nls -l\n```\n' },
  { name: "Prettify's lang- class names the language", html: '<pre class="prettyprint lang-py">print(1)</pre>', markdown: '```python\nprint(1)\n```\n' },
  { name: 'code with markdown in it stays literal', html: '<pre>a *b* `c`\n```\nd</pre>', markdown: '````\na *b* `c`\n```\nd\n````\n' },
  {
    name: 'tables as GFM tables',
    html: '<table border="1"><tr><th>option</th><th>effect</th></tr><tr><td>hard</td><td>waits</td></tr><tr><td>soft</td><td>EIO | loss</td></tr></table>',
    markdown: '| option | effect      |\n| ------ | ----------- |\n| hard   | waits       |\n| soft   | EIO \\| loss |\n',
  },
  {
    name: '<br><br> separates paragraphs, one <br> breaks a line',
    html: 'one<br>two<br /><br />three<br><br>&nbsp;<br>four<br><br>',
    markdown: 'one\\\ntwo\n\nthree\n\nfour\n',
  },
  {
    name: 'a <div> per line, blank <div><br></div> dropped',
    html: '<div>first line</div><div><br></div><div>second line</div>',
    markdown: 'first line\n\nsecond line\n',
  },
  {
    name: 'bold and italic from tags and from styles',
    html: '<b>b</b> <i>i</i> <span style="font-weight: bold;">sb</span> <span style="font-style: italic">si</span> <span style="font-weight:700;font-style:italic">both</span> <span style="text-decoration: line-through;">gone</span>',
    markdown: '**b** _i_ **sb** _si_ **_both_** ~~gone~~\n',
  },
  {
    name: "Google Docs' <b style=font-weight:normal> wrapper is not bold",
    html: '<b style="font-weight:normal;" id="docs-internal-guid-1"><p>plain</p></b>',
    markdown: 'plain\n',
  },
  {
    name: 'inline styles and empty spans dropped',
    html: '<p style="color: red; font-size: 20px;"><span style="color:#999"></span><span style="font-size: large;">Big</span> <font face="Georgia">text</font></p>',
    markdown: 'Big text\n',
  },
  {
    name: 'a monospace font is inline code',
    html: 'set <span style="font-family: &quot;courier new&quot;, courier, monospace;">oom_score_adj</span>',
    markdown: 'set `oom_score_adj`\n',
  },
  { name: '&nbsp; runs collapse to one space', html: '<p>a&nbsp;&nbsp;&nbsp;b&nbsp;</p><p>&nbsp;</p><p>c</p>', markdown: 'a b\n\nc\n' },
  {
    name: 'scripts and styles dropped',
    html: '<p>a</p><script>alert(1)</script><style>p { color: red }</style><noscript>no</noscript><p>b</p>',
    markdown: 'a\n\nno\n\nb\n',
  },
  {
    name: 'a YouTube player becomes a link on its own line',
    html: 'Watch:<iframe class="BLOG_video_class" height="266" src="https://www.youtube.com/embed/aX3ysKbRMCs?feature=player_embedded" width="320"></iframe>then read.',
    markdown: 'Watch:\n\n<https://www.youtube.com/watch?v=aX3ysKbRMCs>\n\nthen read.\n',
  },
  {
    name: 'a Vimeo player becomes a link',
    html: '<iframe src="https://player.vimeo.com/video/76979871?title=0" width="640"></iframe>',
    markdown: '<https://vimeo.com/76979871>\n',
  },
  {
    name: 'an old Flash YouTube embed becomes a link',
    html: '<object><param name="movie" value="x"><embed src="http://www.youtube.com/v/aX3ysKbRMCs&hl=en" type="application/x-shockwave-flash"></object>',
    markdown: '<https://www.youtube.com/watch?v=aX3ysKbRMCs>\n',
  },
  { name: 'other iframes dropped', html: '<p>a</p><iframe src="https://ads.example.com/frame"></iframe><p>b</p>', markdown: 'a\n\nb\n' },
  {
    name: 'entities decoded, markdown characters escaped',
    html: '<p>R&#8320; &asymp; 1.4 &amp; &lt;b&gt; *not bold* &mdash; &#x20B9;5</p>',
    markdown: 'R₀ ≈ 1.4 & \\<b> \\*not bold\\* — ₹5\n',
  },
  { name: "the jump break becomes Quire's excerpt marker", html: '<p>Lead.</p><a name="more"></a><p>Rest.</p>', markdown: 'Lead.\n\n<!-- more -->\n\nRest.\n' },
  {
    name: 'the <!--more--> comment too, other comments dropped',
    html: 'Lead.<!--more-->Rest.<!--[if gte mso 9]><xml></xml><![endif]-->',
    markdown: 'Lead.\n\n<!-- more -->\n\nRest.\n',
  },
  { name: 'a jump break at the very end marks nothing', html: '<p>All of it.</p><a name="more"></a>', markdown: 'All of it.\n' },
  { name: 'superscripts stay readable', html: 'e<sup>rt</sup> and 2<sup>10</sup>', markdown: 'e^(rt) and 2^10\n' },
  { name: 'quotes', html: '<blockquote>Growth slows as the pool shrinks.</blockquote>', markdown: '> Growth slows as the pool shrinks.\n' },
  { name: 'an empty body', html: '<div><br></div>&nbsp;', markdown: '' },
];

describe('htmlToMarkdown', () => {
  it.each(cases)('$name', ({ html, markdown }) => {
    expect(htmlToMarkdown(html)).toBe(markdown);
  });
});
