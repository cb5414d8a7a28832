import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ImportProblem', { description: 'One problem of an imported file, where it is.' })
export class ImportProblemModel {
  @Field(() => Int, { description: 'Line in the file; 1 is the header.' }) line: number;
  @Field(() => String, { nullable: true, description: 'The column header as written in the file; null for the whole line or file.' }) column: string | null;
  @Field() code: string;
  @Field() message: string;
  @Field() messageNl: string;
}

@ObjectType('ImportResult', { description: 'What an import found, and what it wrote.' })
export class ImportResultModel {
  @Field() dryRun: boolean;
  @Field({ description: 'The character set the file was read in: UTF-8, UTF-16LE, UTF-16BE or windows-1252.' }) charset: string;
  @Field({ description: 'The detected separator: "," ";" or "\\t".' }) delimiter: string;
  @Field(() => Int, { description: 'Data rows in the file (without the header).' }) totalRows: number;
  @Field(() => Int, { description: 'Rows without any problem (these are written unless it is a dry run).' }) validRows: number;
  @Field(() => Int, { description: 'Accounts created (0 in a dry run or when nothing was written).' }) created: number;
  @Field(() => Int, { description: 'Rows naming an account an earlier row names already.' }) duplicateRows: number;
  @Field(() => Int, { description: 'Rows naming an account the register holds already (HANDLE_TAKEN).' }) takenRows: number;
  @Field(() => Int, { description: 'All problems; `problems` lists the first 1000.' }) problemCount: number;
  @Field(() => [ImportProblemModel]) problems: ImportProblemModel[];
  @Field(() => [String], { description: 'Headers the importer does not read.' }) ignoredColumns: string[];
  @Field({ description: 'The status the accounts get (or would get): DRAFT, or ACTIVE for a legacy inventory.' }) status: string;
}
