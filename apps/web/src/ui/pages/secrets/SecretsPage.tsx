import { Title } from "@mantine/core";

export default function SecretsPage() {
  return <Title order={2}>Secrets</Title>;
}
