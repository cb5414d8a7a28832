import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { AccountImportService } from './account-import.service';
import { ExportService } from './export.service';
import { ImportExportController } from './import-export.controller';
import { ImportExportResolver } from './import-export.resolver';

/** Bulk import of accounts from CSV, and exports of the register and the audit trail. */
@Module({
  imports: [OrgUnitsModule],
  controllers: [ImportExportController],
  providers: [AccountImportService, ExportService, ImportExportResolver],
  exports: [AccountImportService],
})
export class ImportExportModule {}
