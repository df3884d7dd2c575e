import { describe, expect, it } from 'vitest';
import { MIN_CONFIDENCE, extractClaims } from '../../../src/main/claims/extract';
import { findQuantities } from '../../../src/main/claims/numbers';

/** The one claim a sentence makes, as [measure, low, high, unit, approx]. */
function one(sentence: string) {
  const claims = extractClaims(sentence);
  expect(claims, sentence).toHaveLength(1);
  const c = claims[0]!;
  expect(sentence.slice(c.start, c.end)).toBe(c.quote);
  return [c.measure, c.low, c.high, c.unit, c.approx];
}

describe('quantities', () => {
  it.each([
    ['681,692', 681692, 681692, false],
    ['1.2 million', 1.2e6, 1.2e6, false],
    ['3.5m', 3.5e6, 3.5e6, false],
    ['~700,000', 7e5, 7e5, true],
    ['two million', 2e6, 2e6, false],
    ['a million', 1e6, 1e6, false],
    ['tens of thousands', 1e4, null, true],
    ['hundreds of thousands', 1e5, null, true],
    ['millions', 1e6, null, true],
    ['hundreds of millions', 1e8, null, true],
    ['Tens of\nthousands', 1e4, null, true],
    ['between 600,000 and 1.2 million', 6e5, 1.2e6, false],
    ['a quarter of a million', 2.5e5, 2.5e5, false],
    ['three-quarters of a million', 7.5e5, 7.5e5, false],
    ['nearly a million and a half', 1.5e6, 1.5e6, true],
    ['c. 700,000', 7e5, 7e5, true],
    ['1.2 mln', 1.2e6, 1.2e6, false],
    ['hundreds of thousands to millions', 1e5, null, true],
    ['from 3.5 to 5 million', 3.5e6, 5e6, false],
    ['7–10 million', 7e6, 1e7, false],
    ['between 5 and 7 million', 5e6, 7e6, false],
    ['at least 750,000', 7.5e5, null, false],
    ['more than 1.5 million', 1.5e6, null, false],
    ['up to 2 million', null, 2e6, false],
    ['as many as 20,000', null, 2e4, false],
    ['fewer than 500', null, 500, false],
    ['an estimated 3 million', 3e6, 3e6, true],
    ['nearly 40,000', 4e4, 4e4, true],
    ['on the order of a million', 1e6, 1e6, true],
    ['one and a half million', 1.5e6, 1.5e6, false],
    ['half a million', 5e5, 5e5, false],
    ['three hundred', 300, 300, false],
    ['a hundred and fifty thousand', 1.5e5, 1.5e5, false],
    ['two hundred and twenty-five', 225, 225, false],
  ])('%s', (text, low, high, approx) => {
    const [q] = findQuantities(text);
    expect(q).toMatchObject({ low, high, approx });
    expect(text.slice(q!.start, q!.end)).toBe(text);
  });

  it.each([
    ['12,000-15,000', 12000, 15000, false],
    ['410,000-480,000', 410000, 480000, false],
    ['300,000-1,250,000', 300000, 1250000, false],
    ['2.1-2.6 million', 2.1e6, 2.6e6, false],
    ['several thousand', 1000, null, true],
    ['a few hundred', 100, null, true],
    ['hundreds', 100, null, true],
    ['some 1,500 (+/- 200)', 1500, 1500, true],
    ['4,020 + 115', 4135, 4135, false],
    ['90,000 or higher', 90000, null, false],
    ['30,000 or fewer', null, 30000, false],
    ['more soldiers than forty', 40, null, false],
    ['lower than 12,000', null, 12000, false],
    ['an absolute minimum of 6,000', 6000, null, false],
    ['four or five', 4, 5, true],
    ['all but three of the 400', 397, 397, false],
  ])('%s', (text, low, high, approx) => {
    const [q] = findQuantities(text);
    expect(q).toMatchObject({ low, high, approx });
    expect(text.slice(q!.start, q!.end)).toBe(text);
  });

  it('keep a hyphen between a word and a figure, dates and codes out of ranges', () => {
    expect(findQuantities('Flu-19 spread').map((q) => q.low)).toEqual([]);
    expect(findQuantities('on 1951-09-20 at dawn')).toEqual([]);
    expect(findQuantities('the 1946-7 famine').map((q) => q.yearLike)).toEqual([true]);
    expect(findQuantities('a 14-year sentence')).toEqual([]);
    expect(findQuantities('85- 90%')[0]).toMatchObject({ low: 85, high: 90, unit: 'percent' });
    expect(findQuantities('from 5,000 to, by some estimates, 20,000')[0]).toMatchObject({ low: 5000, high: 20000, approx: false });
  });

  it('read "out of" as the part counted, "out of every" and "in" as a share', () => {
    expect(findQuantities('seven out of nine ministers').map((q) => [q.low, q.unit])).toEqual([[7, 'count']]);
    expect(findQuantities('4,000 out of an expected 9,000').map((q) => [q.low, q.unit])).toEqual([[4000, 'count']]);
    expect(findQuantities('two out of every five').map((q) => [q.low, q.unit])).toEqual([[40, 'percent']]);
    expect(findQuantities('a mere tenth of them').map((q) => [q.low, q.unit])).toEqual([[10, 'percent']]);
  });

  it('reads fractions and percentages as percent', () => {
    expect(findQuantities('a third')[0]).toMatchObject({ low: 33.3, high: 33.3, unit: 'percent' });
    expect(findQuantities('half')[0]).toMatchObject({ low: 50, unit: 'percent' });
    expect(findQuantities('12.5 per cent')[0]).toMatchObject({ low: 12.5, unit: 'percent' });
    expect(findQuantities('3% to 5%')[0]).toMatchObject({ low: 3, high: 5, unit: 'percent' });
  });
});

