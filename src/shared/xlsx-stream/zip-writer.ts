import zlib from 'node:zlib';
import type { Writable } from 'node:stream';
import { waitFor } from './stream-wait';

/** An entry being written: text or bytes go in, deflated bytes go out to the archive's stream. */
export interface ZipEntryWriter {
  /** Appends to the entry; resolves once the compressor and the destination can take more (backpressure). */
  write(chunk: string | Buffer): Promise<void>;
  /** Closes the entry: flushes the compressor and writes the data descriptor. */
  end(): Promise<void>;
}

export interface ZipWriter {
  /** Starts the next entry; the previous one must have ended. */
  entry(name: string): ZipEntryWriter;
  /** Writes the central directory and ends the destination stream. */
  finish(): Promise<void>;
}

export interface ZipWriterOptions {
  /** Deflate level 0–9 (zlib's default 6 unless given). */
  level?: number;
  /** Modification time stored for every entry (now unless given). */
  date?: Date;
  /**
   * Sizes and offsets from this value up are written as ZIP64 fields. ZIP's own limit (0xFFFFFFFF) unless given;
   * tests lower it to exercise the ZIP64 records without writing 4 GiB.
   */
  zip64From?: number;
}

interface CentralRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
/** Bit 3: sizes and CRC follow the data in a descriptor (streaming); bit 11: the name is UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION_ZIP = 20;
const VERSION_ZIP64 = 45;
/** Bytes waiting for the compressor before a write has to wait. */
const COMPRESSOR_QUEUE = 1024 * 1024;

/** MS-DOS date and time fields (local time, two-second resolution) as ZIP stores them. */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

function u64(buf: Buffer, value: number, at: number): void {
  buf.writeBigUInt64LE(BigInt(value), at);
}

/**
 * A streaming ZIP writer: each entry is deflated (node:zlib) straight into `out` with its CRC-32 and sizes in a
 * data descriptor, so nothing but the central directory (a few bytes per entry) is held in memory. Writes wait while
 * `out` or the compressor is full. Entries past 4 GiB (or an archive whose central directory starts past it) get
 * ZIP64 records the way Go's archive/zip writes them: 8-byte sizes in the descriptor and a ZIP64 extra field in
 * the central directory, which is what Excel, LibreOffice and unzip read.
 */
