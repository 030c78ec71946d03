import { describe, expect, it } from 'vitest';
import { normalizeTopic, topicMatcher } from '../../src/stories/story-topics.js';
import { storedArticle } from './news-fixtures.js';

const article = (title: string, text = 'Nothing to see.', categories: string[] = []) =>
  storedArticle({ source: 'Test', title, text, categories });

describe('topicMatcher', () => {
  it('matches categories, title and text, in any case', () => {
    const matches = topicMatcher('climate')!;
    expect(matches(article('Storms ahead', 'x', ['Climate']))).toBe(true);
    expect(matches(article('CLIMATE talks resume'))).toBe(true);
    expect(matches(article('Talks resume', 'Delegates discussed climate finance.'))).toBe(true);
    expect(matches(article('Talks resume'))).toBe(false);
  });

  it('matches whole words only', () => {
    expect(topicMatcher('art')!(article('Party leaders meet', 'A smart start.'))).toBe(false);
    expect(topicMatcher('art')!(article('Modern art fair opens'))).toBe(true);
    expect(topicMatcher('US')!(article('Campus protest', 'Students used the bus.'))).toBe(false);
    expect(topicMatcher('US')!(article('US election'))).toBe(true);
  });

  it('matches a phrase across spaces, hyphens and line breaks, and topics with symbols', () => {
    expect(topicMatcher('premier league')!(article('Premier-League title race'))).toBe(true);
    expect(topicMatcher('Premier League')!(article('x', 'the premier\nleague'))).toBe(true);
    expect(topicMatcher('C++')!(article('C++ turns 40'))).toBe(true);
    expect(topicMatcher('C++')!(article('C turns 40'))).toBe(false);
    expect(topicMatcher('café')!(article('Le Café du coin'))).toBe(true);
  });

  it('treats an empty topic as no topic', () => {
    expect(topicMatcher('   ')).toBeNull();
    expect(normalizeTopic(' #Climate   change ')).toBe('Climate change');
    expect(normalizeTopic(null)).toBeNull();
  });
});
