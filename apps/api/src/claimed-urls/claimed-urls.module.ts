import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { ClaimedUrlsResolver } from './claimed-urls.resolver';
import { ClaimedUrlsService } from './claimed-urls.service';

@Module({
  imports: [OrgUnitsModule, PlatformsModule],
  providers: [ClaimedUrlsService, ClaimedUrlsResolver],
  exports: [ClaimedUrlsService],
})
export class ClaimedUrlsModule {}
