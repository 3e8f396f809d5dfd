#!/usr/bin/env node
/**
 * The `feedsim` executable (package.json `bin`): runs the command line and exits with its code.
 * @module
 */
import { main } from './main.js';

main(process.argv).then((code) => process.exit(code));
