import { type PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ggsm/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that cannot exist is simply not found (and never reaches PostgreSQL as a cast error). */
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw new DomainError(ErrorCode.NOT_FOUND, { nl: 'Niet gevonden.', en: 'Not found.' });
    }
    return value;
  }
}
