/**
 * Types of the PII guard (DESIGN.md §5; shared/import/pii.ts). Identifying columns are found by
 * header and by content; the import refuses to proceed while any such column would be mapped or kept,
 * unless the analyst excludes it (the column is stripped) or overrides with a reason of at least
 * PII_OVERRIDE_MIN_REASON characters, which the store writes to the audit log.
 */
import { z } from 'zod';

export const PII_KINDS = [
  'name',
  'date_of_birth',
  'phone',
  'email',
  'address',
  'postcode',
  'nhs_number',
  'ni_number',
  'narrative',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiFinding {
  column: string;
  kind: PiiKind;
  evidence: 'header' | 'content';
  /** A masked sample value (e.g. "j***@e***.uk", "SW1A 1**"), never the raw value; null for header-only. */
  example: string | null;
  /** Why, in a sentence for the analyst. */
  reason: string;
}

export const PII_OVERRIDE_MIN_REASON = 10;

export const piiDecisionSchema = z.discriminatedUnion('action', [
  z.object({ column: z.string().min(1), action: z.literal('exclude') }).strict(),
  z
    .object({
      column: z.string().min(1),
      action: z.literal('override'),
      reason: z
        .string()
        .trim()
        .min(PII_OVERRIDE_MIN_REASON, 'an override needs a reason of at least 10 characters'),
    })
    .strict(),
]);
export type PiiDecision = z.infer<typeof piiDecisionSchema>;

/** Result of checking the analyst's decisions against the findings. */
export type PiiResolution =
  | {
      ok: true;
      /** Columns to strip (add to mapping.excluded). */
      excluded: string[];
      /** Overrides to write to the audit log. */
      overrides: { column: string; kinds: PiiKind[]; reason: string }[];
    }
  | {
      ok: false;
      /** Findings with no (valid) decision: the import must not proceed. */
      unresolved: PiiFinding[];
      /** One sentence per problem, for the CLI and the wizard. */
      problems: string[];
    };
