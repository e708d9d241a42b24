// Consistency rule ids (stable: checks, exports and fixture truth use them) with their zh-CN names.
export const RULE_NAMES = {
  't3.column_balance': '表三 各列：一 + 二 = 三(七)总计 + 四',
  't3.column_total': '表三 各列：总计 = 各办理结果之和',
  't3.row_total': '表三 各行：总计列 = 自然人 + 法人或其他组织各列',
  't4.group_total': '表四 各组：总计 = 维持 + 纠正 + 其他 + 尚未审结',
  'legacy.apply_channels': '统计表：收到申请数 = 当面 + 传真 + 网络 + 信函',
  'legacy.apply_completed': '统计表：申请办结数 = 按时办结 + 延期办结',
  'legacy.reply_denied': '统计表：不同意公开答复数 = 其中各项之和',
  'legacy.review_total': '统计表：行政复议数量 = 维持 + 纠错 + 其他',
  'legacy.suit_total': '统计表：行政诉讼数量 = 维持 + 纠错 + 其他',
  'legacy.org_staff': '统计表：工作人员数 = 专职 + 兼职',
  'prose.table_agree': '正文数字与统计表一致',
  'source.pages_without_text': '每一页都读到了文字（文字识别几乎无字的页需对照原件）',
  'meta.year_range': '报告年度在 2007 年至今之间',
  'meta.published_after_year': '发布日期晚于所报告年度的开始',
  'cross.carried_chain': '本年“上年结转” = 上年报告“结转下年度继续办理”',
  'cross.valid_chain': '现行有效件数与上年衔接',
} as const;

export type RuleId = keyof typeof RULE_NAMES;
