import { Button, type ButtonProps, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { ErrorAlert } from "./Page";

interface ConfirmButtonProps extends ButtonProps {
  /** What the dialog asks. */
  title: string;
  /** What happens, in words (irreversible effects named). */
  message: ReactNode;
  /** When set, the person types this to confirm (for what cannot be undone). */
  typeToConfirm?: string;
  confirmLabel?: string;
  onConfirm(): Promise<unknown> | unknown;
  children: ReactNode;
}

/** A button whose action runs only after a confirmation dialog (and, for the irreversible, typing the name). */
export function ConfirmButton({
  title,
  message,
  typeToConfirm,
  confirmLabel = "Confirm",
  onConfirm,
  children,
  ...button
}: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const ready = typeToConfirm === undefined || typed === typeToConfirm;
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm();
      close();
    } catch (error) {
      // Refused: the dialog stays open with the API's reason, where the person is looking.
      setFailure(error);
    } finally {
      setBusy(false);
      setTyped("");
    }
  };
  return (
    <>
      <Button
        {...button}
        onClick={() => {
          setFailure(undefined);
          open();
        }}
      >
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          {typeToConfirm !== undefined && (
            <TextInput
              label={`Type ${typeToConfirm} to confirm`}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
            />
          )}
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={button.color ?? "red"} disabled={!ready} loading={busy} onClick={confirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
