// A next-year report derived from a real one, for the cross-year views: the same agency's 2023
// report (2022's text with the year moved on, a new sentence in 存在的主要问题 and one problem
// reworded, 上年结转 left as printed so the 结转 chain shows a break).
import fs from 'node:fs';
import { fixture } from './tmp';

export const REAL_2022 = '平潭综合实验区2022年度政府信息公开工作年度报告.txt';

export function derived2023(): string {
  return fs
    .readFileSync(fixture('real', REAL_2022), 'utf8')
    .replace(/2023/g, '2024')
    .replace(/2022/g, '2023')
    .replace('发布时间: 2024-02-20', '发布时间: 2024-01-26')
    .replace('一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。', '一是政务新媒体内容更新不够及时。')
    .replace('三是政策解读形式单一，缺少多个角度多种形式的解读。', '三是政策解读形式单一，缺少多个角度多种形式的解读。四是基层政务公开标准化规范化有待提升。');
}
