import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError, ErrorCode, Role } from '@ggsm/domain';
import { Allow } from '../auth/allow.decorator';
import { Ctx, type RequestContext } from '../auth/request-context';
import { AccountImportService } from './account-import.service';
import { ImportEncoding, ImportSocialAccountsArgs } from './import.args';
import { ImportResultModel } from './import-result.model';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

@Resolver()
export class ImportExportResolver {
  constructor(private readonly importer: AccountImportService) {}

  /** Communications and editors (their own units); ADMIN only with asLegacy (AccountImportService decides). */
  @Allow(Role.ADMIN, Role.COMMUNICATIONS, Role.EDITOR)
  @Mutation(() => ImportResultModel, {
    description:
      'Imports accounts from a CSV file. dryRun: only check and report. Otherwise nothing is written unless every row is valid ' +
      '(or onlyValidRows), and a refused import answers BAD_USER_INPUT with the problems as violations ("line N: column").',
  })
  importSocialAccounts(@Ctx() ctx: RequestContext, @Args() args: ImportSocialAccountsArgs): Promise<ImportResultModel> {
    return this.importer.import(ctx, contentBytes(args), { dryRun: args.dryRun, onlyValidRows: args.onlyValidRows, asLegacy: args.asLegacy });
  }
}

function contentBytes(args: ImportSocialAccountsArgs): Buffer {
  if ((args.encoding ?? ImportEncoding.TEXT) === ImportEncoding.TEXT) return Buffer.from(args.content, 'utf8');
  const compact = args.content.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    const message = { nl: 'De inhoud is geen geldige base64.', en: 'The content is not valid base64.' };
    throw new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field: 'content', code: 'IMPORT_BAD_BASE64', message }]);
  }
  return Buffer.from(compact, 'base64');
}
