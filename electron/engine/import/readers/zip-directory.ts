/**
 * The central directory of a zip file (APPNOTE 6.3 §4.3.12–16): each entry's name and its compressed
 * and uncompressed sizes, read from the end of the file without inflating anything. The XLSX reader
 * checks these before exceljs unpacks a workbook (a small file can unpack to gigabytes). Sizes a
 * zip declares can lie; they bound what an honest workbook needs, and a liar is caught by the
 * inflater's own limits or fails to parse. Zip64 sizes (0xFFFFFFFF) read as "over any cap".
 */
import { open } from 'node:fs/promises';

export interface ZipEntrySize {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
/** A central directory larger than this is not a workbook's (a million entries). */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

/**
 * Where the end-of-central-directory record starts in `bytes` (a whole zip or its last 64 kB), or
 * −1 when there is none: a zip cut short. (but-unzip loops forever looking for it in a small
 * buffer without one, so callers check first.)
 */
export function findZipEnd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - EOCD_MIN_BYTES - MAX_COMMENT_BYTES);
  for (let i = bytes.length - EOCD_MIN_BYTES; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

/** The entries' sizes, or null when the file has no readable central directory. */
export async function readZipDirectory(path: string): Promise<ZipEntrySize[] | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailBytes = Math.min(size, EOCD_MIN_BYTES + MAX_COMMENT_BYTES);
    const tail = Buffer.alloc(tailBytes);
    await handle.read(tail, 0, tailBytes, size - tailBytes);
    const eocd = findZipEnd(tail);
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const directoryBytes = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryBytes > MAX_DIRECTORY_BYTES || directoryOffset + directoryBytes > size) return null;
    const directory = Buffer.alloc(directoryBytes);
    await handle.read(directory, 0, directoryBytes, directoryOffset);
    const entries: ZipEntrySize[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
      const compressed = directory.readUInt32LE(at + 20);
      const uncompressed = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const zip64 = (n: number) => (n === 0xffffffff ? Number.POSITIVE_INFINITY : n);
      entries.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        compressedBytes: zip64(compressed),
        uncompressedBytes: zip64(uncompressed),
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}
