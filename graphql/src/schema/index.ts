import { builder } from '../builder';
import '../scalars';
import './errors';
import './health';
import './reference';
import './association';
import './user';
import './organization';

export const schema = builder.toSchema({ sortSchema: true });
