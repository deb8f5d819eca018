import { writeFileSync } from 'node:fs';
import { schemaFile, schemaSdl } from './sdl';

writeFileSync(schemaFile, schemaSdl());
console.log(`wrote ${schemaFile}`);
