// Files and folders dropped on the window → File objects (folders walked), each knowing its
// relative path so the harness keeps the folder structure.
type Entry = FileSystemEntry;

export type DroppedFile = File & { relativePath?: string };

export async function filesFromDrop(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is Entry => Boolean(e));
  if (entries.length === 0) return [...data.files];
  const out: DroppedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: Entry, out: DroppedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push(Object.assign(file, { relativePath: entry.fullPath.replace(/^\//, '') }));
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}
