import { dosDateTime } from './zip-writer';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 64 KiB. */
const END_SEARCH = 22 + 0xffff;

/** Offset of the end-of-central-directory record, searched from the end of the archive. */
function endRecordAt(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--) {
    if (zip.readUInt32LE(at) === END_RECORD) return at;
  }
  throw new Error('ZIP tanpa direktori pusat');
}

/**
 * Sets the modification date of every entry of a ZIP (in its central directory and its local header) to `date`, in
 * place. A writer that stamps entries with the time of writing (archiver, under exceljs's streaming WorkbookWriter)
 * then gives the same bytes for the same content. NOTE: a ZIP64 archive keeps the classic fields this reads
 * (at most 65.535 entries, offsets below 4 GiB); a workbook is far from either.
 */
export function setZipDates(zip: Buffer, date: Date): Buffer {
  const { date: day, time } = dosDateTime(date);
  const end = endRecordAt(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('Direktori pusat ZIP rusak');
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('Header lokal ZIP rusak');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