describe('claims', () => {
  it('take the measure from the verb after the number (passive and intransitive)', () => {
    expect(one('In the two years some 680,000 people were shot by the NKVD.')).toEqual(['executed', 680000, 680000, 'people', true]);
    expect(one('Roughly 40,000 Poles were deported to Kazakhstan.')).toEqual(['deported', 40000, 40000, 'people', true]);
    expect(one('More than 300,000 peasants perished that winter.')).toEqual(['died', 300000, null, 'people', false]);
    expect(one('By 1939, 1.3 million prisoners were held in the camps.')).toEqual(['imprisoned', 1300000, 1300000, 'people', false]);
  });

  it('take the measure from the verb or noun before the number (active and nominal)', () => {
    expect(one('Soldiers killed at least 3,000 villagers.')).toEqual(['killed', 3000, null, 'people', false]);
    // What a famine "killed" died of it.
    expect(one('The famine killed at least 3.9 million Ukrainians.')).toEqual(['died', 3900000, null, 'people', false]);
    expect(one('Typhus alone killed about 40,000 inmates.')).toEqual(['died', 40000, 40000, 'people', true]);
    expect(one('Local officials arrested tens of thousands of people in the region.')).toEqual(['arrested', 10000, null, 'people', true]);
    expect(one('Historians put the death toll at 5.5 to 6.5 million.')).toEqual(['died', 5500000, 6500000, 'people', false]);
  });

  it('read a measure phrase as a whole: "sentenced to death" is an execution, "expelled from the party" a purge', () => {
    expect(one('Of them, 111,091 were sentenced to death.')).toEqual(['executed', 111091, 111091, 'people', false]);
    expect(one('Some 35,000 officers were dismissed.')).toEqual(['purged', 35000, 35000, 'people', true]);
    expect(one('In 1933 about 800,000 members were expelled from the party.')).toEqual(['purged', 800000, 800000, 'people', true]);
  });

  it('give the verb of a relative clause to its number, not the noun before the clause', () => {
    expect(one('They were sent to special settlements, where close to 390,000 of them died.')).toEqual(['died', 390000, 390000, 'people', true]);
  });

  it('call a list of deaths only a killing: "shot and killed"', () => {
    expect(one('Border guards shot and killed thousands of refugees.')).toEqual(['killed', 1000, null, 'people', true]);
  });

  it('read a restatement with the measure of the claim it restates', () => {
    const text =
      'The camp population in January 1939 was 2,022,976.\n\nThis is 2 million out of a population of 168 million (roughly 1.2% of the population).';
    const claims = extractClaims(text).map((c) => [c.quote, c.measure, c.low, c.unit, c.approx]);
    expect(claims).toEqual([
      ['camp population in January 1939 was 2,022,976', 'imprisoned', 2022976, 'people', false],
      ['This is 2 million', 'imprisoned', 2000000, 'people', true],
      ['roughly 1.2% of the population', 'imprisoned', 1.2, 'percent', true],
    ]);
    const share = extractClaims('Between 1.5 and 2 million people died under the regime, roughly a quarter of the country’s population.');
    expect(share.map((c) => [c.measure, c.low, c.unit])).toEqual([
      ['died', 1500000, 'people'],
      ['died', 25, 'percent'],
    ]);
    // A difference is not a restatement.
    expect(extractClaims('About 1.5 million people were arrested in 1937. This is 20 percent higher than in 1936.').map((c) => c.low)).toEqual([
      1500000,
    ]);
    // With nothing before it to restate, "This is" stays silent.
    expect(extractClaims('This is 2 million out of 168 million.')).toEqual([]);
  });

  it('read a range with a vague low end, and a lower and an upper bound as one range', () => {
    expect(one('Estimates of the death toll vary from hundreds of thousands to 1.5 million.')).toEqual(['died', 100000, 1500000, 'people', true]);
    expect(one('No fewer than 15 million and perhaps as many as 45 million people died.')).toEqual(['died', 15000000, 45000000, 'people', true]);
  });

  it('read a figure given by reference to the count before it', () => {
    const claims = extractClaims(
      'Between 1959 and 1961 at least 15 million people died of hunger. Yang puts the figure at 36 million. A total of 3,000 copies were printed.',
    );
    expect(claims.map((c) => [c.quote, c.measure, c.low, c.high])).toEqual([
      ['at least 15 million people died', 'died', 15000000, null],
      ['puts the figure at 36 million', 'died', 36000000, 36000000],
    ]);
  });

  it('give a figure introduced as a comparison the measure of the one it is compared with', () => {
    const claims = extractClaims('In 1938 alone, 328,618 people were executed, against 353,074 in 1937.');
    expect(claims.map((c) => [c.measure, c.low])).toEqual([
      ['executed', 328618],
      ['executed', 353074],
    ]);
  });

  it('read a share followed by its verb, and a count held in camps', () => {
    expect(one('Of the deportees, nearly half died within two years.')).toEqual(['died', 50, 50, 'percent', true]);
    expect(one('In 1937 the regime held 1,196,369 people in camps and colonies.')).toEqual(['imprisoned', 1196369, 1196369, 'people', false]);
    expect(one('About 40,000 prisoners were executed in the camps.')).toEqual(['executed', 40000, 40000, 'people', true]);
  });

  it('name events beyond the Soviet ones: proper names, described events, and naming headings', () => {
    const event = (text: string) => extractClaims(text).map((c) => c.event);
    expect(event('Estimates of the death toll of the Cultural Revolution run to 1.5 million.')).toEqual(['Cultural Revolution']);
    expect(event('In the Great Leap Forward famine at least 15 million people died.')).toEqual(['Great Leap Forward']);
    expect(event('During the 1994 genocide in Rwanda some 500,000 Tutsi were murdered.')).toEqual(['genocide in Rwanda 1994']);
    expect(event('Title: Katyn\n\nThe Khmer Rouge\n\nUp to 2 million people died.')).toEqual(['Khmer Rouge']);
  });

  it('leave out figures whose own verb is not a measure: released, rehabilitated', () => {
    expect(extractClaims('Only 2 percent of those arrested were released before 1939.')).toEqual([]);
    expect(extractClaims('In 1989, 1.5 million victims were rehabilitated.')).toEqual([]);
    expect(extractClaims('Of those arrested, 1,000 were shot and 500 released.').map((c) => [c.measure, c.low])).toEqual([['executed', 1000]]);
    // A verb of something else further on does not block: "files released in 1990".
    expect(one('The massacre took the lives of 21,768 Poles according to the files released in 1990.')).toEqual([
      'killed',
      21768,
      21768,
      'people',
      false,
    ]);
  });

  it('read lives lost as deaths, and leave counts of people that are not claims alone', () => {
    expect(one('The war cost the Soviet Union 27 million lives.')).toEqual(['died', 27000000, 27000000, 'people', false]);
    for (const text of [
      'The 1937 census counted 162 million people.',
      'Over 300 delegates voted for the resolution.',
      'The book sold 100,000 copies.',
      'The NKVD had 270,000 employees in 1939.',
      'He was arrested in 1937 at the age of 45.',
    ]) {
      expect(extractClaims(text), text).toEqual([]);
    }
  });

  it('give figures listed after a claimed one its measure word, and only figures of people', () => {
    const claims = extractClaims('The purge claimed the lives of 3 of the 5 marshals, 13 of 15 army commanders and 154 of 186 division commanders.');
    expect(claims.map((c) => [c.measure, c.low, c.quote])).toEqual([
      ['died', 3, 'claimed the lives of 3'],
      ['died', 13, '13 of 15 army commanders'],
      ['died', 154, '154 of 186 division commanders'],
    ]);
    expect(extractClaims('The NKVD deported 1.2 million Poles, 400,000 Germans and 90,000 Latvians.').map((c) => c.low)).toEqual([
      1200000, 400000, 90000,
    ]);
    // A measure after the figures belongs to the nearest; a whole before its part is no claim.
    expect(extractClaims('Of the 1,966 delegates, 1,108 were arrested.').map((c) => c.low)).toEqual([1108]);
    expect(extractClaims('Those convicted of nearly 100,000 assaults, 30,000 sex crimes, and 4,000 killings.')).toEqual([]);
  });

  it('read a figure a historian gives with the measure its sentence names', () => {
    const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low]);
    expect(values('Conquest estimated that 1.5 million were executed, while Getty counts 681,692.')).toEqual([
      ['executed', 1500000],
      ['executed', 681692],
    ]);
    expect(values('Up to 1.2 million people died, according to some estimates, while others give 600,000.')).toEqual([
      ['died', null],
      ['died', 600000],
    ]);
    // A figure with its own measure word keeps it; money is no count of people.
    expect(values('In 1937, 1.5 million were arrested; Conquest estimates 20 million deaths overall.')).toEqual([
      ['arrested', 1500000],
      ['died', 20000000],
    ]);
    expect(extractClaims('A death sentence was decreed, and followers have offered millions of euros for his head.')).toEqual([]);
  });

  it('let one measure word govern a count and a share of it', () => {
    const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high, c.unit]);
    expect(values('Between 1.5 and 2.3 million Kazakhs perished, about 40% of all Kazakhs.')).toEqual([
      ['died', 1500000, 2300000, 'people'],
      ['died', 40, 40, 'percent'],
    ]);
    expect(values('Some 1.5 million (38%) Kazakhs died in the famine.')).toEqual([
      ['died', 1500000, 1500000, 'people'],
      ['died', 38, 38, 'percent'],
    ]);
  });

  it('read a label and its figure, as tables and lists give them', () => {
    const claims = extractClaims('Executions: 681,692 (1937–38)\n\nArrested – 1,548,366\n\nDeaths in custody, 1934–1953: 1,053,829.\n\nPages: 1,200');
    expect(claims.map((c) => [c.quote, c.measure, c.low])).toEqual([
      ['Executions: 681,692', 'executed', 681692],
      ['Arrested – 1,548,366', 'arrested', 1548366],
      ['Deaths in custody, 1934–1953: 1,053,829', 'died', 1053829],
    ]);
  });

  it('leave out rates: "1,000 executions a day"', () => {
    expect(extractClaims('Of these, 681,692 were shot, an average of about 1,000 executions a day.').map((c) => [c.measure, c.low])).toEqual([
      ['executed', 681692],
    ]);
    expect(extractClaims('25,000 soldiers died, and the death rate rose to 4 per week per 1,000 men.').map((c) => [c.measure, c.low])).toEqual([
      ['died', 25000],
    ]);
  });

  it('read a part of a count with the measure of the whole: "including 3.5 to 5 million in Ukraine"', () => {
    const claims = extractClaims('The famine killed an estimated 5.7 to 8.7 million people, including 3.5 to 5 million in Ukraine.');
    expect(claims.map((c) => [c.quote, c.measure, c.low, c.high])).toEqual([
      ['killed an estimated 5.7 to 8.7 million', 'died', 5700000, 8700000],
      ['including 3.5 to 5 million', 'died', 3500000, 5000000],
    ]);
  });

  it('take the measure the sentence names for a figure given by reference, and read a hedged upper end', () => {
    expect(one('Estimates of the number of deaths run from the official figure of 681,692 to nearly 2 million.')).toEqual([
      'died',
      681692,
      2000000,
      'people',
      true,
    ]);
    expect(
      extractClaims('Estimates of the death toll range from 3.5 million to 5 million, though some have put the figure as high as 7–10 million.').map(
        (c) => [c.measure, c.low, c.high],
      ),
    ).toEqual([
      ['died', 3500000, 5000000],
      ['died', 7000000, 10000000],
    ]);
    const claims = extractClaims('In those years 1.6 million people died in the camps, though some historians put the number closer to 3 million.');
    expect(claims.map((c) => [c.measure, c.low, c.approx])).toEqual([
      ['died', 1600000, false],
      ['died', 3000000, true],
    ]);
  });

  it('call a list of different fates a purge, and take the first of a list without executions', () => {
    expect(one('Thousands of officers were either executed or sent to the camps.')).toEqual(['purged', 1000, null, 'people', true]);
    expect(one('Millions more were imprisoned, exiled, or sent to the camps.')).toEqual(['imprisoned', 1000000, null, 'people', true]);
  });

  it('count the part, not the whole: "three of the five marshals"', () => {
    expect(one('Three of the five marshals were shot.')).toEqual(['executed', 3, 3, 'people', false]);
  });

  it('read phrasings historians use', () => {
    expect(one('The famine claimed the lives of 3.9 million Ukrainians.')).toEqual(['died', 3900000, 3900000, 'people', false]);
    expect(one('The purge cost the lives of some 35,000 officers.')).toEqual(['died', 35000, 35000, 'people', true]);
    expect(one('Executions numbered 681,692 in those two years.')).toEqual(['executed', 681692, 681692, 'people', false]);
    expect(one('In total, 681 692 people were shot.')).toEqual(['executed', 681692, 681692, 'people', false]);
    expect(one('Of the 1,966 delegates to the congress, 1,108 were arrested.')).toEqual(['arrested', 1108, 1108, 'people', false]);
    expect(one('One in five Kazakhs died.')).toEqual(['died', 20, 20, 'percent', false]);
    expect(one('Two-thirds of the Central Committee were arrested.')).toEqual(['arrested', 66.7, 66.7, 'percent', false]);
  });

  it('give each figure the measure nearest to it', () => {
    const claims = extractClaims('The operation led to the arrest of 111,091 Poles, of whom 85,000 were shot.');
    expect(claims.map((c) => [c.measure, c.low])).toEqual([
      ['arrested', 111091],
      ['executed', 85000],
    ]);
  });

  it('read shares as percentages', () => {
    expect(one('About 50% of the senior commanders had been purged by 1938.')).toEqual(['purged', 50, 50, 'percent', true]);
    expect(one('The famine led to the death of roughly a third of the nomads.')).toEqual(['died', 33.3, 33.3, 'percent', true]);
  });

  it.each([
    ['years', 'In 1937 the terror reached its height and many were arrested.'],
    ['spans of years', 'Between 1932 and 1933 the famine killed many.'],
    ['dates', 'On 5 December 1936 the new constitution was adopted, and arrests followed.'],
    ['ages', 'He was executed at the age of 45.'],
    ['durations', 'Prisoners were sentenced to 10 years in the camps.'],
    ['money', 'The camps cost 500 million rubles while prisoners died of hunger.'],
    ['things that are not people', 'The NKVD ran 53 camps where prisoners died.'],
    ['casualties, which include the wounded', 'The battle left 20,000 casualties.'],
    ['negated verbs', 'The regime did not kill tens of millions, the author claims.'],
    ['names', 'The Trial of the Twenty-One ended with most defendants shot.'],
    ['identifiers', 'Order 00447 targeted former kulaks, and Article 58 sent them to the camps.'],
    ['ages between commas', 'Robert K. Jones Jr., 41, of Wilmette, was arrested on Sunday.'],
    ['small counts that do not say whom they count', 'The report was shot through with errors in two places.'],
    ['shares that are not of anything', 'Arrests rose by 25% in the second half of the year.'],
    ['numbers inside names', 'Deaths from COVID-19 rose, and Tu-154 crashes killed people.'],
    ['counts with no governing measure', 'The archive holds 40,000 files on the purge.'],
  ])('leave out %s', (_what, sentence) => {
    expect(extractClaims(sentence)).toEqual([]);
  });

  it('give each measure word to the nearest figure only', () => {
    const claims = extractClaims('A statement signed by 25 countries in 2003 said that 7 to 10 million died.');
    expect(claims.map((c) => [c.low, c.high, c.measure])).toEqual([[7000000, 10000000, 'died']]);
  });

  it('suggest an event label from the sentence or the heading above', () => {
    expect(extractClaims('During the Great Purge about 680,000 people were executed.')[0]!.event).toBe('Great Purge');
    const text = '# The Kazakh famine of 1930–33\n\nMore than 1.5 million people perished.';
    expect(extractClaims(text)[0]!.event).toBe('Kazakh famine 1930–33');
    expect(extractClaims('# How many died in the Holodomor?\n\n## Estimates\n\nAbout 3.9 million people died.')[0]!.event).toBe('Holodomor');
  });

  it('read very long paragraphs, in chunks, with offsets intact', () => {
    const filler = 'The archives of the regional committees were opened in the nineties and read again since. '.repeat(400);
    const text = `${filler}At least 20,000 people were deported from the district. ${filler}`;
    const [c] = extractClaims(text);
    expect(c).toMatchObject({ measure: 'deported', low: 20000, high: null });
    expect(text.slice(c!.start, c!.end)).toBe(c!.quote);
  });

  it('keep offsets into the text as given, across line breaks', () => {
    const text = 'Intro line.\n\nCurrent estimates range from 1.3 million\nto well over 2 million deaths.';
    const [c] = extractClaims(text);
    expect(c).toMatchObject({ measure: 'died', low: 1300000, high: 2000000, approx: true });
    expect(text.slice(c!.start, c!.end)).toBe(c!.quote);
  });

  it('never read note references as figures: [22], [33][34], [^8], [note 3], superscripts', () => {
    const figures = (text: string) => extractClaims(text).map((c) => [c.low, c.high, c.measure]);
    expect(figures('The purge of the party reached its height in 1937.[22] Those accused of Trotskyism were expelled from the party.')).toEqual([]);
    expect(figures('Conditions in the northern camps were harsh.[33][34] died of typhus, the survivors said.')).toEqual([]);
    expect(figures('Those left behind in the camps[34][35] died of typhus.')).toEqual([]);
    expect(figures('The trial opened in June 1937.[^8] Those accused were expelled and shot.')).toEqual([]);
    expect(figures('He was arrested in May 1937[note 3] and later shot.')).toEqual([]);
    expect(figures('The marshal was arrested in 1937.¹² Those who served under him were shot.')).toEqual([]);
    // The figures beside the markers are still read, and the quote is the text as written.
    const text = 'In all, 1,548,366 were arrested[22] and 681,692 were shot.[23][24]';
    expect(figures(text)).toEqual([
      [1548366, 1548366, 'arrested'],
      [681692, 681692, 'executed'],
    ]);
    for (const c of extractClaims(text)) expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(one('The famine spread in 1933.[33][34] Thousands died in the first winter.')).toEqual(['died', 1000, null, 'people', true]);
  });
});

