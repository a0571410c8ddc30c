/**
 * What an error says to the analyst. Messages from the engine can carry internals an analyst has no
 * use for: the web host's upload names ("827c98eb14ba8aa2-bad_image.csv" for bad_image.csv). Those
 * are taken out here, the one place every error toast passes through; the Api's error code is for
 * code, never shown.
 */

/** The 16-hex-digit prefix the web host gives an uploaded file (electron/web-host uploads). */
const UPLOAD_PREFIX = /(^|[\s'"“‘(/\\])[0-9a-f]{16}-(?=[^\s/\\])/g;

export function plainMessage(message: string): string {
  return message.replace(UPLOAD_PREFIX, '$1').trim();
}
