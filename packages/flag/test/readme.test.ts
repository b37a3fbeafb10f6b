import { describeReadme } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts blocks (the service, then audiences, segments and usage; the engine's example is in @vault/engine) as written (conventions:
// tools/readme-examples.mjs), with how many `// →` and `// throws` claims it makes.
describeReadme(import.meta.dirname, { claims: [9, 7] });
