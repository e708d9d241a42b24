// Drop anywhere on the window: true while something is dragged over it, the files on drop.
import { useEffect, useState } from 'react';
import { filesFromDrop } from './drop';

export function useWindowDrop(onFiles: (files: File[]) => unknown, onError: (message: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child element crossed
    const over = (e: DragEvent) => e.preventDefault();
    const enter = (e: DragEvent) => {
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = async (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer) return;
      try {
        // the desktop app gets real paths (folders included); the browser walks folders and uploads
        const files = window.api ? [...e.dataTransfer.files] : await filesFromDrop(e.dataTransfer);
        if (files.length) onFiles(files);
      } catch (err) {
        onError((err as Error).message);
      }
    };
    const listeners = { dragover: over, dragenter: enter, dragleave: leave, drop } as const;
    for (const [type, fn] of Object.entries(listeners)) window.addEventListener(type, fn as EventListener);
    return () => {
      for (const [type, fn] of Object.entries(listeners)) window.removeEventListener(type, fn as EventListener);
    };
  }, [onFiles, onError]);
  return dragging;
}
