import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DashboardCount', { description: 'One bar or slice: a key (status, platform key or unit id), its label and how many.' })
export class DashboardCountModel {
  @Field() key: string;
  @Field() label: string;
  @Field(() => Int) count: number;
}

@ObjectType('DashboardAccounts', { description: 'Accounts that need attention, as a number and the ids behind it (for the list the number links to).' })
export class DashboardAccountSetModel {
  @Field(() => Int) count: number;
  @Field(() => [ID]) ids: string[];
}

@ObjectType('Dashboard', {
  description:
    "The state of the register as far as the caller may see it (an editor: its own units). Every number is computed with the same filters as the list it links to.",
})
export class DashboardModel {
  @Field(() => [DashboardCountModel], { description: 'Every account by status.' }) accountsByStatus: DashboardCountModel[];
  @Field(() => [DashboardCountModel], { description: 'Active accounts by platform (platforms without any left out).' }) activeByPlatform: DashboardCountModel[];
  @Field(() => [DashboardCountModel], { description: 'Active accounts by top-level unit (a service with everything below it).' }) activeByUnit: DashboardCountModel[];
  @Field(() => Int) activeTotal: number;
  @Field(() => DashboardAccountSetModel, { description: "Active accounts whose handle breaks today's naming rules without a waiver (legacy included)." })
  activeNamingErrors: DashboardAccountSetModel;
  @Field(() => DashboardAccountSetModel, { description: 'Active accounts with a required house-style item that does not pass today.' })
  activeChecklistIncomplete: DashboardAccountSetModel;
  @Field(() => Int) reviewsOverdue: number;
  @Field(() => Int) tooFewOwners: number;
  @Field(() => Int) defunctPlatform: number;
  @Field(() => Int) submittedWaiting: number;
  @Field(() => Int) drafts: number;
  @Field(() => Int, { description: 'ACTIVE claims that expire today or within 90 days.' }) urlsExpiring: number;
  @Field(() => Int, { description: 'Claims whose expiry date has passed.' }) urlsExpired: number;
  @Field(() => [DashboardCountModel], { description: 'Open impersonation cases by state (states without any left out).' }) openCasesByState: DashboardCountModel[];
  @Field(() => Int, { description: 'Open cases past the time limit of their state.' }) casesOverdue: number;
  @Field(() => Int, { description: 'Cases awaiting the legal decision (LEGAL_REVIEW).' }) casesInLegalReview: number;
}
