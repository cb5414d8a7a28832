import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Matches, ValidateIf } from 'class-validator';
import { DomainError, ErrorCode, type Violation } from '@ggsm/domain';

function violationsOf(errors: ValidationError[], prefix = ''): Violation[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, en]) => ({
      field,
      code: `INVALID_${rule.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
      message: { en, nl: `Ongeldige waarde voor "${field}": ${en}` },
    }));
    return [...own, ...violationsOf(e.children ?? [], `${field}.`)];
  });
}

/**
 * Text PostgreSQL cannot store: the NUL character, and a lone UTF-16 surrogate (half an emoji), which
 * jsonb refuses. Refused here, with the field named, instead of failing deep in a query.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableText(value: unknown, path = ''): Violation[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      const field = path || 'input';
      return [
        {
          field,
          code: 'INVALID_CHARACTERS',
          message: {
            en: `"${field}" contains characters that cannot be stored (a NUL character or half of a character pair).`,
            nl: `"${field}" bevat tekens die niet kunnen worden opgeslagen (een NUL-teken of een half tekenpaar).`,
          },
        },
      ];
    }
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableText(v, `${path}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => unstorableText(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * Optional, but not nullable: leaving the field out keeps the stored value, while an explicit null
 * is validated (and refused by the field's own rules) instead of reaching a NOT NULL column.
 */
export const IsOptionalNotNull = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

/** At least one visible character: a name of only spaces is no name. */
export const NotBlank = () => Matches(/\S/, { message: '$property must not be blank' });

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The GraphQL context (the HTTP request) and our own decorators (@Ctx) are not input.
    if (metadata.type === 'custom' || (metadata.type as string) === 'context') return value;
    const bad = unstorableText(value);
    if (bad.length) throw new DomainError(ErrorCode.BAD_USER_INPUT, (bad[0] as Violation).message, bad);
    return super.transform(value, metadata);
  }
}

/** class-validator on every input; failures become BAD_USER_INPUT with one violation per field. */
export const inputValidationPipe = new InputValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  validateCustomDecorators: false,
  exceptionFactory: (errors) =>
    new DomainError(
      ErrorCode.BAD_USER_INPUT,
      { nl: 'De invoer is niet geldig.', en: 'The input is not valid.' },
      violationsOf(errors),
    ),
});
