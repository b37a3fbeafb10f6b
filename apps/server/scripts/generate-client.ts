// Writes @vault/client's generated API types from the server's routes (no port opened, no database kept).
import { writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { CLIENT_TYPES_FILE, checkedInClientTypes, renderClientTypes } from "./client-types";

const rendered = await renderClientTypes();
if (rendered === (await checkedInClientTypes())) {
  console.log(`${relative(process.cwd(), CLIENT_TYPES_FILE)} is up to date`);
} else {
  await writeFile(CLIENT_TYPES_FILE, rendered);
  console.log(`wrote ${relative(process.cwd(), CLIENT_TYPES_FILE)}`);
}