export function createZipWriter(out: Writable, opts: ZipWriterOptions = {}): ZipWriter {
  const { date, time } = dosDateTime(opts.date ?? new Date());
  const limit = opts.zip64From ?? U32_MAX;
  const records: CentralRecord[] = [];
  let offset = 0;
  let open = false;

  async function put(buf: Buffer): Promise<void> {
    offset += buf.length;
    if (!out.write(buf)) await waitFor(out, 'drain', out);
  }

  function entry(nameText: string): ZipEntryWriter {
    if (open) throw new Error('zip: the previous entry has not ended');
    open = true;
    const name = Buffer.from(nameText, 'utf8');
    const start = offset;
    const header = Buffer.alloc(30 + name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION_ZIP, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC, sizes (14–25) stay zero: they follow in the data descriptor.
    header.writeUInt16LE(name.length, 26);
    name.copy(header, 30);
    offset += header.length;
    out.write(header);

    const deflate = zlib.createDeflateRaw({ level: opts.level ?? zlib.constants.Z_DEFAULT_COMPRESSION, chunkSize: 64 * 1024 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      if (!out.write(chunk)) deflate.pause();
    });
    const resume = (): void => {
      deflate.resume();
    };
    out.on('drain', resume);
    const ended = waitFor(deflate, 'end', out);
    // NOTE: a rejection here is reported by end(); this keeps it from counting as unhandled meanwhile.
    ended.catch(() => undefined);

    return {
      async write(chunk) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (buf.length === 0) return;
        crc = zlib.crc32(buf, crc);
        size += buf.length;
        // NOTE: compression runs on libuv's thread pool while the caller builds the next chunk, so a write only
        // waits when a megabyte is queued (waiting whenever write() says so, past 16 KB, made every chunk wait for
        // the one before). Otherwise it still yields one event-loop turn: the compressor takes its next piece of
        // input in a callback on this thread, and other requests get their turn.
        deflate.write(buf);
        if (deflate.writableLength > COMPRESSOR_QUEUE) await waitFor(deflate, 'drain', out);
        else await new Promise<void>((resolve) => setImmediate(resolve));
      },
      async end() {
        deflate.end();
        try {
          await ended;
        } finally {
          out.off('drain', resume);
        }
        offset += compressed;
        const zip64 = size >= limit || compressed >= limit;
        const descriptor = Buffer.alloc(zip64 ? 24 : 16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        if (zip64) {
          u64(descriptor, compressed, 8);
          u64(descriptor, size, 16);
        } else {
          descriptor.writeUInt32LE(compressed, 8);
          descriptor.writeUInt32LE(size, 12);
        }
        records.push({ name, crc: crc >>> 0, compressed, size, offset: start });
        open = false;
        await put(descriptor);
      },
    };
  }

  function centralHeader(r: CentralRecord): Buffer {
    const big = [r.size, r.compressed, r.offset].map((v) => v >= limit);
    const extra = big.filter(Boolean).length * 8;
    const buf = Buffer.alloc(46 + r.name.length + (extra ? 4 + extra : 0));
    const version = extra ? VERSION_ZIP64 : VERSION_ZIP;
    buf.writeUInt32LE(0x02014b50, 0);
    buf.writeUInt16LE(version, 4);
    buf.writeUInt16LE(version, 6);
    buf.writeUInt16LE(FLAGS, 8);
    buf.writeUInt16LE(DEFLATE, 10);
    buf.writeUInt16LE(time, 12);
    buf.writeUInt16LE(date, 14);
    buf.writeUInt32LE(r.crc, 16);
    buf.writeUInt32LE(big[1] ? U32_MAX : r.compressed, 20);
    buf.writeUInt32LE(big[0] ? U32_MAX : r.size, 24);
    buf.writeUInt16LE(r.name.length, 28);
    buf.writeUInt16LE(extra ? 4 + extra : 0, 30);
    // comment length, disk number, internal and external attributes stay zero
    buf.writeUInt32LE(big[2] ? U32_MAX : r.offset, 42);
    r.name.copy(buf, 46);
    if (extra) {
      // ZIP64 extended information: only the fields set to 0xFFFFFFFF above, in this order.
      let at = 46 + r.name.length;
      buf.writeUInt16LE(0x0001, at);
      buf.writeUInt16LE(extra, at + 2);
      at += 4;
      [r.size, r.compressed, r.offset].forEach((v, i) => {
        if (big[i]) {
          u64(buf, v, at);
          at += 8;
        }
      });
    }
    return buf;
  }

  function endRecords(count: number, dirSize: number, dirOffset: number): Buffer {
    const zip64 = count >= U16_MAX || dirSize >= limit || dirOffset >= limit;
    const parts: Buffer[] = [];
    if (zip64) {
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      u64(rec, 44, 4);
      rec.writeUInt16LE(VERSION_ZIP64, 12);
      rec.writeUInt16LE(VERSION_ZIP64, 14);
      u64(rec, count, 24);
      u64(rec, count, 32);
      u64(rec, dirSize, 40);
      u64(rec, dirOffset, 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      u64(locator, dirOffset + dirSize, 8);
      locator.writeUInt32LE(1, 16);
      parts.push(rec, locator);
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    // A field too large for the classic record holds its marker; readers then take it from the ZIP64 record.
    eocd.writeUInt16LE(Math.min(count, U16_MAX), 8);
    eocd.writeUInt16LE(Math.min(count, U16_MAX), 10);
    eocd.writeUInt32LE(dirSize >= limit ? U32_MAX : dirSize, 12);
    eocd.writeUInt32LE(dirOffset >= limit ? U32_MAX : dirOffset, 16);
    parts.push(eocd);
    return Buffer.concat(parts);
  }

  return {
    entry,
    async finish() {
      if (open) throw new Error('zip: an entry has not ended');
      const dirOffset = offset;
      const dir = Buffer.concat(records.map(centralHeader));
      await put(dir);
      const tail = endRecords(records.length, dir.length, dirOffset);
      const finished = waitFor(out, 'finish', out);
      out.end(tail);
      await finished;
    },
  };
}
