import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PlatformsModule } from '../platforms/platforms.module';
import { LookalikesResolver } from './lookalikes.resolver';
import { LookalikesService } from './lookalikes.service';

@Module({
  imports: [OrgUnitsModule, PlatformsModule],
  providers: [LookalikesService, LookalikesResolver],
  exports: [LookalikesService],
})
export class LookalikesModule {}