describe('claims: ranges, documents, measures and asides', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high, c.unit]);

  it('keep both ends of a hyphenated range of grouped figures', () => {
    expect(one('In that winter 14,000-16,000 peasants were shot.')).toEqual(['executed', 14000, 16000, 'people', false]);
    expect(values('Between 320,000-390,000 villagers were deported.')).toEqual([['deported', 320000, 390000, 'people']]);
    expect(values('Estimates run from 200,000-1,100,000 dead.')).toEqual([['died', 200000, 1100000, 'people']]);
    expect(one('Some 3.1-3.4 million people died of hunger.')).toEqual(['died', 3100000, 3400000, 'people', true]);
  });

  it('count no documents, warrants, trials or cases as people, but people sentenced to death', () => {
    expect(extractClaims('The court signed 145 execution warrants that week.')).toEqual([]);
    expect(extractClaims('The commission reviewed 3,400 cases and held 90 trials before the executions.')).toEqual([]);
    expect(extractClaims('The museum shows thousands of faded photographs of prisoners.')).toEqual([]);
    expect(extractClaims('Over 2,000 households were deported.')).toEqual([]);
    expect(one('In 1938 some 2,000 people were sentenced to death.')).toEqual(['executed', 2000, 2000, 'people', true]);
    expect(one('By 1939 some 600 commanders had been tried.')).toEqual(['purged', 600, 600, 'people', true]);
    expect(one('The military collegium tried some 36,000 officers.')).toEqual(['purged', 36000, 36000, 'people', true]);
    expect(extractClaims('He tried 3 times to escape from the camp.')).toEqual([]);
  });

  it('read the phrasings of death, camps and removal', () => {
    expect(one('About 4 million people passed through the labour camps.')).toEqual(['imprisoned', 4000000, 4000000, 'people', true]);
    expect(one('Of those exiled, 200,000 did not survive.')).toEqual(['died', 200000, 200000, 'people', false]);
    expect(one('Roughly 12,000 miners lost their lives.')).toEqual(['died', 12000, 12000, 'people', true]);
    expect(values('The flood left 30,000 perishing in the first week and 5,000 more dying later.')).toEqual([
      ['died', 30000, 30000, 'people'],
      ['died', 5000, 5000, 'people'],
    ]);
    expect(one('At least 900 prisoners were beaten to death.')).toEqual(['killed', 900, null, 'people', false]);
    expect(one('Police rounded up 5,000 strikers.')).toEqual(['arrested', 5000, 5000, 'people', false]);
    expect(one('Over 30,000 people were transported to Siberia.')).toEqual(['deported', 30000, null, 'people', false]);
    expect(one('The rebels took the town and 40 of them were later hanged.')).toEqual(['executed', 40, 40, 'people', false]);
  });

  it('count the part of "N out of M", and read "out of every" as a share', () => {
    expect(one('Five out of eight judges were arrested.')).toEqual(['arrested', 5, 5, 'people', false]);
    expect(one('Two out of every five deportees died.')).toEqual(['died', 40, 40, 'percent', false]);
  });

  it('read no age bound as a count: "children under 14", "men over 60"', () => {
    expect(extractClaims('Children under 14 were executed too.')).toEqual([]);
    expect(values('Men over 60 were deported, some 3,000 in all.')).toEqual([['deported', 3000, 3000, 'people']]);
    expect(values('Over 60 men were shot.')).toEqual([['executed', 60, null, 'people']]);
  });

  it('never read the number of a barrack, a block or a region as a count', () => {
    expect(values('In Barrack 11, 200 prisoners died.')).toEqual([['died', 200, 200, 'people']]);
    expect(values('Deaths in region 12: 156')).toEqual([['died', 156, 156, 'people']]);
  });

  it('never read note markers, pages, years, ages or money as counts', () => {
    expect(values('On page 88 the 1950 report says the fine was 300 roubles and the guards were 45 years old; 2,000 were arrested.[14]')).toEqual([
      ['arrested', 2000, 2000, 'people'],
    ]);
  });

  it('read hedges and vague magnitudes', () => {
    expect(values('~800 were shot; c. 12,000 died; ca. 3,000 were deported; tens of thousands were exiled; hundreds were arrested.')).toEqual([
      ['executed', 800, 800, 'people'],
      ['died', 12000, 12000, 'people'],
      ['deported', 3000, 3000, 'people'],
      ['deported', 10000, null, 'people'],
      ['arrested', 100, null, 'people'],
    ]);
    expect(extractClaims('~800 were shot.')[0]!.approx).toBe(true);
  });

  it('read a total and the parts in brackets after it', () => {
    expect(values('Nearly 410,000 (190,000 in 1940 and 220,000 in 1941) were deported.')).toEqual([
      ['deported', 410000, 410000, 'people'],
      ['deported', 190000, 190000, 'people'],
      ['deported', 220000, 220000, 'people'],
    ]);
    // What the figure before the bracket counts is not people; the one inside is.
    expect(values('More than 2,000 households (over 9,000 people) were deported to Siberia.')).toEqual([['deported', 9000, null, 'people']]);
  });

  it('read past an aside between dashes, and a share or restatement inside it', () => {
    expect(values('Over 900 villagers — men, women and children — were massacred.')).toEqual([['killed', 900, null, 'people']]);
    expect(values('By 1945, 3 million of them — one out of every four in the country — were killed.')).toEqual([
      ['killed', 3000000, 3000000, 'people'],
      ['killed', 25, 25, 'percent'],
    ]);
    expect(values('By then about 2 million people — 2 million people, including 60,000 in the capital, had died of the disease.')).toEqual([
      ['died', 2000000, 2000000, 'people'],
      ['died', 2000000, 2000000, 'people'],
      ['died', 60000, 60000, 'people'],
    ]);
    expect(values('The regime is blamed for the deaths of 2 million people - a fifth of the population.')).toEqual([
      ['died', 2000000, 2000000, 'people'],
      ['died', 20, 20, 'percent'],
    ]);
  });

  it('give the verb after "of whom" to its own figure, and count no wounded', () => {
    expect(extractClaims('They wounded 40 others, of whom two later died.')).toEqual([]);
    expect(values('The raid cost 3 dead and 11 wounded.')).toEqual([['died', 3, 3, 'people']]);
    expect(values('Police confirmed that the four had been killed by soldiers.')).toEqual([['killed', 4, 4, 'people']]);
  });

  it('leave out the whole a share is of, figures never born, escapes and survivors', () => {
    expect(values('Some 70-80% of the 2 million settlers did not survive.')).toEqual([['died', 70, 80, 'percent']]);
    expect(extractClaims('Perhaps 20,000 of these were never born rather than killed.')).toEqual([]);
    expect(extractClaims('About 40 prisoners tried to escape.')).toEqual([]);
    expect(extractClaims('Only 5 to 10 percent of them remained alive.')).toEqual([]);
    expect(values('Only 600 prisoners were alive in the camp in May.')).toEqual([['imprisoned', 600, 600, 'people']]);
    expect(extractClaims('Some 2.1 million adults are under supervision, whether jailed or on parole.')).toEqual([]);
  });

  it('read a minimum given to the noun of a figure', () => {
    expect(values('The inquiry gives a minimum number of famine deaths of 45,000.')).toEqual([['died', 45000, null, 'people']]);
  });
});

