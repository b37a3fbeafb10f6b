import { describeReadme } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts blocks as written (conventions: tools/readme-examples.mjs), with how many `// →` and
// `// throws` claims each makes.
describeReadme(import.meta.dirname, { claims: [5, 6] });
