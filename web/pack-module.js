// The pack module (encart-pack.wasm): reading a pack downloads only this, not the full module's
// JSON, feed and related-index code.
import createEncartPackModule from 'encart:pack-glue';
import { moduleLoader } from './module.js';

const pack = moduleLoader(createEncartPackModule, 'encart-pack.wasm');
export const loadPackModule = pack.load;
export const discardPackModule = pack.discard;
