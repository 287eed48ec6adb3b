/* eslint-disable */
// @ts-nocheck
import { extractQuantities } from '../src/knowledge/quantities.js';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(extractQuantities(s).map((q) => [q.text, q.unit])));
