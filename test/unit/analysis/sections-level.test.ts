// Section outlines of real report texts and agency levels from names and regions.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outline, sectionText } from '../../../src/main/core/analysis/sections';
import { levelOf, provinceOf } from '../../../src/main/core/analysis/level';
import { deadlineFor } from '../../../src/main/core/analysis';
import { fixture } from '../../support/tmp';

const keys = (file: string) => outline(fs.readFileSync(file, 'utf8')).map((s) => s.key);

describe('report outline', () => {
  it('finds the six sections of a 2021-form report run into one line, not the table rows', () => {
    const text = fs.readFileSync(fixture('real', '平潭综合实验区2022年度政府信息公开工作年度报告.txt'), 'utf8');
    const sections = outline(text);
    expect(sections.map((s) => [s.number, s.key])).toEqual([
      [1, 'overview'],
      [2, 'active'],
      [3, 'requests'],
      [4, 'appeals'],
      [5, 'problems'],
      [6, 'other'],
    ]);
    const problems = sectionText(text, sections[4]!);
    expect(problems.startsWith('存在的主要问题及改进情况')).toBe(false);
    expect(problems).toContain('重大行政决策预公开程度需进一步加强');
    expect(problems).not.toContain('其他需要报告的事项');
  });

  it('reads legacy headings (收费及减免) and a heading glued to a figure (…元三、)', () => {
    expect(keys(fixture('seeds', '003_0b4c895e08e04692.txt'))).toEqual(['active', 'requests', 'fees', 'appeals', 'problems']);
    expect(keys(fixture('real', '平潭综合实验区2019年度政府信息公开工作年度报告.txt'))).toContain('requests');
    expect(outline('没有任何标题的一段话。')).toEqual([]);
  });
});

describe('agency level', () => {
  it('tells township, county, city, province and central agencies apart', () => {
    expect(levelOf('维摩彝族乡人民政府', '云南省文山州砚山县')).toBe('township');
    expect(levelOf('某某街道办事处', '湖南省长沙市岳麓区')).toBe('township');
    expect(levelOf('镇康县人民政府', '云南省临沧市镇康县')).toBe('county');
    expect(levelOf('平江县民政局', '湖南省岳阳市平江县')).toBe('county');
    expect(levelOf('岳阳市民政局', '湖南省岳阳市')).toBe('city');
    expect(levelOf('平潭综合实验区管委会', '福建省平潭综合实验区')).toBe('city');
    expect(levelOf('湖南省民政厅', '湖南省')).toBe('province');
    expect(levelOf('北京市朝阳区人民政府', '北京市朝阳区')).toBe('county');
    expect(levelOf('国家税务总局', null)).toBe('central');
    expect(levelOf(null, null)).toBeNull();
    expect(provinceOf('湖南省岳阳市平江县')).toBe('湖南省');
  });

  it('takes the level from the gazetteer, not from the suffix', () => {
    const cases: [string, string | null, string | null][] = [
      // county-level cities under the province or a prefecture, and a municipality's county
      ['仙桃市人民政府', '湖北省仙桃市', 'county'],
      ['琼海市人民政府', '海南省琼海市', 'county'],
      ['浏阳市人民政府', '湖南省长沙市浏阳市', 'county'],
      ['城口县人民政府', '重庆市城口县', 'county'],
      // prefecture-level units of every suffix
      ['恩施州民政局', '湖北省恩施州', 'city'],
      ['兴安盟行政公署', '内蒙古自治区兴安盟', 'city'],
      ['红河州人民政府', '云南省红河哈尼族彝族自治州', 'city'],
      ['重庆市民政局', '重庆市', 'province'],
      // a county since renamed (宁乡县 → 宁乡市) is still a county
      ['宁乡县人民政府', '湖南省长沙市宁乡县', 'county'],
      // no region: the places the agency's name gives
      ['平江县民政局', null, 'county'],
      ['岳阳市生态环境局', null, 'city'],
      // a name the gazetteer does not know is no level
      ['某某委员会', '某某区', null],
    ];
    expect(cases.map(([agency, region]) => levelOf(agency, region))).toEqual(cases.map(([, , level]) => level));
  });

  it('puts the deadline at 1月31日 from the 2019 条例 on, 3月31日 before', () => {
    expect(deadlineFor(2018)).toBe('2019-03-31');
    expect(deadlineFor(2019)).toBe('2020-01-31');
  });
});
