import SchemaBuilder from '@pothos/core';
import type { Context } from './context';

export interface PothosTypes {
  Context: Context;
  // Fields are non-null unless they say otherwise: absence should be a decision, not a default.
  DefaultFieldNullability: false;
}

export const builder = new SchemaBuilder<PothosTypes>({ defaultFieldNullability: false });

builder.queryType({});
