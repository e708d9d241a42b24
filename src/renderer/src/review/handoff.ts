// A report the library's detail panel has just fetched, handed to the review screen opened on it
// (one round trip less before its page is asked for). Taken once, and only while fresh.
import type { ReportDetail } from '../../../shared/model';

const FRESH_MS = 10_000;
let held: { detail: ReportDetail; at: number } | null = null;

export function handOver(detail: ReportDetail): void {
  held = { detail, at: performance.now() };
}

export function takeOver(id: number): ReportDetail | null {
  const h = held;
  held = null;
  return h && h.detail.id === id && performance.now() - h.at < FRESH_MS ? h.detail : null;
}
