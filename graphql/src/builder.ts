import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { relations } from '@tsunagu/db';
import {
  ConflictError,
  ForbiddenError,
  isAdmin,
  isCoordinator,
  mayActOn,
  NotFoundError,
  type Owner,
  UnauthenticatedError,
  ValidationError,
} from '@tsunagu/domain';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { Context } from './context';
import './input-guard';

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  // Fields are non-null unless they say otherwise: absence should be a decision, not a default.
  DefaultFieldNullability: false;
  AuthScopes: {
    signedIn: boolean;
    requester: boolean;
    volunteer: boolean;
    coordinator: boolean;
    admin: boolean;
    /** Coordinates (or administers) this association. */
    coordinatorOf: string;
    adminOf: string;
    /** Belongs to this organization (of this association) as requesting staff. */
    staffOf: Required<Owner>;
    /** Is this volunteer. */
    volunteerSelf: string;
    /** Coordinates an association that reaches members of these through an accepted partnership. */
    coordinatesPartnerOf: string[];
    /** Reads this document: its organization's staff, its coordinators, the translator booked on its request. */
    readsDocument: { associationId: string; organizationId: string; requestId: string | null };
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: string };
  };
}

/**
 * A node that does not exist (deleted, or never was) is null, as Relay has it. The Drizzle
 * plugin's loader rejects with "Model <table>(<id>) not found" instead.
 */
async function nodeOrNull(load: () => Promise<unknown>): Promise<unknown> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
    throw error;
  }
}

export const builder = new SchemaBuilder<PothosTypes>({
  // The input guard outermost, so that it checks raw arguments before anything reads them and
  // turns whatever escapes into a typed error; relay next so that scope checks see decoded global
  // IDs; scope-auth before the rest.
  plugins: ['inputGuard', RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    nodesOnConnection: true,
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      resolve: (_root, { id }, _context, _info, resolveNode) => nodeOrNull(async () => resolveNode(id)),
    },
    nodesQueryOptions: {
      // One at a time, so that one missing node is null without failing the others.
      resolve: (_root, { ids }, context, info): Promise<unknown>[] =>
        ids.map((id) =>
          nodeOrNull(async (): Promise<unknown> => (await resolveNodes(builder, context, info, [id]))[0]),
        ),
    },
  },
  drizzle: { client: (context) => context.db, getTableConfig, relations, maxConnectionSize: 100 },
  errors: {
    defaultTypes: [ValidationError, NotFoundError, ForbiddenError, ConflictError],
    // The input guard's ValidationError, thrown while the arguments are read, joins the union too.
    unsafelyHandleInputErrors: true,
  },
  scopeAuth: {
    // A type's scopes (Volunteer's, Organization's…) run once per object as it is completed, not
    // before each of its fields: a list of 20 volunteers costs 20 checks, not 20 per field selected
    // (pnpm bench api: about a sixth of the API's CPU per request). A denied object fails as a
    // whole, with the same FORBIDDEN error, before any of its fields resolves.
    runScopesOnType: true,
    authScopes: ({ viewer, services }) => ({
      signedIn: viewer.userId !== null,
      requester: viewer.organizationId !== null,
      volunteer: viewer.volunteerId !== null,
      coordinator: isCoordinator(viewer),
      admin: isAdmin(viewer),
      coordinatorOf: (associationId) => mayActOn(viewer, { associationId }, 'coordinator'),
      adminOf: (associationId) => mayActOn(viewer, { associationId }, 'admin'),
      staffOf: (owner) => mayActOn(viewer, owner, 'requester'),
      volunteerSelf: (volunteerId) => viewer.volunteerId === volunteerId,
      coordinatesPartnerOf: (associationIds) => services.partnerships.coordinatesPartnerOf(viewer, associationIds),
      readsDocument: (document) => services.documents.mayRead(viewer, document),
    }),
    // Scope results are cached per request by their argument: an array or an owner by its contents.
    cacheKey: (value) => {
      if (Array.isArray(value)) return value.join(',');
      if (typeof value !== 'object' || value === null) return value;
      const owner = value as Owner & { requestId?: string | null };
      return `${owner.associationId}/${owner.organizationId}/${owner.requestId ?? ''}`;
    },
    // In the reader's language, as every refusal: the web shows it.
    unauthorizedError: (_parent, context) =>
      context.viewer.userId === null
        ? new GraphQLError(new UnauthenticatedError().localized[context.viewer.locale], {
            extensions: { code: 'UNAUTHENTICATED' },
          })
        : new GraphQLError(new ForbiddenError('not_allowed').localized[context.viewer.locale], {
            extensions: { code: 'FORBIDDEN', reason: 'not_allowed' },
          }),
  },
});

builder.queryType({});
builder.mutationType({});
