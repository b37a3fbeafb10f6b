#!/usr/bin/env node
// The `vault` command of the published package: the built CLI. (A file of its own, so that a workspace install links
// the command before anything is built.)
import "../dist/main.js";
