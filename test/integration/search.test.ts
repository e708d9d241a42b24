// Full-text search over the library: Chinese substrings through the trigram index, short queries by scan.
import { afterEach, describe, expect, it } from 'vitest';
import { queryPage } from '../../src/main/core/store/library-query';
import { fixture } from '../support/tmp';
import { testLibrary, type TestLibrary } from '../support/library';

let t: TestLibrary;
afterEach(() => t?.lib.close());

const names = (t: TestLibrary, search: string) => queryPage(t.lib.db, { search }, 0, 100).rows.map((r) => r.fileName.slice(0, 3)).sort();

describe('search', () => {
  it('finds reports by any substring of their text', async () => {
    t = testLibrary();
    await t.import([fixture('seeds')]);
    expect(names(t, '七彩云端')).toEqual(['002']); // text only, 4 characters
    expect(names(t, '政务公开领导小组')).toEqual(['001', '003']);
    expect(names(t, '民政局')).toEqual(['003']);
    expect(names(t, '陈家')).toEqual(['001']); // two characters: a scan
    expect(names(t, '砚')).toEqual(['000']);
    expect(names(t, '无此内容的查询')).toEqual([]);
    expect(names(t, '"%_')).toEqual([]);
    expect(names(t, '')).toHaveLength(5);
  });
});
