import { Module } from '@nestjs/common';
import { EffectiveReviewIntervalResolver } from './effective-review-interval.resolver';
import { ReviewIntervalsResolver } from './review-intervals.resolver';
import { ReviewIntervalsService } from './review-intervals.service';

@Module({
  providers: [ReviewIntervalsService, ReviewIntervalsResolver, EffectiveReviewIntervalResolver],
  exports: [ReviewIntervalsService],
})
export class ReviewIntervalsModule {}
