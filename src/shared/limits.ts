/** Limits the UI and main agree on. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one source; split it into parts`;
}
