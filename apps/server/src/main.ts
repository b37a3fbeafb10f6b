#!/usr/bin/env node
import { main } from "./cli";

// `pnpm start` runs this with no arguments: `vault serve`.
await main();