describe('claims: lists, fact lines and tables', () => {
  const read = (t: string) => extractClaims(t).map((c) => [c.quote, c.measure, c.low, c.high, c.event]);

  it('read each line of a bulleted list on its own, never with the measure or event of the line before', () => {
    const text =
      'Losses by region:\n- Uprising in the Vendée: 20,000 to 40,000\n- Deportations: 10,000 to 12,000\n- Northern Famine: 1.1 to 1.4 million';
    expect(read(text)).toEqual([['Deportations: 10,000 to 12,000', 'deported', 10000, 12000, 'Deportations']]);
    const named = '# Deaths by region\n\n- Uprising in the Vendée: 20,000 to 40,000\n- Northern Famine: 1.1 to 1.4 million';
    expect(read(named).map((c) => [c[1], c[2], c[3]])).toEqual([
      ['died', 20000, 40000],
      ['died', 1100000, 1400000],
    ]);
  });

  it('read fact lines under a heading that names the measure, and none that count something else', () => {
    const text =
      '## Estimated famine deaths\n\nOfficial count: 1.1 million\nCensus reconstruction (2002): 1.6-1.9 million\nPopulation in 1930: 6.2 million\nWounded: 4,000';
    expect(read(text).map((c) => [c[0], c[1], c[2], c[3]])).toEqual([
      ['Official count: 1.1 million', 'died', 1100000, 1100000],
      ['Census reconstruction (2002): 1.6-1.9 million', 'died', 1600000, 1900000],
    ]);
    // A label that names its own measure needs no heading.
    expect(read('Summary\n\nPeople deported: 94,000\nOfficers shot - 1,200').map((c) => [c[1], c[2]])).toEqual([
      ['deported', 94000],
      ['executed', 1200],
    ]);
  });

  it('read the figures an infobox field lists after its label', () => {
    const text = '|name=Purge |deaths=40,000[3]-90,000,[4] 120,000[5] (1950–1953)[6]\n150,000 to 200,000\n(1950–1960) |perps=Police }}';
    expect(read(text).map((c) => [c[1], c[2], c[3]])).toEqual([
      ['died', 40000, 90000],
      ['died', 120000, 120000],
      ['died', 150000, 200000],
    ]);
  });

  it('read a pipe table with its header: each figure in a column that names a measure', () => {
    const text =
      '## Toll of the famine\n\n| Estimate | Deaths | Year of study |\n|---|---|---|\n| Census analysis (1999) | 4.2-5.1 million | 1999 |\n| Archive count | 3.9 million | 2003 |\n| Village survey | about 40,000 [12] | 2010 |';
    expect(read(text)).toEqual([
      // Rows that name a study or a count, not an event: the event is the heading's, so the rows are compared as one.
      ['4.2-5.1 million', 'died', 4200000, 5100000, 'famine'],
      ['3.9 million', 'died', 3900000, 3900000, 'famine'],
      ['about 40,000', 'died', 40000, 40000, 'famine'],
    ]);
    // A column headed by a count under a caption that names the measure; other columns are not counts.
    const caption = 'People deported from the province:\n\n| Month | Number | Trains |\n|---|---|---|\n| March | 12,400 | 31 |';
    expect(read(caption).map((c) => [c[0], c[1], c[2]])).toEqual([['12,400', 'deported', 12400]]);
  });

  it('read a grid table with a two-line header, a sum, an estimate and a note counted as the row', () => {
    const text = [
      '+------------+--------------+-------------------------------------+',
      '| Camp       | Estimated    | Notes                               |',
      '|            | deaths       |                                     |',
      '+============+==============+=====================================+',
      '| North camp | 12,000 + 400 | including 3,100 children            |',
      '+------------+--------------+-------------------------------------+',
      '| South camp | at least 900 | 20 of whom were shot while escaping |',
      '+------------+--------------+-------------------------------------+',
    ].join('\n');
    expect(extractClaims(text).map((c) => [c.quote, c.measure, c.low, c.high, c.approx])).toEqual([
      ['12,000 + 400', 'died', 12400, 12400, true],
      ['including 3,100', 'died', 3100, 3100, true],
      ['at least 900', 'died', 900, null, true],
      ['20 of whom were shot', 'executed', 20, 20, false],
    ]);
  });
  it('name a row by its first cell, read ranges written with k and M, and read no fact line in a cell', () => {
    const text =
      '## Toll\n\n| Event | Deaths | Also lost |\n|---|---|---|\n| **Siege of the city** | 150k-450k | Horses: 3,000 |\n| Famine in the hills | 2M+ | |';
    expect(extractClaims(text).map((c) => [c.quote, c.low, c.high, c.event])).toEqual([
      ['150k-450k', 150000, 450000, 'Siege of the city'],
      ['2M+', 2000000, null, 'Famine in the hills'],
    ]);
  });

  it('read simple and multiline tables (columns under runs of dashes), never as prose', () => {
    const simple =
      'By group:\n\n  Group            Deported      Died\n  --------------   -----------   ---------\n  Farmers          120,000       34,000\n  Clergy           4,100         about 900\n\nThe end.';
    expect(extractClaims(simple).map((c) => [c.quote, c.measure, c.low, c.event])).toEqual([
      ['120,000', 'deported', 120000, 'Farmers'],
      ['34,000', 'died', 34000, 'Farmers'],
      ['4,100', 'deported', 4100, 'Clergy'],
      ['about 900', 'died', 900, 'Clergy'],
    ]);
    const multiline =
      '----------------------------------\n  Region        Estimated deaths\n  ------------  ------------------\n  North         12,000 to 15,000\n                (official count)\n\n  South         9,500\n----------------------------------';
    expect(extractClaims(multiline).map((c) => [c.quote, c.measure, c.low, c.high, c.approx])).toEqual([
      ['12,000 to 15,000', 'died', 12000, 15000, true],
      ['9,500', 'died', 9500, 9500, true],
    ]);
  });
});

