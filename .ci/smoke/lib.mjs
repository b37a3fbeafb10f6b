// A minimal runner for the smoke scripts: every check runs even when an earlier one failed, so that one run names
// every failure with its message; the process exits 1 if any failed.
export function smoke(title) {
  const results = [];
  return {
    async check(name, fn) {
      try {
        await fn();
        results.push(true);
        console.log(`  ok    ${name}`);
      } catch (error) {
        results.push(false);
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        console.log(`  FAIL  ${name}\n        ${message.split("\n").slice(0, 6).join("\n        ")}`);
      }
    },
    /** Prints the tally and exits (open handles such as pollers must not keep a failed smoke alive). */
    finish() {
      const failed = results.filter((ok) => !ok).length;
      console.log(`${title}: ${results.length - failed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}
