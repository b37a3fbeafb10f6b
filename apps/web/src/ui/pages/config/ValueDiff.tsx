import { Box, Text } from "@mantine/core";
import { diffLines } from "diff";

/** Two values as JSON, line by line: removed lines red with "-", added green with "+" (readable without colour). */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  const parts = diffLines(`${JSON.stringify(before, null, 2)}\n`, `${JSON.stringify(after, null, 2)}\n`);
  return (
    <Box
      component="pre"
      data-testid="value-diff"
      aria-label="Difference between the versions"
      style={{ fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13, margin: 0, overflowX: "auto" }}
    >
      {parts.flatMap((part, p) =>
        part.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, l) => {
            const sign = part.added ? "+" : part.removed ? "-" : " ";
            const color = part.added ? "green" : part.removed ? "red" : undefined;
            return (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: the diff's lines have no identity of their own
                key={`${p}-${l}`}
                component="span"
                display="block"
                c={color}
                bg={part.added ? "green.0" : part.removed ? "red.0" : undefined}
                ff="monospace"
                fz={13}
                data-change={part.added ? "added" : part.removed ? "removed" : "same"}
              >
                {sign} {line}
              </Text>
            );
          }),
      )}
    </Box>
  );
}