describe('claims: figures that share a measure word, and figures given by reference', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high, c.unit]);

  it('read a measure phrase whole: a "death toll" that reaches the figure', () => {
    expect(values('The famine had a death toll that by most accounts ran into the tens of millions.')).toEqual([['died', 10000000, null, 'people']]);
  });

  it('give an alternative estimate after a claimed one its measure', () => {
    expect(values('Estimates of the dead run from 2 million to 4 million, and perhaps as high as 6 million.')).toEqual([
      ['died', 2000000, 4000000, 'people'],
      ['died', null, 6000000, 'people'],
    ]);
  });

  it('give a list of bracketed shares the measure in its first bracket', () => {
    expect(values('The worst-hit districts were Tver (21% dead), Oryol (17%), Kursk (12%) and Penza (9%).')).toEqual([
      ['died', 21, 21, 'percent'],
      ['died', 17, 17, 'percent'],
      ['died', 12, 12, 'percent'],
      ['died', 9, 9, 'percent'],
    ]);
  });

  it('give figures in clauses that leave the verb out the verb of the first, and figures joined by "alongside"', () => {
    expect(values('Some 2 million peasants were deported in 1930–31, 300,000 townspeople in 1933, and 150,000 Poles in 1936.')).toEqual([
      ['deported', 2000000, 2000000, 'people'],
      ['deported', 300000, 300000, 'people'],
      ['deported', 150000, 150000, 'people'],
    ]);
    expect(values('An estimated 300,000 Serbs perished alongside tens of thousands of Jews and Roma.')).toEqual([
      ['died', 300000, 300000, 'people'],
      ['died', 10000, null, 'people'],
    ]);
    // A clause with a verb of its own does not share it.
    expect(values('About 2 million were deported in 1930, 300,000 were released in 1933.')).toEqual([['deported', 2000000, 2000000, 'people']]);
  });

  it('read small counts that their own verb governs, and burials', () => {
    expect(values('Ten tried to flee and six of them were caught and hanged.')).toEqual([['executed', 6, 6, 'people']]);
    expect(one('He saw two or three burials on the road.')).toEqual(['died', 2, 3, 'people', true]);
  });

  it('read a figure given by reference to the count before it: a total, a toll, a quoted figure', () => {
    expect(values('Deaths in the region reached 40,000 in 1921. Another inquiry estimated a total close to 55,000.')).toEqual([
      ['died', 40000, 40000, 'people'],
      ['died', 55000, 55000, 'people'],
    ]);
    expect(values('Deaths in the region reached 40,000. A later study gives a much lower toll of 20,000 or less.')).toEqual([
      ['died', 40000, 40000, 'people'],
      ['died', null, 20000, 'people'],
    ]);
    expect(values('Scholars put the death toll between 2 and 3 million, with a "best" figure of 2.4 million.')).toEqual([
      ['died', 2000000, 3000000, 'people'],
      ['died', 2400000, 2400000, 'people'],
    ]);
    expect(values('Scholars think that 90,000 were killed, while one historian estimates that 60,000 is a conservative figure.')).toEqual([
      ['killed', 90000, 90000, 'people'],
      ['killed', 60000, null, 'people'],
    ]);
  });

  it('let the verb govern past a named group of prisoners', () => {
    expect(values('All but five of the 900 Camp Nine prisoners were shot.')).toEqual([['executed', 895, 895, 'people']]);
  });
});

