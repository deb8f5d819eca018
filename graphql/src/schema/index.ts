import { builder } from '../builder';
import '../scalars';
import './errors';
import './health';
import './reference';
import './association';
import './user';
import './organization';
import './request';
import './dispatch';
import './open-board';
import './account';
import './notification';
import './volunteer';
import './audit';
import './expense';
import './reconciliation';

export const schema = builder.toSchema({ sortSchema: true });
