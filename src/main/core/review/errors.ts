// A failure of a review operation, reported across the API as { ok: false, code, message }.
export class ReviewError extends Error {
  constructor(
    readonly code: 'not_found' | 'no_page' | 'blob_missing' | 'same_report' | 'bad_meta' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}
