// The OCR parts as one module (built to out/node/ocr.js for the benchmarks and the offline test).
export { createOcrPool, defaultPoolSize, OCR_PARAMS, OcrCancelled, type OcrPool, type OcrResult } from './engine';
export { pageImage, closePageImages, type PageImage } from './page-image';
export { OCR_SETTINGS, OCR_SETTINGS_KEY } from './settings';
export { tessdataDir } from './tessdata';
