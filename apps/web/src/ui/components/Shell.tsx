import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text, Title, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useLiveStream } from "../live";
import { useSessionState } from "../SessionContext";
import { AppSwitch } from "./AppSwitch";

/** The pages, in the order of the navigation (each needs one of `scopes`, or is hidden). */
export const PAGES: { path: string; label: string; scopes: string[] }[] = [
  { path: "/secrets", label: "Secrets", scopes: ["secrets:read"] },
  { path: "/flags", label: "Flags", scopes: ["flags:read"] },
  { path: "/segments", label: "Segments", scopes: ["flags:read"] },
  { path: "/config", label: "Config", scopes: ["config:read"] },
  { path: "/rotation", label: "Rotation", scopes: ["secrets:read"] },
  { path: "/tokens", label: "Tokens", scopes: ["tokens:read"] },
  { path: "/blobs", label: "Blobs", scopes: ["blobs:read"] },
  { path: "/webhooks", label: "Webhooks", scopes: ["webhooks:read"] },
  { path: "/audit", label: "Audit", scopes: ["audit:read"] },
  { path: "/apps", label: "Apps & API keys", scopes: ["admin"] },
];

/** Header (app, key scopes, app switch, sign out), navigation, and the page. */
export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSessionState();
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  const live = useLiveStream();
  if (session === undefined) return null;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            {/* On a phone the header keeps the app, the live state and Sign out; the name goes. */}
            <Title order={1} size="h4" visibleFrom="xs">
              Vault
            </Title>
            {session.instanceAdmin ? (
              <AppSwitch />
            ) : (
              <Badge variant="light" size="lg" data-testid="current-app">
                app: {session.appId}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            {live !== "off" && (
              <Tooltip label="Flag and config pages follow changes made elsewhere as they happen">
                <Badge
                  variant="dot"
                  color={live === "live" ? "green" : "yellow"}
                  data-testid="live-state"
                  data-state={live}
                  tt="none"
                >
                  {live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Reconnecting…"}
                </Badge>
              </Tooltip>
            )}
            <Group gap={4} visibleFrom="md" aria-label="This key's scopes" data-testid="scopes">
              {session.scopes.map((scope) => (
                <Badge key={scope} variant="outline" size="sm">
                  {scope}
                </Badge>
              ))}
            </Group>
            <Tooltip label="Forget the key in this tab">
              <Button variant="subtle" size="xs" onClick={signOut}>
                Sign out
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Pages">
        <ScrollArea>
          {PAGES.map((page) => (
            <NavLink
              key={page.path}
              component={Link}
              href={page.path}
              label={page.label}
              active={location === page.path || location.startsWith(`${page.path}/`)}
              onClick={close}
            />
          ))}
          <Text size="xs" c="dimmed" mt="md" px="sm" hiddenFrom="md">
            Scopes: {session.scopes.join(", ")}
          </Text>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
