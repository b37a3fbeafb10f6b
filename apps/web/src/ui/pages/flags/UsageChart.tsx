import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { unwrap } from "../../api";
import { ErrorAlert } from "../../components/Page";
import { useApi } from "../../SessionContext";
import type { Flag } from "./FlagDetail";

/** How many days the chart covers. */
const DAYS = 14;
const WIDTH = 560;
const HEIGHT = 140;

/**
 * Evaluations of the flag per UTC day over the last two weeks, as bars, with the split by variant over the whole
 * window. The API answers totals over the last N days (GET /flag-usage?days=N); a day's count is the difference of
 * two windows. Counts reach the server in periodic flushes, so the last minutes may be missing.
 */
export function UsageChart({ flag }: { flag: Flag }) {
  const { api, appId } = useApi();
  const windows = useQueries({
    queries: Array.from({ length: DAYS }, (_, i) => i + 1).map((days) => ({
      queryKey: ["flag-usage", appId, flag.key, days],
      queryFn: async () =>
        unwrap(
          await api.GET("/v1/apps/{appId}/flag-usage", {
            params: { path: { appId }, query: { days, flagKey: flag.key } },
          }),
        ),
    })),
  });
  const error = windows.find((w) => w.error)?.error;
  if (error) return <ErrorAlert error={error} />;
  if (windows.some((w) => !w.data)) return <Text size="sm">Loading usage…</Text>;
  const totals = windows.map((w) => w.data?.items.find((item) => item.flagKey === flag.key)?.total ?? 0);
  // totals[i] covers the last i+1 days: today's count is totals[0], the day before is totals[1] - totals[0], …
  const perDay = totals.map((total, i) => total - (i === 0 ? 0 : totals[i - 1]!)).reverse();
  const today = new Date();
  const labels = perDay.map((_, i) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (DAYS - 1 - i)));
    return day.toISOString().slice(5, 10);
  });
  const max = Math.max(1, ...perDay);
  const barWidth = WIDTH / DAYS;
  const overall = windows[DAYS - 1]?.data?.items.find((item) => item.flagKey === flag.key);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Evaluations per day (UTC), last {DAYS} days: {totals[DAYS - 1]} in all
        {overall?.lastEvaluatedAt ? `, last ${new Date(overall.lastEvaluatedAt).toLocaleString()}` : ""}. Counts arrive
        in periodic flushes, so the last minutes may not show yet.
      </Text>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        role="img"
        aria-label={`Evaluations per day: ${perDay.map((n, i) => `${labels[i]} ${n}`).join(", ")}`}
        data-testid="usage-chart"
      >
        {perDay.map((count, i) => {
          const h = (count / max) * HEIGHT;
          return (
            <g key={labels[i]}>
              <rect
                x={i * barWidth + 2}
                y={HEIGHT - h}
                width={barWidth - 4}
                height={h}
                fill="var(--mantine-color-indigo-5)"
              >
                <title>{`${labels[i]}: ${count}`}</title>
              </rect>
              {i % 2 === 0 && (
                <text
                  x={i * barWidth + barWidth / 2}
                  y={HEIGHT + 14}
                  fontSize="10"
                  textAnchor="middle"
                  fill="currentColor"
                >
                  {labels[i]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {overall && overall.variants.length > 0 && (
        <Table aria-label="Evaluations by variant" maw={400}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Variant ({DAYS} days)</Table.Th>
              <Table.Th>Evaluations</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overall.variants.map((v) => (
              <Table.Tr key={v.variant ?? "(none)"}>
                <Table.Td>
                  <Group gap={4}>{v.variant ?? <Badge variant="outline">no variant</Badge>}</Group>
                </Table.Td>
                <Table.Td>{v.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
