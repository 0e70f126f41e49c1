// The door of bench/floor.mjs, as pkg/node/validate-door.cjs is the validate entry's.
'use strict';
module.exports = require('./floor-glue.cjs');
