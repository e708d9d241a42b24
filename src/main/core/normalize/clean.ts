// Site boilerplate out (navigation, 字体 大中小, 【打印】【关闭】, 扫一扫…, 阅读次数, footers), metadata
// lines kept (发布时间, 来源, 索引号, 文号); a body the page holds twice is read once.
import { cleanInline, type Block } from './blocks';

/** Fragments removed from any line. */
const FRAGMENTS: readonly RegExp[] = [
  /[【[(（]?\s*字体\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]?\s*[】\])）]?/gu,
  // 字号：大 中 小 (font size), not 发文字号 (the document number)
  /(?<!文)字号\s*[:：]\s*(?:[【[]?\s*[大中小]\s*[】\]]?\s*){2,}/gu,
  /[【[]\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|返回顶部|我要纠错|纠错|分享)\s*[】\]]/gu,
  /(?:打印本页|打印此页|关闭窗口|关闭本页|返回顶部|加入收藏)/gu,
  /扫一扫在手机(?:上)?打开当前页/gu,
  /(?:阅读次数|浏览次数|点击率|点击数|访问量|阅读量|浏览量|访问次数)\s*[:：]?\s*\d*\s*次?/gu,
  // the share targets only: a page copied as one line goes on after them
  /分享到\s*[:：]?\s*(?:(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|朋友圈|人人网|豆瓣网?|百度|更多|复制链接|\+)[\s、|，,]*)*/gu,
  /\|{3,}/gu,
];

/** Whole lines dropped when short and matching. */
const LINES: readonly RegExp[] = [
  // simplified and traditional (繁體 mirror sites)
  /^(?:当前位置|當前位置|您现在的位置|您現在的位置|你现在的位置|你現在的位置|您的位置|你的位置|所在位置|现在位置|現在位置)\s*[:：]/u,
  /^(?:首页|首頁)\s*[>＞»/]/u,
  /^(?:上一篇|下一篇|上一条|下一条|上一條|下一條)\s*[:：]/u,
  /(?:版权所有|版權所有|ICP备|ICP備|ICP证|ICP證|公网安备|公網安備|网站标识码|網站標識碼|技术支持|技術支持|主办单位|主辦單位|承办单位|承辦單位|网站地图|網站地圖|联系我们|聯繫我們|政府网站找错|适老化|無障礙|无障碍)/iu,
  /^(?:相关链接|相关文章|相关阅读|相关新闻|热点推荐)\s*[:：]?$/u,
  // a browser's print header and footer kept by a text copy of the printed page: 12/1/26, 10:50 PM
  // …title…, 2023/1/20 15:05 …; file:///…/page.html 1/3
  /^(?:\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}\s*(?:[AP]M)?|\d{4}\/\d{1,2}\/\d{1,2}\s+(?:上午|下午)?\d{1,2}:\d{2})\s+\S/iu,
  /^(?:https?|file):\/\/\S+\s+\d{1,3}\s*\/\s*\d{1,3}$/iu,
];
const MAX_CHROME_LINE = 120;
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;

/** page numbers a text copy of a PDF or Word file keeps: — 3 —, 第3页, 第 3 页 共 12 页 (a bare 3 may be a cell) */
const TEXT_PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)$/u;

const isChromeLine = (text: string): boolean => text.length <= MAX_CHROME_LINE && (LINES.some((re) => re.test(text)) || TEXT_PAGE_NUMBER.test(text));

export interface Cleaned {
  blocks: Block[];
  boilerplateLines: number;
  repeatedChars: number;
  /** dropped footer lines naming who runs the site (主办单位：…, 版权所有：…) */
  site: string[];
}
const SITE_LINE = /主办|主辦|版权所有|版權所有|Copyright/iu;

export function clean(blocks: readonly Block[]): Cleaned {
  let boilerplateLines = 0;
  const kept: Block[] = [];
  const site: string[] = [];
  for (const b of blocks) {
    if (b.cells || b.marks) {
      // table rows and positioned lines keep their text (offsets map to cells and page boxes)
      if (b.cells || !(PAGE_NUMBER.test(b.text) || isChromeLine(b.text))) kept.push(b);
      else boilerplateLines++;
      continue;
    }
    let text = b.text;
    for (const re of FRAGMENTS) text = text.replace(re, ' ');
    const changed = text !== b.text;
    text = cleanInline(text.replace(/^[\s|]+|[\s|]+$/g, ''));
    const chrome = isChromeLine(text);
    if (changed || chrome) boilerplateLines++;
    if (text && !chrome) kept.push({ text });
    else if (chrome && SITE_LINE.test(text)) site.push(text);
  }
  const { blocks: once, removedChars } = dropRepeatedBody(kept);
  return { blocks: once, boilerplateLines, repeatedChars: removedChars, site };
}

const MIN_ANCHOR = 20;
const MIN_REPEAT = 200;

/** Prose lines start a repeat; table rows (0 | 0 | 0) repeat legitimately. */
const isAnchor = (b: Block): boolean => !b.cells && b.text.length >= MIN_ANCHOR && !b.text.includes('|') && (b.text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 5;

/** Remove the second copy of any run of lines (≥ 200 characters) that the page repeats. */
export function dropRepeatedBody(blocks: readonly Block[]): { blocks: Block[]; removedChars: number } {
  const first = new Map<string, number>();
  const drop = new Set<number>();
  let removedChars = 0;
  for (let j = 0; j < blocks.length; j++) {
    const text = blocks[j]!.text;
    const i = first.get(text);
    if (i === undefined) {
      if (isAnchor(blocks[j]!)) first.set(text, j);
      continue;
    }
    let k = 0;
    let chars = 0;
    while (j + k < blocks.length && i + k < j && blocks[i + k]!.text === blocks[j + k]!.text) chars += blocks[j + k++]!.text.length;
    if (chars >= MIN_REPEAT) {
      for (let d = 0; d < k; d++) drop.add(j + d);
      removedChars += chars;
      j += k - 1;
    }
  }
  return { blocks: blocks.filter((_, i) => !drop.has(i)), removedChars };
}
