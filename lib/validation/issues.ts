import type { z } from 'zod';

// Turns zod's issues into what a person reads: which field (by key; the caller puts the label in)
// and what is wrong with it (a message key of the `validation` catalog, with its numbers). Unknown
// fields are only counted: their names come from the caller and are never echoed or stored.

export type ValidationKey =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'tooLow'
  | 'tooHigh'
  | 'tooFew'
  | 'tooMany'
  | 'email'
  | 'choice'
  | 'format'
  | 'date'
  | 'number'
  | 'controlChars'
  | 'endsBeforeStart'
  | 'tooLongVisit'
  | 'invalid';

export interface FieldProblem {
  field: string;
  key: ValidationKey;
  values: Record<string, string | number>;
}

export interface Problems {
  fields: FieldProblem[];
  unknownFields: number;
}

export function describeIssues(issues: z.core.$ZodIssue[]): Problems {
  const fields: FieldProblem[] = [];
  let unknownFields = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      unknownFields += issue.keys.length;
      continue;
    }
    const field = String(issue.path[0] ?? 'form');
    fields.push({ field, ...problemOf(issue) });
  }
  return { fields, unknownFields };
}

function problemOf(issue: z.core.$ZodIssue): Omit<FieldProblem, 'field'> {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { key: 'required', values: {} }
        : { key: issue.expected === 'number' ? 'number' : 'invalid', values: {} };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? { key: 'required', values: {} } : { key: 'tooShort', values: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'tooFew', values: { min } };
      }
      return { key: 'tooLow', values: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', values: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'tooMany', values: { max } };
      }
      return { key: 'tooHigh', values: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'email', values: {} };
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'choice', values: {} };
      if (issue.format === 'date' || issue.format === 'datetime' || issue.format === 'time') {
        return { key: 'date', values: {} };
      }
      return { key: 'format', values: {} };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'choice', values: {} };
    case 'custom': {
      const reason = (issue.params as { reason?: string } | undefined)?.reason;
      return { key: isValidationKey(reason) ? reason : 'invalid', values: {} };
    }
    default:
      return { key: 'invalid', values: {} };
  }
}

const keys = new Set<string>([
  'required',
  'tooShort',
  'tooLong',
  'tooLow',
  'tooHigh',
  'tooFew',
  'tooMany',
  'email',
  'choice',
  'format',
  'date',
  'number',
  'controlChars',
  'endsBeforeStart',
  'tooLongVisit',
  'invalid',
]);
function isValidationKey(value: unknown): value is ValidationKey {
  return typeof value === 'string' && keys.has(value);
}
