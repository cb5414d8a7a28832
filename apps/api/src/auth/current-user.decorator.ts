import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';

export function requestOf(context: ExecutionContext): { user?: AuthUser; headers: Record<string, string | undefined> } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).user);
