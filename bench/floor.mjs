// Start-up's floor (run.mjs `startup`): an ES module of the shape of the package's Node entries
// (pkg/node/validate.mjs imports a few-byte CommonJS door, which requires the glue), whose
// "glue" only parses JSON. What Node takes to load it is what any package of this shape costs
// before its own code runs; the package's own share is its time less this one's.
import cjs from './floor-door.cjs';

export const { validate } = cjs;
