import { describeReadme } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts blocks as written (conventions: tools/readme-examples.mjs): the flag example, the
// targeting example, then the config example, with how many `// →` / `// throws` claims each makes.
describeReadme(import.meta.dirname, { claims: [6, 5, 8] });
