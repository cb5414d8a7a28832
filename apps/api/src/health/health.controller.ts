import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';

/** For load balancers and docker-compose: 200 only when the database answers and no migration is pending. */
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const body = { status: 'ok', database: 'up', migrations: { applied: 0, pending: 0 } };
    try {
      const applied: { name: string }[] = await this.db.query('SELECT name FROM migrations');
      const names = new Set(applied.map((r) => r.name));
      body.migrations.applied = names.size;
      body.migrations.pending = this.db.migrations.filter((m) => !names.has(m.name ?? m.constructor.name)).length;
      if (body.migrations.pending > 0) body.status = 'migrations-pending';
    } catch {
      body.status = 'down';
      body.database = 'down';
    }
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  }
}