describe('claims: which measure', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low]);

  it('call "killed or died" a death, and a list of fates with a killing in it a killing', () => {
    expect(values('Around 5,000 people were killed or died of their wounds.')).toEqual([['died', 5000]]);
    expect(values('Over 200,000 villagers were deported, massacred or driven to their deaths.')).toEqual([['killed', 200000]]);
    // A list of executions and other fates stays a purge.
    expect(values('Some 9,000 officers were executed or imprisoned.')).toEqual([['purged', 9000]]);
  });

  it('count a toll as deaths, and a figure set against an earlier one in the sentence as that one', () => {
    expect(values('Soldiers carried out the killings in 1947. A later study puts the toll at 30,000.')).toEqual([['died', 30000]]);
    expect(values('The commission counted 52,000 deaths; a historian of the massacres estimates 60,000.')).toEqual([
      ['died', 52000],
      ['died', 60000],
    ]);
  });

  it('call victims of a famine or an epidemic dead, other victims killed', () => {
    expect(values('Investigators counted 300 victims of the massacre.')).toEqual([['killed', 300]]);
    expect(values('Investigators counted 3,000 victims of the cholera epidemic.')).toEqual([['died', 3000]]);
    expect(values('# The Volga famine\n\nThe region mourned 90,000 victims.')).toEqual([['died', 90000]]);
  });

  it('leave out an age after dying', () => {
    expect(values('The jailer who oversaw the killing of 14,000 prisoners dies at 80.')).toEqual([['killed', 14000]]);
  });
});

