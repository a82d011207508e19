import { bothLanguages } from '@kc/errors';

/**
 * A schema's own message for a built-in check (`.min(1, say('không được để trống', 'must not be empty'))`):
 * both languages in the one string zod keeps, Vietnamese first; the HTTP edge splits it again.
 */
export const say = (vi: string, en: string): string => bothLanguages({ vi, en });

/**
 * A refinement's issue (`.refine(ok, ruleIssue(...))`, `ctx.addIssue({ ...ruleIssue(...), path })`): a stable
 * rule name in place of zod's `custom`, and the message in both languages.
 */
export const ruleIssue = (rule: string, vi: string, en: string) => ({
  code: 'custom' as const,
  message: say(vi, en),
  params: { rule, vi, en },
});
