/**
 * Short articles written for these tests, one class of attribution failure each from the second
 * pass on issue 10: runs of quotations whose speaker is named once, labels that stand for a voice,
 * organisations speaking through "it", "they", "the club" and "the letter", titles that are also
 * surnames, and sentences that end where a capitalised pronoun starts. None comes from the
 * evaluation corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';

function speakerOf(text: string, words: string): string | null | undefined {
  const quote = extractQuotes(text).find((q) => q.text.includes(words));
  if (quote === undefined) throw new Error(`no quotation holds "${words}"`);
  return quote.speaker;
}

function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((quote) => quote.speaker);
}

describe('runs of quotations', () => {
  it('keeps the speaker along a run of quotations named once, however long', () => {
    const text = [
      'Tessa and Mark Okoro adopted their son from Ghana two years ago.',
      '“We did everything the agency asked of us,” Tessa told the Herald on Friday.',
      '“Now they say the paperwork was never filed.”',
      '“We have called every office in the city.”',
      '“Nobody will give us a straight answer.”',
      '“We are not giving up.”',
    ].join('\n\n');
    expect(speakers(text)).toEqual(['Tessa', 'Tessa', 'Tessa', 'Tessa', 'Tessa']);
  });

  it('gives "he said" to the man quoting on, not to players named in a caption between', () => {
    const text =
      'Villa manager Tom Hart says his side must stand up to the pressure. ' +
      "'This is the biggest game of the season for us,' said Hart. " +
      "'Everybody at the club knows it.' " +
      'Hart, left, with Adam Cole, Ben Ross and Luke Daly at training on Thursday ' +
      "'We have got different types of players in this squad,' he said. " +
      "'Some of them have never been in a relegation fight.'";
    expect(speakerOf(text, 'different types of players')).toBe('Tom Hart');
    expect(speakerOf(text, 'relegation fight')).toBe('Tom Hart');
  });

  it('credits a quotation after a sentence about the man who was quoting', () => {
    const text =
      "'He jumps well and he stays,' said trainer Jonah Keane. 'He will run a big race.' " +
      'Keane expects to send eight horses to the festival next month. ' +
      "'Greystone goes in the novice chase after his win at Newbury.'";
    expect(speakerOf(text, 'Greystone goes')).toBe('Jonah Keane');
  });

  it('learns a woman’s gender from the pronoun that opens her sentence, not from a calf', () => {
    const text = [
      'Robin Hale from the farm said the calf was the largest she had seen.',
      '“I did not expect anything like it,” she said.',
      'She added that the farm hopes to keep Max as a bull because he is so strong and his build is rare.',
      '“We had 40 calves this spring and none came close,” she said.',
    ].join('\n\n');
    expect(speakerOf(text, 'none came close')).toBe('Robin Hale');
  });
});

describe('labels and review formats', () => {
  it('gives every quotation under one label to the voice the first one had', () => {
    const text =
      'Here, Dr Nadia Varma, a consultant dermatologist, gives her verdict on five sun creams. ' +
      "Glowline Daily Shield SPF 30 £12 CLAIMS: Protects for a whole day. EXPERT VERDICT: 'This is a solid cream. " +
      "'You would need to reapply it after swimming.' 7/10 " +
      'Sun Vista Kids Lotion SPF 50 £9 CLAIMS: Water resistant for four hours. ' +
      "Developed with Peter Lund Laboratories. EXPERT VERDICT: 'Fine for children who play indoors. " +
      "'Reapply every two hours in the sun.' 6/10";
    expect(speakers(text)).toEqual(['Nadia Varma', 'Nadia Varma', 'Nadia Varma', 'Nadia Varma']);
  });
});

describe('organisations speaking', () => {
  it('is as sure of a company named by a plural noun as of any organisation, and of its "they"', () => {
    const text = [
      'Storms closed the harbour on Monday and two ferries were held at sea overnight.',
      "Bluewater Cruise Lines said: 'Passengers and crew are safe and the ship has plenty of food on board.'",
      'Waves of six metres were recorded off the headland.',
      "In a later post on social media, they said: 'We are sorry that the evening sailing has been cancelled.'",
    ].join(' ');
    const quotes = extractQuotes(text);
    expect(quotes.map((quote) => quote.speaker)).toEqual([
      'Bluewater Cruise Lines',
      'Bluewater Cruise Lines',
    ]);
    expect(quotes[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(quotes[1]!.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('reads "the club" as the club in the news and "the letter" as its letter', () => {
    const text = [
      'Aston Villa have apologised to fans after coaches they laid on for free arrived late.',
      'The Premier League club wrote to 300 supporters on Tuesday.',
      'Now the club has admitted the coaches set off too late.',
      'The letter, seen by reporters, reads: “We are sorry for the delayed arrival and will refund every ticket.”',
    ].join('\n\n');
    expect(speakerOf(text, 'delayed arrival')).toBe('Aston Villa');
  });

  it('reads "it said" after an aside as the organisation that spoke', () => {
    const text = [
      'BC Hydro said in a statement that 400,000 customers lost power overnight.',
      'Mayor Rod Peters, of Lake Cowichan, said the town was cut off.',
      '“Crews will work around the clock in the hardest-hit areas,” including Lake Cowichan, it said.',
    ].join('\n\n');
    expect(speakerOf(text, 'around the clock')).toBe('BC Hydro');
  });

  it('stays sure of an organisation through several "it said"s', () => {
    const text = [
      'Northgate Power said in a statement that 90,000 customers lost power overnight.',
      '“Crews are working around the clock,” it said.',
      '“Some areas will be without power until the weekend.”',
      'More than 300 workers were called in from other regions.',
      '“Every outage has to be repaired by hand,” it said.',
      '“Replacing a single pole can take a full day.”',
    ].join('\n\n');
    expect(speakers(text)).toEqual([
      'Northgate Power',
      'Northgate Power',
      'Northgate Power',
      'Northgate Power',
    ]);
  });

  it('keeps "the ministry" as the speaker when the article names no body it could be', () => {
    const text = [
      'The country is due to repay a large loan next week.',
      '“The repayment will be made in full and on time,” the ministry said in a statement.',
    ].join('\n\n');
    expect(speakerOf(text, 'repayment will be made')).toBe('the ministry');
  });

  it('gives "her message" to the woman whose message it is', () => {
    const text = [
      'Marion Pike has campaigned for safer crossings since her daughter was hurt on the ring road.',
      'Her message to the council is simple: “Put the lights in before somebody else is hurt.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Put the lights in')).toBe('Marion Pike');
  });
});

describe('who speaks when nothing next to the quotation says', () => {
  it('reads a quotation after "Her message now is short" as hers', () => {
    const text = [
      'Marion Pike has campaigned for safer crossings since her daughter was hurt on the ring road.',
      'Her message to drivers now is short.',
      '“Slow down near the schools, every single morning.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Slow down near')).toBe('Marion Pike');
  });

  it('gives a quotation after a box of background to the one voice of the article', () => {
    const text = [
      'Harriet Quayle opened a bakery on the harbour front in May.',
      '“I had saved for ten years to do this,” Harriet said.',
      'Sourdough is made with a starter of flour and water.',
      'It takes longer to rise than bread made with yeast.',
      '“Every loaf is worth the wait.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Every loaf')).toBe('Harriet Quayle');
  });

  it('does not give such a quotation to the last voice when someone else was named since', () => {
    const text = [
      'Harriet Quayle opened a bakery on the harbour front in May.',
      '“I had saved for ten years to do this,” Harriet said.',
      'Landlord Peter Hale has owned the building for years.',
      '“Every loaf is worth the wait.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Every loaf')).not.toBe('Harriet Quayle');
  });

  it('makes a person of a single name set beside a role', () => {
    const text = [
      'Ketut, a farmer from the hills above the town, was in his field when the ash began to fall.',
      '“The sky went dark in the middle of the morning,” he said.',
    ].join('\n\n');
    expect(speakerOf(text, 'sky went dark')).toBe('Ketut');
  });

  it('credits the reporting clause, not the newspaper reporting it', () => {
    const text =
      'Tennis player Rafael Moreno came to his sister’s defence and replied to the troll that he ' +
      '“might want to check his facts before writing about my family,” reports the Daily Courier.';
    expect(speakerOf(text, 'check his facts')).toBe('Rafael Moreno');
  });
});

describe('names, titles and descriptions', () => {
  it('reads "Labour donor Simon Reeve" as Simon Reeve, a donor', () => {
    const text = [
      'Party leader Ed Marsh has slipped behind in the polls with ten days to go.',
      'Wealthy Labour donor Simon Reeve, who has given the party £400,000 since 2008, believes the campaign lacks energy.',
      "'If we lose this election it will be because nobody went out and knocked on doors.'",
    ].join(' ');
    expect(speakerOf(text, 'knocked on doors')).toBe('Simon Reeve');
  });

  it('gives verbs joined by "and" the subject of their clause, not the sentence\'s "it"', () => {
    const text =
      'Builder Tom Lacey was named in the report on Monday. It was not long before Mark Dunn came to ' +
      "his brother's defence and told reporters: 'He has done nothing wrong and the council knows it.'";
    expect(speakerOf(text, 'done nothing wrong')).toBe('Mark Dunn');
  });

  it('lets a role named by the body it serves speak when the article names nobody in it', () => {
    const text =
      'Ella Stone, 17, won her first race in the series on Saturday. Hartmann Racing team managing ' +
      "director told Motorsport Weekly: 'We are all pleased with how things are going. Ella makes few errors.'";
    expect(speakerOf(text, 'all pleased')).toBe('Hartmann Racing team managing director');
  });

  it('ties "the director" to the person named after the role, and never to whom the role told', () => {
    const named =
      'Ella Stone won on Saturday. Team director Paul Weber watched from the pit wall. ' +
      "'We are all pleased with how things are going,' the director said.";
    expect(speakerOf(named, 'all pleased')).toBe('Paul Weber');
    const told =
      "Ella Stone won on Saturday. Her team director told Lena Fischer: 'She makes few errors.' " +
      "'We are all pleased with how things are going,' the director said.";
    expect(speakerOf(told, 'all pleased')).not.toBe('Lena Fischer');
  });

  it('keeps the first name the subject when a verb stands between two names', () => {
    const text = "Harper beat Dean Hollis in the final on Sunday. 'I just wanted to win one title,' he said.";
    expect(speakerOf(text, 'win one title')).toBeNull();
  });

  it('reads a title word ending a name after a given name as a surname', () => {
    const text = "Judge Maria King, sentencing, said: 'You were warned twice and ignored both warnings.'";
    expect(speakerOf(text, 'warned twice')).toBe('Maria King');
  });

  it('keeps a speaker the article will not name as the description', () => {
    const text =
      "One longtime donor, who declined to be named, told the newspaper: 'The party needs a new leader.'";
    expect(speakerOf(text, 'new leader')).toBe('One longtime donor');
  });

  it('takes the speaker from the verb whose subject can speak, past a noun that looks like one', () => {
    const text =
      "His lawyer, Tom Reed, told the court that probation reports 'show real progress in his treatment.'";
    expect(speakerOf(text, 'real progress')).toBe('Tom Reed');
  });

  it('ends a sentence where a capitalised pronoun follows a quotation, and after a date', () => {
    const text =
      "Donor Peter Hale has criticised the leader's 'curious lack of energy.' " +
      'He said the leader must raise his game if he is to win on May 7. ' +
      "'I see no vision of the future from him.'";
    expect(speakerOf(text, 'no vision')).toBe('Peter Hale');
  });
});