describe('claims: the years a claim covers, and how sure a suggestion is', () => {
  const years = (t: string) => extractClaims(t).map((c) => [c.low, c.fromYear, c.toYear]);

  it('record the years the sentence gives: a span, a year, a date, an open end', () => {
    expect(years('Between 1921 and 1923, 40,000 rebels were executed.')).toEqual([[40000, 1921, 1923]]);
    expect(years('From 1946 to 1953 some 2 million people passed through the camps.')).toEqual([[2000000, 1946, 1953]]);
    expect(years('In 1919 about 9,000 hostages were shot.')).toEqual([[9000, 1919, 1919]]);
    expect(years('During the famine of 1946–47, about 1 million died.')).toEqual([[1000000, 1946, 1947]]);
    expect(years('1941–1944: at least 200,000 were deported.')).toEqual([[200000, 1941, 1944]]);
    expect(years('On 12 June 1941, 15,000 people were deported.')).toEqual([[15000, 1941, 1941]]);
    expect(years('Since 1950, over 3,000 were executed.')).toEqual([[3000, 1950, null]]);
    expect(years('By 1921 the fighting had killed 80,000 people.')).toEqual([[80000, null, 1921]]);
    expect(years('Some 12,000 were arrested.')).toEqual([[12000, null, null]]);
  });

  it('take each clause its own years, and no year that dates a census, a report or a book', () => {
    expect(years('In 1920, 5,000 were arrested; in 1921, 2,000 were shot.')).toEqual([
      [5000, 1920, 1920],
      [2000, 1921, 1921],
    ]);
    expect(years('The 1926 census and Smith (1990) suggest that 30,000 were deported.')).toEqual([[30000, null, null]]);
    // A table row's years come from the row.
    const table = '| Date | People deported |\n|---|---|\n| May 12–14, 1948 | 4,100 |';
    expect(years(table)).toEqual([[4100, 1948, 1948]]);
  });

  it('give each suggestion a confidence, and make none of a plan, an order or a threat', () => {
    const [near] = extractClaims('About 9,000 villagers were shot.');
    expect(near!.confidence).toBeGreaterThanOrEqual(0.8);
    expect(extractClaims('The decree ordered the deportation of 4,000 kulaks and their families.')).toEqual([]);
    expect(extractClaims('Thirty million landlords would have to be destroyed, he said.')).toEqual([]);
    expect(extractClaims('Some 5,000 prisoners were to be deported in May.')).toEqual([]);
    // A figure only the word for whom it counts governs, and vague at that, is no suggestion;
    // asked for everything, the extractor gives it with a low confidence.
    expect(extractClaims('There were hundreds of prisoners at the roll call.')).toEqual([]);
    const all = extractClaims('There were hundreds of prisoners at the roll call.', { minConfidence: 0 });
    expect(all.map((c) => [c.measure, c.low])).toEqual([['imprisoned', 100]]);
    expect(all[0]!.confidence).toBeLessThan(MIN_CONFIDENCE);
    // "on the order of" is a hedge, not an order.
    expect(extractClaims('Deaths were on the order of a million.').map((c) => c.low)).toEqual([1000000]);
  });
});

describe('claims: sentences', () => {
  it('end no sentence at an abbreviation, and read a relative clause after a conviction as its own', () => {
    const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low]);
    expect(values('He was jailed for the 1971 raid near the border, in which three U.N. soldiers were killed.')).toEqual([['killed', 3]]);
    expect(values('The official count was 52,000 deaths; A.B. Smith, who studied the massacres, estimates 60,000.')).toEqual([
      ['died', 52000],
      ['died', 60000],
    ]);
  });
});

describe('claims: verbs of their own', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high]);

  it('give a figure whose own verb is no measure nothing from before it', () => {
    expect(values('Raiders killed 300 villagers, 800 children were abducted and 2,000 cattle were taken.')).toEqual([['killed', 300, 300]]);
    expect(values('Many were shot in the square. 40 people were taken to the fortress and held there.')).toEqual([]);
  });

  it('give a verb with a figure for object to that figure, and read a small count it takes', () => {
    expect(values('Gunmen fired on a crowd of 3,000 strikers, killing as many as six and wounding 40.')).toEqual([['killed', null, 6]]);
  });

  it('give one verb to figures that are its subjects together', () => {
    expect(values('Some 1,200 women and children and 800 men were killed.')).toEqual([
      ['killed', 1200, 1200],
      ['killed', 800, 800],
    ]);
  });

  it('read an arrest that ends in a killing as the killing', () => {
    expect(values('About 300 of them were rounded up and shot.')).toEqual([['executed', 300, 300]]);
  });

  it('leave out ages in brackets after a name, and a figure with a verb of its own in an aside', () => {
    expect(values('The farmer Jan Kowal (54) was shot dead at his gate.')).toEqual([]);
    expect(values('About 600 villagers (200 identified by name) were killed.')).toEqual([['killed', 600, 600]]);
  });
});

describe('claims: clauses and cells', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high]);

  it('give a verb before a conjunction nothing in the clause the conjunction opens', () => {
    expect(values('Three guards were killed at dawn when hundreds of prisoners stormed the gate.')).toEqual([['killed', 3, 3]]);
    // A toll that "was" a figure is still that figure.
    expect(values('The death toll when the siege ended was 4,000.')).toEqual([['died', 4000, 4000]]);
  });

  it('count no one in an aside whose verb is not a measure', () => {
    expect(values('A shell killed 14 people including 3 children and another 20 people were wounded.')).toEqual([
      ['killed', 14, 14],
      ['killed', 3, 3],
    ]);
  });

  it('read the prose of a grid cell over several lines as one text', () => {
    const text = [
      '+-------+------------------------------+',
      '| Date  | Details                      |',
      '+=======+==============================+',
      '| 3 May | Gunmen attacked the village; |',
      '|       | at least 12 people were      |',
      '|       | killed.                      |',
      '+-------+------------------------------+',
    ].join('\n');
    expect(extractClaims(text).map((c) => [c.measure, c.low, c.high])).toEqual([['killed', 12, null]]);
  });
});

describe('claims: what is no claim', () => {
  it('count no refugees, migrants or survivors as such, but those killed', () => {
    expect(extractClaims('Millions of refugees are living in exile.')).toEqual([]);
    expect(extractClaims('Hundreds of thousands of people live in camps like these.')).toEqual([]);
    expect(extractClaims('Soldiers shot 400 refugees at the border.').map((c) => [c.measure, c.low])).toEqual([['executed', 400]]);
  });

  it('make no claim of what would have happened, nor of an HTML entity', () => {
    expect(extractClaims('That is the equivalent of ten million people here who would have died.')).toEqual([]);
    expect(extractClaims('The town is dead &#39; and nearly 300 people died in the fire.').map((c) => c.low)).toEqual([300]);
  });
});

