import { builder } from '../builder';
import './health';

export const schema = builder.toSchema({ sortSchema: true });
