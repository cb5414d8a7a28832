import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { IMPORT_LIMITS } from '@ggsm/domain';
import { IsOptionalNotNull } from '../common/validation.pipe';

export const ImportEncoding = { TEXT: 'TEXT', BASE64: 'BASE64' } as const;
export type ImportEncoding = (typeof ImportEncoding)[keyof typeof ImportEncoding];
registerEnumType(ImportEncoding, {
  name: 'ImportEncoding',
  description: 'TEXT: the file as a string. BASE64: the file bytes, so that Windows-1252 (Dutch Excel) arrives intact; the character set is detected.',
});

@ArgsType()
export class ImportSocialAccountsArgs {
  @Field({ description: 'The CSV file: comma, semicolon or tab separated (detected), English or Dutch headers (see the README).' })
  @IsString()
  // Base64 makes the file a third larger; the request body limit (GGSM_BODY_LIMIT) usually bites first.
  @MaxLength(Math.ceil((IMPORT_LIMITS.maxBytes * 4) / 3) + 4)
  content: string;

  @Field(() => ImportEncoding, { nullable: true, description: 'How content is sent; default TEXT.' })
  @IsOptionalNotNull()
  @IsIn(Object.values(ImportEncoding))
  encoding?: ImportEncoding;

  @Field({ description: 'Check only: nothing is written, the answer lists every problem.' }) @IsBoolean() dryRun: boolean;

  @Field({ nullable: true, description: 'Write the valid rows even when other rows have problems (default: nothing unless every row is valid).' })
  @IsOptionalNotNull()
  @IsBoolean()
  onlyValidRows?: boolean;

  @Field({
    nullable: true,
    description: 'An existing inventory that predates the policy: accounts become legacy and ACTIVE (ADMIN and COMMUNICATIONS only). Otherwise they start as DRAFT.',
  })
  @IsOptionalNotNull()
  @IsBoolean()
  asLegacy?: boolean;
}