describe('claims: differences, family and markup', () => {
  it('read no change as a count: "600 fewer dead than", "increased by 399", "an increase of 50"', () => {
    expect(extractClaims('This week there were about 600 fewer dead of the fever than the last.')).toEqual([]);
    expect(extractClaims('The weekly toll of the dead increased by 399 this week.')).toEqual([]);
    expect(extractClaims('Burials showed an increase of 50 over the week before.')).toEqual([]);
    // A toll that rose to a figure is that figure.
    expect(extractClaims('The death toll rose to 5,000 by May.').map((c) => c.low)).toEqual([5000]);
  });

  it('count no agent of a passive verb', () => {
    expect(extractClaims('They were overtaken by two German soldiers and shot.')).toEqual([]);
    expect(extractClaims('The village was attacked by 300 fighters, and 40 were killed.').map((c) => c.low)).toEqual([40]);
  });

  it('count no family members, and no note reference in markup', () => {
    expect(extractClaims('He is since dead, and left his wife and two daughters beggars.')).toEqual([]);
    expect(extractClaims('My uncle<a href="notes.xhtml#note-212" epub:type="noteref">212</a> was buried last night.')).toEqual([]);
  });
});

describe('claims: parts and fates', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high, c.unit]);

  it('read "N of them" as a part of the count before it', () => {
    expect(values('That week 4,210 people died, 3,880 of them of the fever.')).toEqual([
      ['died', 4210, 4210, 'people'],
      ['died', 3880, 3880, 'people'],
    ]);
  });

  it('read those burned alive as killed, and what a plague killed as deaths', () => {
    expect(values('Hundreds of villagers were burned alive in the church.')).toEqual([['killed', 100, null, 'people']]);
    expect(values('The plague killed about 9,000 people, a fifth of the town’s population.')).toEqual([
      ['died', 9000, 9000, 'people'],
      ['died', 20, 20, 'percent'],
    ]);
  });

  it('give no fate to the word for whom a share counts', () => {
    expect(values('One in five prisoners shot in the camp was a priest.')).toEqual([['executed', 20, 20, 'percent']]);
  });
});

describe('claims: records, rates, denials and more verbs of killing and dying', () => {
  const values = (t: string) => extractClaims(t).map((c) => [c.measure, c.low, c.high, c.unit]);

  it('leave out the fields of a structured record, and keep its prose', () => {
    const record =
      '{\n  "summary": "Soldiers killed 4,000 villagers in the valley.",\n  "deaths_min": 3000,\n  "max": 5000,\n  "population_initial": 90000\n}';
    expect(extractClaims(record).map((c) => [c.quote, c.low])).toEqual([['killed 4,000', 4000]]);
    expect(extractClaims('deaths_total: 12000\ntitle: The siege').length).toBe(0);
  });

  it('leave out clock times, counts of events and groups, and a figure denied', () => {
    expect(extractClaims('The bells rang at 9:15 a.m. to honour the victims of the fire.')).toEqual([]);
    expect(extractClaims('The inquiry documented 310 massacres in the highlands.')).toEqual([]);
    expect(extractClaims('After the report of bodies, two teams of observers went to the river.')).toEqual([]);
    expect(extractClaims('The typhoid season caused about 40,000 infections and 900 deaths in the port.').map((c) => [c.measure, c.low])).toEqual([
      ['died', 900],
    ]);
    expect(values('In the winter camp not dozens, but hundreds died.')).toEqual([['died', 100, null, 'people']]);
  });

  it('leave out daily rates when a few words stand between the figure and "daily"', () => {
    expect(extractClaims('From 30 to 40 prisoners died there daily from cold.')).toEqual([]);
  });

  it('read "thousands and thousands" as one vague figure', () => {
    expect(extractClaims('Thousands and thousands in the province are starving and dying.').map((c) => [c.measure, c.low])).toEqual([['died', 1000]]);
  });

  it('leave out a fatality rate: "kills half of its victims"', () => {
    expect(extractClaims('Left untreated, the fever kills nearly half of its victims.')).toEqual([]);
  });

  it('read the relative clause after a counted noun as describing whom it counts', () => {
    expect(one('A witness described the execution of about 60 men who had been marched to the quarry.')).toEqual([
      'executed',
      60,
      60,
      'people',
      true,
    ]);
  });

  it('read lynching, drowning, "gunned down", "took the lives of" and custody', () => {
    expect(one('Between 1890 and 1900 more than 1,100 men were lynched in the region.')).toEqual(['killed', 1100, null, 'people', false]);
    expect(one('The storm sank the ferry, and 212 passengers drowned.')).toEqual(['died', 212, 212, 'people', false]);
    expect(one('Nine villagers were gunned down at the bridge.')).toEqual(['killed', 9, 9, 'people', false]);
    expect(one('The raid on the harbour took the lives of 1,310 sailors.')).toEqual(['killed', 1310, 1310, 'people', false]);
    expect(values('By spring 2.1 million prisoners of war were in enemy custody, and 900,000 of them had died.').map((v) => v.slice(0, 2))).toEqual([
      ['imprisoned', 2100000],
      ['died', 900000],
    ]);
  });

  it('read "killed by" a disease as died, and bodies found as the dead', () => {
    expect(one('In the long siege some 20,000 townspeople were killed by hunger and typhus.')).toEqual(['died', 20000, 20000, 'people', true]);
    expect(one('Soldiers of the garrison killed 300 townspeople.')).toEqual(['killed', 300, 300, 'people', false]);
    expect(values('Farmers reported eight or nine bodies in a ditch by the road.')).toEqual([['died', 8, 9, 'people']]);
    expect(extractClaims('The two governing bodies met in Geneva.')).toEqual([]);
  });
});

describe('claims: the years of a study are not the years a figure covers', () => {
  it('take no year from a study named before it, in a table row or a sentence', () => {
    const table = '## Deaths in the famine\n\n| Study | Deaths |\n| --- | --- |\n| Demographic survey (2001) | 3.3-4.4 million |';
    expect(extractClaims(table).map((c) => [c.quote, c.event, c.fromYear ?? null, c.toYear ?? null])).toEqual([
      ['3.3-4.4 million', 'famine', null, null],
    ]);
    const prose = 'According to the census of 1959, about 20,000 people died in the famine.';
    expect(extractClaims(prose).map((c) => [c.low, c.fromYear ?? null])).toEqual([[20000, null]]);
  });
});

describe('claims: a total and its dated parts', () => {
  it('give a total the years of its parts together', () => {
    const text = 'Close to 430,000 (190,000 in 1921 and 240,000 in 1922) were deported.';
    expect(extractClaims(text).map((c) => [c.low, c.fromYear ?? null, c.toYear ?? null])).toEqual([
      [430000, 1921, 1922],
      [190000, 1921, 1921],
      [240000, 1922, 1922],
    ]);
  });
});
