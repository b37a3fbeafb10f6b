import { describeReadme } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts block as written (conventions: tools/readme-examples.mjs), with how many `// →` and
// `// throws` claims it makes.
describeReadme(import.meta.dirname, { claims: [9] });
