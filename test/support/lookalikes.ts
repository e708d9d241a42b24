// A scanner's OCR misreadings: report characters and the common characters they are taken for
// (a stroke lost or added, a component swapped), digits and the digits or letters they are read
// as. For fixtures and measurements of layers that read as plausible text but wrong (issue #4):
// the detector (pdf/language.ts) must never see this table.

/** character → what it is misread as (each in GB2312) */
const HANZI: Readonly<Record<string, string>> = {
  表: '衰袁', 请: '清倩', 开: '升并', 息: '忌熄', 信: '倍言', 公: '么仑', 政: '故攻', 府: '俯腐',
  年: '午', 度: '席庶', 报: '极扳', 告: '吉苦', 数: '教敖', 量: '最墨', 件: '伴仵', 申: '甲由中',
  本: '木末', 处: '外', 理: '埋里', 结: '给洁', 果: '呆杲', 行: '衍', 复: '夏', 议: '仪', 诉: '拆沂',
  讼: '松颂', 法: '去沽', 人: '入八', 民: '氏', 机: '札', 关: '美天', 其: '具甚', 他: '也池',
  予: '子矛', 以: '似', 不: '木丕', 属: '屑', 于: '干千', 无: '天元', 已: '己巳', 未: '末', 的: '约灼',
  工: '土王', 作: '昨怍', 主: '王玉', 动: '劫功', 和: '利知', 依: '伙侬', 条: '杀', 例: '列倒',
  规: '现观', 定: '走宝', 提: '堤捉', 供: '洪拱', 办: '为', 维: '推', 持: '特待', 纠: '叫', 正: '止',
  确: '碓', 认: '从', 被: '彼破', 撤: '撒', 销: '锁', 违: '连', 重: '童董', 新: '亲', 收: '牧', 到: '倒',
  上: '土止', 转: '传', 增: '憎赠', 减: '咸', 总: '忠', 计: '汁针', 费: '贵', 金: '全', 额: '颔', 万: '方',
  元: '兀', 自: '白目', 然: '燃', 业: '亚', 企: '仓', 科: '料', 社: '杜', 会: '合', 益: '盖', 组: '姐',
  织: '识', 律: '津', 服: '报', 务: '备', 情: '倩', 况: '兄', 统: '充', 询: '洵', 答: '签',
  性: '姓', 决: '诀', 受: '爱', 部: '剖', 分: '今', 全: '金', 内: '肉', 容: '蓉', 检: '捡',
  索: '素', 获: '荻', 取: '耿', 网: '冈', 站: '粘', 平: '干', 台: '始', 门: '们', 户: '尸', 微: '徽',
  博: '搏', 发: '友', 布: '市', 次: '欠', 建: '健', 设: '没', 管: '菅', 督: '誓', 查: '杳',
  在: '存', 有: '布', 效: '郊', 止: '上', 制: '刺', 文: '又', 区: '匹', 县: '具', 市: '币',
  局: '届', 委: '季', 员: '贝', 中: '申', 华: '毕', 国: '围', 印: '卯', 号: '兮', 编: '偏',
  治: '冶', 第: '笫', 二: '三', 三: '二',
};

/** digit → what it is misread as */
const DIGITS: Readonly<Record<string, string>> = { 0: '86', 1: '7l', 2: '7', 3: '8', 4: '9', 5: '6S', 6: '58', 7: '1', 8: '3B', 9: '4' };

/** Misreadings of `c`: empty when it has none. */
export function misreadings(c: string): string {
  return HANZI[c] ?? DIGITS[c] ?? '';
}

/** Park and Miller's minimal standard generator: the same misreadings on every run. */
export function seeded(seed: number): () => number {
  let s = (seed % 2147483646) + 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * `texts` misread at `rate` of their hanzi and digits (those with a misreading; one misread digit
 * in six dropped, as a faint stroke is). Returns the texts and how many characters were misread.
 */
export function misread(texts: readonly string[], rate: number, random: () => number): { texts: string[]; misread: number; chars: number } {
  const chars = texts.reduce((n, t) => n + [...t].filter((c) => /[\p{Script=Han}\d]/u.test(c)).length, 0);
  const slots = texts.flatMap((t, i) => [...t].map((c, j) => ({ i, j, c })).filter((s) => misreadings(s.c)));
  const want = Math.min(slots.length, Math.round(rate * chars));
  // a random `want` of the slots (partial Fisher–Yates)
  for (let k = 0; k < want; k++) {
    const r = k + Math.floor(random() * (slots.length - k));
    [slots[k], slots[r]] = [slots[r]!, slots[k]!];
  }
  const out = texts.map((t) => [...t]);
  for (const { i, j, c } of slots.slice(0, want)) {
    const options = misreadings(c);
    const digit = /\d/.test(c);
    out[i]![j] = digit && random() < 1 / 6 ? '' : [...options][Math.floor(random() * [...options].length)]!;
  }
  return { texts: out.map((cs) => cs.join('')), misread: want, chars };
}
