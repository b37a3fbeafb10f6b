export { type StartOptions, type StartReport, start } from "./start";
