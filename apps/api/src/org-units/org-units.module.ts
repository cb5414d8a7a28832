import { Module } from '@nestjs/common';
import { OrgUnitsResolver } from './org-units.resolver';
import { OrgUnitsService } from './org-units.service';
import { ScopeService } from './scope.service';

@Module({ providers: [OrgUnitsService, ScopeService, OrgUnitsResolver], exports: [OrgUnitsService, ScopeService] })
export class OrgUnitsModule {}
