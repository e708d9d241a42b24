// A finding in the UI's language. Chinese: the core's message as it is (what exports and the CLI
// say). Other languages: the rule's wording filled with the finding's figures (CheckResult.params);
// a finding without them (stored by an older rule) keeps its message.
import { T3_ROWS } from '../../../shared/fields';
import type { CheckResult } from '../../../shared/model';
import type { RuleId } from '../../../shared/rules';
import type { Locale, Translate } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

/** How a rule names its place: a 表三 column, a 表三 row (as the form prints it), a 表四 group, a 表二 row. */
type Place = 't3col' | 't3row' | 't4group' | 't2row' | null;

const RULES: Record<RuleId, { text: MessageKey | null; place: Place }> = {
  't3.column_balance': { text: 'finding.t3.column_balance', place: 't3col' },
  't3.column_total': { text: 'finding.t3.column_total', place: 't3col' },
  't3.row_total': { text: 'finding.t3.row_total', place: 't3row' },
  't4.group_total': { text: 'finding.t4.group_total', place: 't4group' },
  'legacy.apply_channels': { text: 'finding.legacy.apply_channels', place: null },
  'legacy.apply_completed': { text: 'finding.legacy.apply_completed', place: null },
  'legacy.reply_denied': { text: 'finding.legacy.reply_denied', place: null },
  'legacy.review_total': { text: 'finding.legacy.review_total', place: null },
  'legacy.suit_total': { text: 'finding.legacy.suit_total', place: null },
  'legacy.org_staff': { text: 'finding.legacy.org_staff', place: null },
  'prose.table_agree': { text: 'finding.prose.table_agree', place: null },
  'source.pages_without_text': { text: null, place: null },
  'meta.year_range': { text: 'finding.meta.year_range', place: null },
  'meta.published_after_year': { text: 'finding.meta.published_after_year', place: null },
  'cross.carried_chain': { text: 'finding.cross.carried_chain', place: 't3col' },
  'cross.valid_chain': { text: 'finding.cross.valid_chain', place: 't2row' },
};

const ROW_LABELS = new Map(T3_ROWS.map(([id, label]) => [id, label]));

function placeText(place: Place, id: string | undefined, keys: readonly string[], t: Translate): string {
  if (!id) return place === null && keys[0]?.startsWith('n.') ? t(`finding.prose.${keys[0].slice(2)}` as MessageKey) : '';
  switch (place) {
    case 't3col':
      return t(`finding.t3col.${id}` as MessageKey);
    case 't3row':
      return ROW_LABELS.get(id) ?? id;
    case 't4group':
      return t(`finding.t4group.${id}` as MessageKey);
    case 't2row':
      return t(`finding.t2row.${id}` as MessageKey);
    default:
      return id;
  }
}

export function checkText(c: CheckResult, t: Translate, locale: Locale): string {
  const rule = RULES[c.rule as RuleId];
  const p = c.params;
  if (locale === 'zh-CN' || !p || !rule?.text) return c.message;
  return t(rule.text, {
    place: placeText(rule.place, p.place, c.keys, t),
    left: p.left ?? '',
    right: p.right ?? '',
    base: p.base ?? '',
    year: p.year ?? '',
    date: p.date ?? '',
    op: c.ok ? '=' : '≠',
    not: c.ok ? '' : t('finding.not'),
    diff: c.ok || c.diff === undefined ? '' : t('finding.off', { n: Math.abs(c.diff) }),
    blanks: p.blanks ? t('finding.blanks', { n: p.blanks }) : '',
  });
}
