import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { ImpersonationEvidenceController } from './impersonation-evidence.controller';
import { ImpersonationReportsResolver } from './impersonation-reports.resolver';
import { ImpersonationReportsService } from './impersonation-reports.service';
import { PublicReportsController } from './public-reports.controller';
import { ReportThrottle } from './report-throttle';

@Module({
  imports: [OrgUnitsModule, PlatformsModule],
  controllers: [PublicReportsController, ImpersonationEvidenceController],
  providers: [ImpersonationReportsService, ImpersonationReportsResolver, ReportThrottle, EvidenceUploadInterceptor],
  exports: [ImpersonationReportsService],
})
export class ImpersonationModule {}
