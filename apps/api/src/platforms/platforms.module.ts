import { Module } from '@nestjs/common';
import { PlatformsResolver } from './platforms.resolver';
import { PlatformsService } from './platforms.service';

@Module({ providers: [PlatformsService, PlatformsResolver], exports: [PlatformsService] })
export class PlatformsModule {}
