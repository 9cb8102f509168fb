#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (npm ci builds it via `prepare`).
import { main, quietOnClosedPipe } from '../dist/cli/main.js';
quietOnClosedPipe();
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
