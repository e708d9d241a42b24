// validate: fields → findings for every rule that applies.
import type { CheckResult, ExtractedField } from '../../../shared/model';
import { RULES, type Rule } from './rules';

export function validate(fields: readonly ExtractedField[], today = new Date(), rules: readonly Rule[] = RULES): CheckResult[] {
  const map = new Map(fields.map((f) => [f.key, f]));
  return rules.flatMap((rule) => rule.check(map, today));
}
