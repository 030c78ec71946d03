import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/quotes/quote.js';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';
import { sameSpeaker, scoreQuotes, spansMatch } from '../../src/quotes/quote-scoring.js';
import { scoreSample, type SampleGold } from '../../scripts/lib/sample-scoring.js';

const sampleText = readFileSync(
  new URL('../../samples/pompeo-huawei-2020-02-01.txt', import.meta.url),
  'utf8',
);
const sampleGold = JSON.parse(
  readFileSync(new URL('../../samples/pompeo-huawei-2020-02-01.quotes.json', import.meta.url), 'utf8'),
) as SampleGold;

/** The quote whose text contains `words`, failing the test when there is none. */
function quoteWith(quotes: readonly Quote[], words: string): Quote {
  const quote = quotes.find((q) => q.text.includes(words));
  if (quote === undefined)
    throw new Error(`no quote contains "${words}": ${JSON.stringify(quotes.map((q) => q.text))}`);
  return quote;
}

function texts(text: string): string[] {
  return extractQuotes(text).map((q) => q.text);
}

describe('extractQuotes on the bundled sample article', () => {
  const quotes = extractQuotes(sampleText);
  const report = scoreSample(sampleText, sampleGold, quotes);

  it.each(report.results.filter((r) => r.required).map((r) => [r.text.slice(0, 50), r] as const))(
    'finds the required quote "%s…" with its canonical speaker',
    (_, result) => {
      expect(result.found).not.toBeNull();
      expect(result.found?.speaker).toBe(result.expectedSpeaker);
    },
  );

  it('does not take the name "Five Eyes" for a quotation', () => {
    expect(report.falseQuotes).toEqual([]);
    expect(quotes.some((q) => q.text.includes('Five Eyes'))).toBe(false);
  });

  it('keeps every quote exactly as it stands in the text', () => {
    for (const quote of quotes) expect(sampleText.slice(quote.start, quote.end)).toBe(quote.text);
  });
});

describe('quote marks', () => {
  it.each([
    ['straight', 'The plan is working well now," said Jane Smith.', '"'],
    ['curly', '“The plan is working well now,” said Jane Smith.', ''],
    ['guillemets', '« The plan is working well now », said Jane Smith.', ''],
    ['reversed guillemets', '»The plan is working well now«, said Jane Smith.', ''],
    ['low-high', '„The plan is working well now“, said Jane Smith.', ''],
    ['single curly', '‘The plan is working well now,’ said Jane Smith.', ''],
  ])('reads %s quotes', (_, text, prefix) => {
    const quotes = extractQuotes(prefix + text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toMatch(/^The plan is working well now,?$/);
    expect(quotes[0]!.speaker).toBe('Jane Smith');
  });

  it('gives a quotation split by its attribution two pieces with one speaker', () => {
    const quotes = extractQuotes('“We lost the game,” coach Mary Lowe said. “We will be back next year.”');
    expect(quotes.map((q) => q.text)).toEqual(['We lost the game,', 'We will be back next year.']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mary Lowe', 'Mary Lowe']);
  });

  it('follows a quotation over paragraphs when each paragraph reopens it', () => {
    const text = [
      'Tom Reid spoke after the vote.',
      '“The council has failed this town for a decade.',
      '“Nobody listened to the people who live here,” Reid said.',
    ].join('\n\n');
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      'The council has failed this town for a decade.',
      'Nobody listened to the people who live here,',
    ]);
    expect(quotes.every((q) => q.speaker === 'Tom Reid')).toBe(true);
  });

  it('repairs a closing mark typed as an opening one', () => {
    const quotes = extractQuotes('Ann Wu spoke last. “We should build more homes in the city. “');
    expect(quotes.map((q) => q.text)).toEqual(['We should build more homes in the city.']);
    expect(quotes[0]!.speaker).toBe('Ann Wu');
  });

  it('closes at a mark glued to the reporting verb', () => {
    const quotes = extractQuotes(
      'Mike Pompeo met reporters. “We will find a safe way to do this together, ”said Pompeo.',
    );
    expect(quotes[0]?.text).toBe('We will find a safe way to do this together,');
    expect(quotes[0]?.speaker).toBe('Mike Pompeo');
  });

  it('recovers a quotation whose opening mark is lost', () => {
    const quotes = extractQuotes('It was late. And we will protect our data by this standard, ”said Ken Lo.');
    expect(quotes.map((q) => q.text)).toEqual(['And we will protect our data by this standard,']);
    expect(quotes[0]!.speaker).toBe('Ken Lo');
  });
});

