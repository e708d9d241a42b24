// The part of word-extractor's API we use (the package ships no types).
declare module 'word-extractor' {
  export default class WordExtractor {
    extract(input: string | Buffer): Promise<{ getBody(): string }>;
  }
}
