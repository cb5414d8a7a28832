import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** class-validator on every input; failures become BAD_USER_INPUT with one violation per field. */
export const inputValidationPipe = new ValidationPipe({
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