describe('speakers', () => {
  it.each([
    ['said X', '“Prices will rise again,” said economist Ravi Patel.', 'Ravi Patel', 'said'],
    ['X said', '“Prices will rise again,” Ravi Patel said.', 'Ravi Patel', 'said'],
    [
      'X, appositive, said',
      '“Prices will rise again,” Ravi Patel, a bank economist, said on Monday.',
      'Ravi Patel',
      'said',
    ],
    ['X told', '“Prices will rise again,” Ravi Patel told reporters.', 'Ravi Patel', 'told'],
    ['according to X', '“Prices will rise again,” according to Ravi Patel.', 'Ravi Patel', 'according to'],
    ['X verb: “…”', 'Ravi Patel warned investors: “Prices will rise again.”', 'Ravi Patel', 'warned'],
    ['colon', 'Ravi Patel was blunt: “Prices will rise again.”', 'Ravi Patel', null],
    ['X says “…”', 'Ravi Patel says “prices will rise again.”', 'Ravi Patel', 'says'],
    ['other verbs', '“Prices will rise again,” Ravi Patel insisted.', 'Ravi Patel', 'insisted'],
  ])('credits the speaker in the %s order', (_, text, speaker, verb) => {
    const quotes = extractQuotes(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe(speaker);
    expect(quotes[0]!.verb).toBe(verb);
  });

  it('resolves pronouns to the last person of that gender', () => {
    const text = [
      'Ms. Karen Doyle leads the union. Paul Grant, who runs his own shop, missed the meeting.',
      '“We are ready to strike,” she said.',
    ].join('\n\n');
    expect(extractQuotes(text)[0]!.speaker).toBe('Karen Doyle');
  });

  it('credits an unattributed paragraph to the speaker of the quotation before it', () => {
    const text = '“The season is over for us,” Bo Horvat said.\n\n“We have to be better next year.”';
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Bo Horvat', 'Bo Horvat']);
  });

  it('credits a standalone quotation to the subject of the sentence before it', () => {
    const text =
      'Dominic Raab met Mike Pompeo on Tuesday. Raab agrees the risk is real. “We should replace risky suppliers in the future.”';
    expect(extractQuotes(text)[0]!.speaker).toBe('Dominic Raab');
  });
});

describe('name resolution', () => {
  const text = [
    'UK Foreign Minister Dominic Raab met US Secretary of State Mike Pompeo in London.',
    '“This is a close partnership,” Raab said.',
    '“We trust our allies,” said Pompeo.',
    'Sen. Murray Sinclair wrote the report, and Laura Chen, the company’s spokesperson, answered it.',
    '“We will study it closely,” the spokesperson said.',
    '“Service will be restored by Monday,” BC Hydro said.',
  ].join('\n\n');
  const quotes = extractQuotes(text);

  it('resolves a surname to the fullest name in the article', () => {
    expect(quoteWith(quotes, 'close partnership').speaker).toBe('Dominic Raab');
  });

  it('strips titles and honorifics', () => {
    expect(quoteWith(quotes, 'trust our allies').speaker).toBe('Mike Pompeo');
  });

  it('resolves a description to the person the article names for it', () => {
    expect(quoteWith(quotes, 'study it closely').speaker).toBe('Laura Chen');
  });

  it('keeps organisations as organisations', () => {
    expect(quoteWith(quotes, 'restored by Monday').speaker).toBe('BC Hydro');
  });
});

describe('what is not a quotation', () => {
  it.each([
    ['a scare quote', 'The report called him a "naive" user of the drug.'],
    ['a name in quotes', 'Canada is part of the privileged “Five Eyes” system of allies.'],
    ['a film title', 'The film “The Kid Who Would Be King” opens this week in theatres.'],
    ['a short term', 'Voters chose “wheelhouse” and “in the books” as the worst phrases.'],
    ['a fragment inside paraphrase', 'Wang said that “shifting blame onto others will not work,” in Davos.'],
    ['a reported clause', 'Martell says he “fumbled into” medicine while setting up his practice.'],
  ])('ignores %s', (_, text) => {
    expect(texts(text)).toEqual([]);
  });
});

describe('bad input', () => {
  it('returns nothing for empty or quote-free text', () => {
    expect(extractQuotes('')).toEqual([]);
    expect(extractQuotes('\n\n   \n')).toEqual([]);
    expect(extractQuotes('No quotations here at all.')).toEqual([]);
  });

  it('survives unbalanced quote marks everywhere', () => {
    const text = '"“”„«»‘’\' '.repeat(20_000) + '\n\n' + '"a "b c” d “ e'.repeat(5_000);
    expect(() => extractQuotes(text)).not.toThrow();
  });

  it('survives every kind of mark left open or closed alone', () => {
    for (const mark of ['"', '“', '”', '„', '‟', '«', '»', '‹', '›', '‘', '’', '‚', '‛', "'"]) {
      const text = `${mark}Half a quotation, said Ann Wu. And ${mark} another ${mark}${mark} here.\n\n${mark}`;
      for (const quote of extractQuotes(text)) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });

  it('finds nothing in a text of only apostrophes and quote marks', () => {
    expect(extractQuotes("'".repeat(50_000))).toEqual([]);
    expect(extractQuotes("' ".repeat(50_000))).toEqual([]);
    expect(extractQuotes("’'‘".repeat(20_000))).toEqual([]);
  });

  it('reads a 100,000-character paragraph without breaks', () => {
    const sentence = "Tom Hughes said: 'It's the '90s again. 'We won't stop,' he said. ";
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const quotes = extractQuotes(text);
    expect(quotes.length).toBeGreaterThan(1_000);
    expect(quotes.every((quote) => quote.speaker === 'Tom Hughes')).toBe(true);
  });

  it('takes regular-expression characters in names and quotes as plain text', () => {
    const text = '“Prices (.*) rose [again]+?,” said Ravi $Patel^ (.*). “${x}|\\d” she added.';
    for (const quote of extractQuotes(text)) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('handles a 10,000-word quotation', () => {
    const quotes = extractQuotes('“' + 'word '.repeat(10_000) + 'end,” she said.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text.split(' ')).toHaveLength(10_001);
  });

  it('handles control characters', () => {
    const noise = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(i % 32)).join('');
    const text = noise + '\n\n“We are open again for business,” said Lee Park.\u0000\u0007';
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Lee Park']);
  });

  it('runs in linear time on large damaged input', () => {
    const paragraph = 'Word word word, ” said Smith and “an open mark, ' + ' '.repeat(500) + '"x" ';
    const text = Array.from({ length: 3_000 }, () => paragraph).join('\n\n');
    const started = performance.now();
    extractQuotes(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('quote scoring', () => {
  it('matches spans that overlap by 80% of the longer one', () => {
    expect(spansMatch([0, 100], [10, 100])).toBe(true);
    expect(spansMatch([0, 100], [30, 100])).toBe(false);
  });

  it('compares speakers by surname, ignoring honorifics, or by acronym', () => {
    expect(sameSpeaker('Mike Pompeo', 'Pompeo')).toBe(true);
    expect(sameSpeaker('Mr. Hawes', 'Mike Hawes')).toBe(true);
    expect(sameSpeaker('IRCC', 'Immigration, Refugees and Citizenship Canada')).toBe(true);
    expect(sameSpeaker('Dominic Raab', 'Mike Pompeo')).toBe(false);
    expect(sameSpeaker(null, 'Mike Pompeo')).toBe(false);
  });

  it('lets each gold quote match one prediction only', () => {
    const text = '“Hello there, everyone,” she said.';
    const quote: Quote = { text: 'Hello there, everyone,', speaker: 'Ann', start: 1, end: 23, verb: 'said' };
    const pairs = scoreQuotes(text, [{ start: 0, end: 24, speaker: 'Ann' }], [quote, { ...quote }]);
    expect(pairs.filter((p) => p.gold !== null && p.predicted !== null)).toHaveLength(1);
    expect(pairs.filter((p) => p.gold === null)).toHaveLength(1);
  });
});
