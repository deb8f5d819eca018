import { builder } from '../builder';
import '../scalars';
import './errors';
import './health';
import './reference';
import './association';
import './user';
import './organization';
import './request';
import './open-board';
import './account';
import './notification';
import './volunteer';
import './audit';

export const schema = builder.toSchema({ sortSchema: true });
