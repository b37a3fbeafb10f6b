import { describeReadme } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts blocks as written (conventions: tools/readme-examples.mjs): openDatabase() and migrate,
// then a database opened by hand with its change feed, with how many `// →` / `// throws` claims each makes.
describeReadme(import.meta.dirname, { claims: [2, 1] });
